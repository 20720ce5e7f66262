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
        Assert.Equal(ceilingMs / 2, Backoff.Delay(attempt, Base, Max, jitter: 0).TotalMilliseconds, 6);
        Assert.Equal(ceilingMs * 0.75, Backoff.Delay(attempt, Base, Max, jitter: 0.5).TotalMilliseconds, 6);
        for (int i = 0; i < 100; i++)
        {
            Assert.InRange(Backoff.Delay(attempt, Base, Max).TotalMilliseconds, ceilingMs / 2, ceilingMs);
        }
    }

    [Fact]
    public void Jitter_spreads_the_delays()
    {
        var delays = Enumerable.Range(0, 20).Select(_ => Backoff.Delay(3, Base, Max)).Distinct().Count();

        Assert.True(delays > 10, $"{delays} distinct delays out of 20");
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.0)]
    public void Rejects_an_attempt_below_one_and_jitter_outside_zero_to_one(int attempt, double jitter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(attempt, Base, Max, jitter));
}
