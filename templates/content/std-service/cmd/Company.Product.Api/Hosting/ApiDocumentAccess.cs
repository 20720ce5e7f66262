namespace CompanyProduct.Api.Hosting;

/// <summary>
/// Who may read the OpenAPI document. Anyone in Development; elsewhere only an authenticated caller (without
/// authentication: nobody, the document is not served), unless <c>OpenApi:AllowAnonymous</c> is <c>true</c>.
/// </summary>
public static class ApiDocumentAccess
{
    /// <summary>The configuration key that makes the document public (or, set to false, private in Development too).</summary>
    public const string AllowAnonymousKey = "OpenApi:AllowAnonymous";

    /// <summary>Tells whether the document is public: the configured switch, else whether the environment is Development.</summary>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="environment">The host environment.</param>
    /// <returns><see langword="true"/> when anyone may read the document.</returns>
    public static bool IsPublic(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetValue<bool?>(AllowAnonymousKey) ?? environment.IsDevelopment();
    }

    /// <summary>Maps the document with the access <see cref="IsPublic"/> gives.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="map">Maps the document.</param>
    /// <returns>The same route builder.</returns>
    public static IEndpointRouteBuilder MapWithDocumentAccess(this IEndpointRouteBuilder routes, Func<IEndpointRouteBuilder, IEndpointConventionBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(map);
        bool isPublic = IsPublic(routes.ServiceProvider.GetRequiredService<IConfiguration>(), routes.ServiceProvider.GetRequiredService<IHostEnvironment>());
//#if (hasAuth)
        IEndpointConventionBuilder document = map(routes);
        _ = isPublic ? document.AllowAnonymous() : document.RequireAuthorization();
//#else
        if (isPublic)
        {
            _ = map(routes);
        }
//#endif
        return routes;
    }
}
