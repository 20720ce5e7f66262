using CompanyProduct.Data;
using CompanyProduct.Items;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompanyProduct.Tests.Items;

/// <summary>The PostgreSQL store on a real server (skipped unless TEST_POSTGRES_CONNECTION_STRING is set).</summary>
public sealed class PostgresItemStoreTests
{
    private static readonly DateTimeOffset When = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Database, PostgresItemStore Store)> CreateAsync()
    {
        TestDatabase database = await TestDatabase.CreateAsync();
        await new SchemaMigrator(database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return (database, new PostgresItemStore(database.DataSource));
    }

    [PostgresFact]
    public async Task Stores_finds_and_pages_items_in_list_order()
    {
        (TestDatabase database, PostgresItemStore store) = await CreateAsync();
        await using (database)
        {
            Guid low = Guid.Parse("00000000-0000-0000-0000-000000000001");
            Guid high = Guid.Parse("ffffffff-0000-0000-0000-000000000001");
            await store.AddAsync(new Item(high, "b", null, When), CancellationToken.None);
            await store.AddAsync(new Item(low, "a", "first", When), CancellationToken.None);
            await store.AddAsync(new Item(Guid.NewGuid(), "c", null, When.AddTicks(10)), CancellationToken.None);

            Assert.Equal(new Item(low, "a", "first", When), await store.FindAsync(low, CancellationToken.None));
            Assert.Null(await store.FindAsync(Guid.NewGuid(), CancellationToken.None));
            IReadOnlyList<Item> first = await store.ListAsync(null, 2, CancellationToken.None);
            Assert.Equal(["a", "b"], first.Select(i => i.Name));
            IReadOnlyList<Item> rest = await store.ListAsync(ItemCursor.After(first[^1]), 10, CancellationToken.None);
            Assert.Equal(["c"], rest.Select(i => i.Name));
            Assert.True(await store.IsAvailableAsync(CancellationToken.None));
        }
    }

    [PostgresFact]
    public async Task Rejects_a_duplicate_id()
    {
        (TestDatabase database, PostgresItemStore store) = await CreateAsync();
        await using (database)
        {
            var item = new Item(Guid.NewGuid(), "x", null, When);
            await store.AddAsync(item, CancellationToken.None);

            await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(item, CancellationToken.None));
        }
    }

    [PostgresFact]
    public async Task Is_not_available_before_the_schema_exists()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync();

        Assert.False(await new PostgresItemStore(database.DataSource).IsAvailableAsync(CancellationToken.None));
    }
}
