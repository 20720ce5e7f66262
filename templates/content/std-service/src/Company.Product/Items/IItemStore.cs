namespace CompanyProduct.Items;

/// <summary>Persistence of items. <see cref="InMemoryItemStore"/> for tests and demos; a database adapter (PostgreSQL) in production.</summary>
public interface IItemStore
{
    /// <summary>Finds an item by identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item, or <see langword="null"/> when there is none.</returns>
    Task<Item?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists items ordered by creation time, then identifier.</summary>
    /// <param name="after">Only items after this cursor; <see langword="null"/> for the first page.</param>
    /// <param name="count">The maximum number of items to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <paramref name="count"/> items.</returns>
    Task<IReadOnlyList<Item>> ListAsync(ItemCursor? after, int count, CancellationToken cancellationToken);

    /// <summary>Adds a new item.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the item is stored.</returns>
    /// <exception cref="InvalidOperationException">An item with the same identifier exists.</exception>
    Task AddAsync(Item item, CancellationToken cancellationToken);

    /// <summary>Checks that the store can serve requests; used by the readiness probe.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the store is reachable.</returns>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken);
}
