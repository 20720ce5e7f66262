using CompanyProduct.Items;

namespace CompanyProduct.Api.Items;

/// <summary>The body of <c>POST /api/v1/items</c>.</summary>
/// <param name="Name">The display name (required, at most 100 characters).</param>
/// <param name="Description">An optional description (at most 1000 characters).</param>
public sealed record CreateItemRequest(string? Name, string? Description)
{
    /// <summary>
    /// The largest body the endpoint reads, in bytes: the longest valid name and description, every character
    /// escaped as JSON's six-byte <c>\uXXXX</c>, fit with room to spare.
    /// </summary>
    public const int MaxBodySize = 16 * 1024;
}

/// <summary>An item as returned by the API.</summary>
/// <param name="Id">The identifier.</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">The description, if any.</param>
/// <param name="CreatedAt">When the item was created (UTC, ISO 8601).</param>
public sealed record ItemResponse(Guid Id, string Name, string? Description, DateTimeOffset CreatedAt)
{
    /// <summary>Maps a domain item to its API representation.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The response.</returns>
    public static ItemResponse From(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, item.Name, item.Description, item.CreatedAt);
    }
}

/// <summary>A page of items.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; <see langword="null"/> on the last page.</param>
public sealed record ItemPageResponse(IReadOnlyList<ItemResponse> Items, string? NextCursor)
{
    /// <summary>Maps a domain page to its API representation.</summary>
    /// <param name="page">The page.</param>
    /// <returns>The response.</returns>
    public static ItemPageResponse From(Page<Item> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new([.. page.Items.Select(ItemResponse.From)], page.NextCursor);
    }
}
