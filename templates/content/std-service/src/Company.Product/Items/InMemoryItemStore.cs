namespace CompanyProduct.Items;

/// <summary>A thread-safe, process-local <see cref="IItemStore"/> for development and tests.</summary>
public sealed class InMemoryItemStore : IItemStore
{
    private static readonly Comparer<Item> ListOrder = Comparer<Item>.Create(static (left, right) =>
    {
        int byTime = left.CreatedAt.CompareTo(right.CreatedAt);
        return byTime != 0 ? byTime : left.Id.CompareTo(right.Id);
    });

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Item> _byId = [];
    private readonly SortedSet<Item> _ordered = new(ListOrder);

    /// <inheritdoc />
    public Task<Item?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_byId.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Item>> ListAsync(ItemCursor? after, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            IEnumerable<Item> query = after is { } cursor ? _ordered.Where(cursor.IsBefore) : _ordered;
            IReadOnlyList<Item> page = [.. query.Take(count)];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task AddAsync(Item item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            if (!_byId.TryAdd(item.Id, item))
            {
                throw new InvalidOperationException($"An item with id '{item.Id}' already exists.");
            }

            _ordered.Add(item);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
