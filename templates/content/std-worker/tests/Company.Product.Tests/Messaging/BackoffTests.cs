using CompanyProduct.Messaging;

namespace CompanyProduct.Tests.Messaging;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(5, 1600)]
    [InlineData(40, 30000)]
    public void Grows_exponentially_up_to_the_cap_with_jitter_in_the_upper_half(int attempt, double ceilingMs)
    {
        var random = new Random(42);
        for (int i = 0; i < 100; i++)
        {
            double delay = Backoff.Delay(attempt, Base, Max, random).TotalMilliseconds;
            Assert.InRange(delay, ceilingMs / 2, ceilingMs);
        }
    }

    [Fact]
    public void Jitter_spreads_the_delays()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 20).Select(_ => Backoff.Delay(3, Base, Max, random)).Distinct().Count();

        Assert.True(delays > 10, $"{delays} distinct delays out of 20");
    }

    [Fact]
    public void Rejects_an_attempt_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(0, Base, Max, Random.Shared));
}
