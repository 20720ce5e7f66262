using CompanyProduct.Messaging;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Tests.Messaging;

public sealed class InMemoryIdempotencyStoreTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryIdempotencyStore _store;

    public InMemoryIdempotencyStoreTests()
    {
        var options = new MessagingOptions { ClaimTimeout = TimeSpan.FromMinutes(1), IdempotencyRetention = TimeSpan.FromHours(1) };
        _store = new InMemoryIdempotencyStore(_clock, Options.Create(options));
    }

    [Fact]
    public async Task A_claimed_id_cannot_be_claimed_again()
    {
        Assert.True(await _store.TryBeginAsync("a", CancellationToken.None));
        Assert.False(await _store.TryBeginAsync("a", CancellationToken.None));
        Assert.True(await _store.TryBeginAsync("b", CancellationToken.None));
    }

    [Fact]
    public async Task A_released_claim_can_be_taken_again()
    {
        await _store.TryBeginAsync("a", CancellationToken.None);
        await _store.ReleaseAsync("a", CancellationToken.None);

        Assert.True(await _store.TryBeginAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task An_abandoned_claim_expires()
    {
        await _store.TryBeginAsync("a", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await _store.TryBeginAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task A_completed_id_is_remembered_for_the_retention_period()
    {
        await _store.TryBeginAsync("a", CancellationToken.None);
        await _store.CompleteAsync("a", CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await _store.TryBeginAsync("a", CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await _store.TryBeginAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task Prune_removes_expired_records()
    {
        await _store.TryBeginAsync("a", CancellationToken.None);
        await _store.TryBeginAsync("b", CancellationToken.None);
        await _store.CompleteAsync("b", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        _store.Prune(_clock.GetUtcNow());

        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public async Task Prunes_by_itself_as_claims_accumulate()
    {
        for (int i = 0; i < 1023; i++)
        {
            await _store.TryBeginAsync($"old-{i}", CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        await _store.TryBeginAsync("new", CancellationToken.None);

        Assert.Equal(1, _store.Count);
    }
}
