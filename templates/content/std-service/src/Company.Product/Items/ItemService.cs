using System.Diagnostics;
using CompanyProduct.Diagnostics;
using CompanyProduct.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Items;

/// <summary>The use cases of the items feature.</summary>
public sealed partial class ItemService
{
    private readonly IItemStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ItemMetrics _metrics;
    private readonly ILogger<ItemService> _logger;
    private readonly PaginationOptions _pagination;

    /// <summary>Initializes a new instance of the <see cref="ItemService"/> class.</summary>
    /// <param name="store">The item store.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="metrics">The item metrics.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="pagination">The pagination limits.</param>
    public ItemService(
        IItemStore store,
        TimeProvider timeProvider,
        ItemMetrics metrics,
        ILogger<ItemService> logger,
        IOptions<PaginationOptions> pagination)
    {
        ArgumentNullException.ThrowIfNull(pagination);
        _store = store;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _pagination = pagination.Value;
    }

    /// <summary>Creates an item.</summary>
    /// <param name="input">The client input.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created item, or a validation error.</returns>
    public async Task<Result<Item>> CreateAsync(NewItem input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyDictionary<string, string[]> errors = ItemRules.Validate(input);
        if (errors.Count > 0)
        {
            LogItemRejected(_logger, errors.Count);
            return Result.Failure<Item>(DomainError.Validation(errors));
        }

        using Activity? activity = ProductTelemetry.ActivitySource.StartActivity("items.create");
        // Microsecond precision: what PostgreSQL's timestamptz stores, so a cursor made from a stored item matches it.
        DateTimeOffset now = _timeProvider.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
        string? description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        var item = new Item(Guid.CreateVersion7(now), input.Name!.Trim(), description, now);
        await _store.AddAsync(item, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("item.id", item.Id);
        _metrics.ItemCreated();
        LogItemCreated(_logger, item.Id);
        return Result.Success(item);
    }

    /// <summary>Gets an item.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The item, or a not-found error.</returns>
    public async Task<Result<Item>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        Item? item = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return item is null
            ? Result.Failure<Item>(DomainError.NotFound(ErrorCodes.ItemNotFound, $"Item '{id}' does not exist."))
            : Result.Success(item);
    }

    /// <summary>Lists items, one page at a time.</summary>
    /// <param name="cursor">The opaque cursor from the previous page; <see langword="null"/> for the first page.</param>
    /// <param name="limit">The page size; the configured default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or a validation error for a bad cursor or limit.</returns>
    public async Task<Result<Page<Item>>> ListAsync(string? cursor, int? limit, CancellationToken cancellationToken)
    {
        int pageSize = limit ?? _pagination.DefaultLimit;
        if (pageSize < 1 || pageSize > _pagination.MaxLimit)
        {
            var fields = new Dictionary<string, string[]>
            {
                ["limit"] = [$"The limit must be between 1 and {_pagination.MaxLimit}."],
            };
            return Result.Failure<Page<Item>>(DomainError.Validation(fields));
        }

        ItemCursor? after = null;
        if (cursor is not null)
        {
            if (!ItemCursor.TryDecode(cursor, out ItemCursor decoded))
            {
                var fields = new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not valid."] };
                return Result.Failure<Page<Item>>(DomainError.Validation(fields, ErrorCodes.InvalidCursor));
            }

            after = decoded;
        }

        IReadOnlyList<Item> items = await _store.ListAsync(after, pageSize + 1, cancellationToken).ConfigureAwait(false);
        if (items.Count <= pageSize)
        {
            return Result.Success(new Page<Item>(items, null));
        }

        Item[] page = [.. items.Take(pageSize)];
        return Result.Success(new Page<Item>(page, ItemCursor.After(page[^1]).Encode()));
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Item {ItemId} created")]
    private static partial void LogItemCreated(ILogger logger, Guid itemId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Item rejected with {ErrorCount} invalid fields")]
    private static partial void LogItemRejected(ILogger logger, int errorCount);
}
