using CompanyProduct.Api.Hosting;
using CompanyProduct.Diagnostics;
using CompanyProduct.Errors;
using CompanyProduct.Items;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CompanyProduct.Api.Items;

/// <summary>The <c>/api/v1/items</c> endpoints.</summary>
public static class ItemsEndpoints
{
    /// <summary>The route prefix of the items resource.</summary>
    public const string Route = "/api/v1/items";

    /// <summary>Registers the services of the items feature.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddItemsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PaginationOptions>(configuration, PaginationOptions.SectionName)
            .Validate(o => o.DefaultLimit <= o.MaxLimit, "Pagination:DefaultLimit must not exceed Pagination:MaxLimit.");
        services.AddSingleton<IItemStore, InMemoryItemStore>();
        services.AddSingleton<ItemMetrics>();
        services.AddScoped<ItemService>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The same route builder.</returns>
    public static IEndpointRouteBuilder MapItemsEndpoints(this IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup(Route).WithTags("Items");
//#if (rateLimiting)
        group.RequireRateLimiting(RateLimitingSetup.PolicyName);
//#endif
        group.MapGet("/", ListAsync).WithName("ListItems");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetItem");
        group.MapPost("/", CreateAsync).WithName("CreateItem");
        return routes;
    }

    private static async Task<IResult> ListAsync(string? cursor, int? limit, ItemService items, CancellationToken cancellationToken)
    {
        Result<Page<Item>> result = await items.ListAsync(cursor, limit, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ItemPageResponse.From(result.Value)) : ApiProblems.From(result.Error);
    }

    private static async Task<IResult> GetAsync(Guid id, ItemService items, CancellationToken cancellationToken)
    {
        Result<Item> result = await items.GetAsync(id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ItemResponse.From(result.Value)) : ApiProblems.From(result.Error);
    }

    private static async Task<IResult> CreateAsync(CreateItemRequest request, ItemService items, CancellationToken cancellationToken)
    {
        Result<Item> result = await items.CreateAsync(new NewItem(request.Name, request.Description), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{Route}/{result.Value.Id}", ItemResponse.From(result.Value))
            : ApiProblems.From(result.Error);
    }
}
