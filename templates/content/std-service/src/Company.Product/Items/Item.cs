namespace CompanyProduct.Items;

/// <summary>An item: the sample resource of this service.</summary>
/// <param name="Id">The identifier (a time-ordered UUID version 7).</param>
/// <param name="Name">The display name, 1 to <see cref="ItemRules.NameMaxLength"/> characters.</param>
/// <param name="Description">An optional description, at most <see cref="ItemRules.DescriptionMaxLength"/> characters.</param>
/// <param name="CreatedAt">When the item was created (UTC).</param>
public sealed record Item(Guid Id, string Name, string? Description, DateTimeOffset CreatedAt);

/// <summary>The input for creating an item, as received from a client (not yet validated).</summary>
/// <param name="Name">The display name.</param>
/// <param name="Description">An optional description.</param>
public sealed record NewItem(string? Name, string? Description);

/// <summary>A page of results of a list operation.</summary>
/// <typeparam name="T">The type of the entries.</typeparam>
/// <param name="Items">The entries of this page, in list order.</param>
/// <param name="NextCursor">The opaque cursor of the next page, or <see langword="null"/> on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
