namespace Demo.Orders;

/// <summary>Keeps the orders of one customer.</summary>
/// <param name="time">The clock; injected so tests can control it.</param>
public sealed class OrderBook(TimeProvider time)
{
    private readonly List<(string Sku, DateTimeOffset At)> orders = [];

    /// <summary>The number of orders placed.</summary>
    public int Count => orders.Count;

    /// <summary>Places an order for a product.</summary>
    /// <param name="sku">The product's stock-keeping unit.</param>
    /// <returns>When the order was placed.</returns>
    public DateTimeOffset Place(string sku)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        var at = time.GetUtcNow();
        orders.Add((sku, at));
        return at;
    }
}
