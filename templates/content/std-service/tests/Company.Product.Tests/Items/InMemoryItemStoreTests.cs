using CompanyProduct.Items;

namespace CompanyProduct.Tests.Items;

public sealed class InMemoryItemStoreTests
{
    [Fact]
    public async Task Add_rejects_a_duplicate_id()
    {
        var store = new InMemoryItemStore();
        var item = new Item(Guid.NewGuid(), "x", null, DateTimeOffset.UnixEpoch);
        await store.AddAsync(item, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(item with { Name = "y" }, CancellationToken.None));
    }

    [Fact]
    public async Task List_honours_the_count()
    {
        var store = new InMemoryItemStore();
        for (int i = 0; i < 3; i++)
        {
            await store.AddAsync(new Item(Guid.NewGuid(), $"{i}", null, DateTimeOffset.UnixEpoch.AddSeconds(i)), CancellationToken.None);
        }

        Assert.Equal(2, (await store.ListAsync(null, 2, CancellationToken.None)).Count);
        Assert.Empty(await store.ListAsync(null, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Is_available() => Assert.True(await new InMemoryItemStore().IsAvailableAsync(CancellationToken.None));
}
