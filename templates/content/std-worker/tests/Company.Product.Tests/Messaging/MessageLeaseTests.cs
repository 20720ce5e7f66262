using CompanyProduct.Messaging;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompanyProduct.Tests.Messaging;

public sealed class MessageLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static MessageLease Start(IMessageTransport transport, CancellationToken aborted = default) =>
        MessageLease.Start(transport, Message.Create("m-1", "t", "{}"), Lease, TimeProvider.System, NullLogger.Instance, aborted);

    private static async Task CancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource();
        await using CancellationTokenRegistration registration = token.Register(cancelled.SetResult);
        await cancelled.Task.WaitAsync(Bound, CancellationToken.None);
    }

    [Fact]
    public async Task Keeps_renewing_while_the_handling_runs_longer_than_the_lease()
    {
        var transport = new LeaseScriptTransport(_ => true);
        await using MessageLease lease = Start(transport, TestContext.Current.CancellationToken);

        // Five renewals take five thirds of a lease: the handling has outlived its first lease and still holds it.
        using var deadline = new CancellationTokenSource(Bound);
        while (transport.Renewals < 5)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }

        Assert.False(lease.IsLost);
        Assert.False(lease.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task A_lease_the_transport_reports_lost_cancels_the_handling()
    {
        var transport = new LeaseScriptTransport(renewal => renewal < 2);
        await using MessageLease lease = Start(transport, TestContext.Current.CancellationToken);

        await CancelledAsync(lease.Token);

        Assert.True(lease.IsLost);
        Assert.Equal(2, transport.Renewals);
    }

    [Fact]
    public async Task Renewals_that_keep_failing_cancel_the_handling_before_the_lease_ends()
    {
        var transport = new LeaseScriptTransport(_ => throw new InvalidOperationException("database down"));
        await using MessageLease lease = Start(transport, TestContext.Current.CancellationToken);

        await CancelledAsync(lease.Token);

        Assert.True(lease.IsLost);
    }

    [Fact]
    public async Task Aborting_cancels_the_handling_without_losing_the_lease()
    {
        using var abort = new CancellationTokenSource();
        await using MessageLease lease = Start(new LeaseScriptTransport(_ => true), abort.Token);

        await abort.CancelAsync();

        Assert.True(lease.Token.IsCancellationRequested);
        Assert.False(lease.IsLost);
    }
}
