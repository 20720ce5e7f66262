//#if (hasAuth)
using CompanyProduct.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
//#endif

namespace CompanyProduct.Api.Hosting;

/// <summary>The OpenAPI document of the API, served at <c>/openapi/v1.json</c> (Microsoft.AspNetCore.OpenApi).</summary>
public static class ApiDocument
{
    /// <summary>The path of the document.</summary>
    public const string Path = "/openapi/v1.json";

    /// <summary>Registers the document generator.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
//#if (hasAuth)
        services.AddOpenApi(static options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
//#else
        services.AddOpenApi();
//#endif

    /// <summary>Maps the document: public in Development, behind authentication elsewhere (see <see cref="ApiDocumentAccess"/>).</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The same route builder.</returns>
    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder routes) =>
        routes.MapWithDocumentAccess(static document => document.MapOpenApi());
}
//#if (hasAuth)

/// <summary>Declares the bearer scheme in the document and requires it on every operation.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerTokenOptions.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"A JWT from the identity provider; scopes {ApiPolicies.ItemsReadScope} and {ApiPolicies.ItemsWriteScope}.",
        };
        var requirement = new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerTokenOptions.Scheme, document)] = [],
        };
        foreach (IOpenApiPathItem path in document.Paths.Values)
        {
            foreach (OpenApiOperation operation in path.Operations?.Values.AsEnumerable() ?? [])
            {
                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
//#endif
