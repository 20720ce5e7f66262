using CompanyProduct.Api.Hosting;
//#if (hasAuth)
using CompanyProduct.Api.Security;
//#endif
using CompanyProduct.Api.Health;
using CompanyProduct.Diagnostics;
using CompanyProduct.Errors;
using CompanyProduct.Items;
using Microsoft.AspNetCore.Http.HttpResults;
//#if (hasDatabase)
using CompanyProduct.Api.Data;
//#endif

namespace CompanyProduct.Api.Items;

/// <summary>The <c>/api/v1/items</c> endpoints.</summary>
public static class ItemsEndpoints
{
    /// <summary>The route prefix of the items resource.</summary>
    public const string Route = "/api/v1/items";

    /// <summary>Registers the services of the items feature and the readiness check of its store.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="readiness">The readiness checks.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddItemsFeature(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        services.AddValidatedOptions<PaginationOptions>(configuration, PaginationOptions.SectionName)
            .Validate(o => o.DefaultLimit <= o.MaxLimit, "Pagination:DefaultLimit must not exceed Pagination:MaxLimit.");
//#if (hasDatabase)
        if (DatabaseSetup.UsesPostgres(configuration))
        {
            services.AddSingleton<IItemStore, PostgresItemStore>();
        }
        else
        {
            services.AddSingleton<IItemStore, InMemoryItemStore>();
        }
//#else
        services.AddSingleton<IItemStore, InMemoryItemStore>();
//#endif
        services.AddSingleton<ItemMetrics>();
        services.AddScoped<ItemService>();
        readiness.AddCheck<ItemStoreHealthCheck>("item-store", tags: [HealthTags.Ready], timeout: HealthTags.CheckTimeout);
        return services;
    }

    /// <summary>
    /// Maps the endpoints. Besides the responses of each handler, every endpoint may answer with the problems of the
    /// pipeline (malformed request, missing token, missing scope, rate limit, server error), declared here for the
    /// OpenAPI document.
    /// </summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The same route builder.</returns>
    public static IEndpointRouteBuilder MapItemsEndpoints(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup(Route).WithTags("Items")
            .ProducesProblem(StatusCodes.Status400BadRequest)
//#if (hasAuth)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
//#endif
//#if (rateLimiting)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
//#endif
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", ListAsync).WithName("ListItems").WithSummary("Lists items, oldest first, one page at a time.")
//#if (hasAuth)
            .RequireAuthorization(ApiPolicies.ItemsRead)
//#endif
            ;
        group.MapGet("/{id:guid}", GetAsync).WithName("GetItem").WithSummary("Gets one item.")
            .ProducesProblem(StatusCodes.Status404NotFound)
//#if (hasAuth)
            .RequireAuthorization(ApiPolicies.ItemsRead)
//#endif
            ;
        group.MapPost("/", CreateAsync).WithName("CreateItem").WithSummary("Creates an item.")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CreateItemRequest.MaxBodySize))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
//#if (hasAuth)
            .RequireAuthorization(ApiPolicies.ItemsWrite)
//#endif
            ;
        return routes;
    }

    private static async Task<Results<Ok<ItemPageResponse>, ValidationProblem>> ListAsync(string? cursor, int? limit, ItemService items, CancellationToken cancellationToken)
    {
        Result<Page<Item>> result = await items.ListAsync(cursor, limit, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ItemPageResponse.From(result.Value)) : ApiProblems.Validation(result.Error);
    }

    private static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> GetAsync(Guid id, ItemService items, CancellationToken cancellationToken)
    {
        Result<Item> result = await items.GetAsync(id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ItemResponse.From(result.Value)) : ApiProblems.From(result.Error);
    }

    private static async Task<Results<Created<ItemResponse>, ValidationProblem>> CreateAsync(CreateItemRequest request, ItemService items, CancellationToken cancellationToken)
    {
        Result<Item> result = await items.CreateAsync(new NewItem(request.Name, request.Description), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{Route}/{result.Value.Id}", ItemResponse.From(result.Value))
            : ApiProblems.Validation(result.Error);
    }
}
