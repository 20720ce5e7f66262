using Xunit;

namespace Demo.Orders.Tests;

public class OrderBookTests
{
    [Fact]
    public void Place_records_the_order_at_the_current_time()
    {
        var at = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var book = new OrderBook(new FixedTime(at));

        Assert.Equal(at, book.Place("SKU-1"));
        Assert.Equal(1, book.Count);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
