using CompanyProduct.Diagnostics;
using CompanyProduct.Errors;
using CompanyProduct.Items;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Tests.Items;

public sealed class ItemServiceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly TestMeterFactory _meters = new();
    private readonly InMemoryItemStore _store = new();
    private readonly ItemService _service;

    public ItemServiceTests()
    {
        _service = new ItemService(
            _store,
            _clock,
            new ItemMetrics(_meters),
            NullLogger<ItemService>.Instance,
            Options.Create(new PaginationOptions { DefaultLimit = 2, MaxLimit = 3 }));
    }

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task Create_stores_a_trimmed_item_stamped_with_the_clock()
    {
        Result<Item> result = await _service.CreateAsync(new NewItem("  Widget ", "  A widget. "), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("Widget", result.Value.Name);
        Assert.Equal("A widget.", result.Value.Description);
        Assert.Equal(Start, result.Value.CreatedAt);
        Assert.Equal(7, result.Value.Id.Version);
        Assert.Same(result.Value, await _store.FindAsync(result.Value.Id, CancellationToken.None));
        Assert.Equal(1, _meters.Total("items.created"));
    }

    [Fact]
    public async Task Create_treats_a_blank_description_as_none()
    {
        Result<Item> result = await _service.CreateAsync(new NewItem("Widget", "   "), CancellationToken.None);

        Assert.Null(result.Value.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_rejects_a_missing_name(string? name)
    {
        Result<Item> result = await _service.CreateAsync(new NewItem(name, null), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal(ErrorCodes.ValidationFailed, result.Error.Code);
        Assert.Contains("name", result.Error.Fields!.Keys);
        Assert.Equal(0, _meters.Total("items.created"));
    }

    [Fact]
    public async Task Create_rejects_too_long_fields()
    {
        var input = new NewItem(new string('n', ItemRules.NameMaxLength + 1), new string('d', ItemRules.DescriptionMaxLength + 1));

        Result<Item> result = await _service.CreateAsync(input, CancellationToken.None);

        Assert.Equal(["description", "name"], result.Error!.Fields!.Keys.Order());
    }

    [Theory]
    [InlineData("a\0b", null, "name")]
    [InlineData("a\u001Bb", null, "name")]
    [InlineData("a\tb", null, "name")]
    [InlineData("a\u0085b", null, "name")]
    [InlineData("ok", "a\0b", "description")]
    [InlineData("ok", "a\u007Fb", "description")]
    public async Task Create_rejects_control_characters(string name, string? description, string field)
    {
        Result<Item> result = await _service.CreateAsync(new NewItem(name, description), CancellationToken.None);

        Assert.Equal([field], result.Error!.Fields!.Keys);
        Assert.Empty(await _store.ListAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Create_rejects_unpaired_surrogates()
    {
        // Built at run time: an attribute argument cannot hold an unpaired surrogate (it is stored as UTF-8).
        string high = "a" + (char)0xD800 + "b";
        string low = "a" + (char)0xDC00;

        Result<Item> name = await _service.CreateAsync(new NewItem(high, null), CancellationToken.None);
        Result<Item> description = await _service.CreateAsync(new NewItem("ok", low), CancellationToken.None);

        Assert.Equal(["name"], name.Error!.Fields!.Keys);
        Assert.Equal(["description"], description.Error!.Fields!.Keys);
    }

    [Fact]
    public async Task Create_accepts_line_breaks_and_tabs_in_a_description_and_emoji_anywhere()
    {
        Result<Item> result = await _service.CreateAsync(new NewItem("Widget \uD83D\uDE00", "line 1\r\nline 2\tend"), CancellationToken.None);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Get_returns_not_found_for_an_unknown_id()
    {
        Result<Item> result = await _service.GetAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal(ErrorCodes.ItemNotFound, result.Error.Code);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public async Task Get_returns_a_created_item()
    {
        Item created = (await _service.CreateAsync(new NewItem("Widget", null), CancellationToken.None)).Value;

        Result<Item> result = await _service.GetAsync(created.Id, CancellationToken.None);

        Assert.Equal(created, result.Value);
    }

    [Fact]
    public async Task List_walks_all_pages_in_creation_order()
    {
        var created = new List<Guid>();
        for (int i = 0; i < 5; i++)
        {
            created.Add((await _service.CreateAsync(new NewItem($"Item {i}", null), CancellationToken.None)).Value.Id);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        int pages = 0;
        do
        {
            Page<Item> page = (await _service.ListAsync(cursor, null, CancellationToken.None)).Value;
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(created, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_keeps_order_for_items_created_at_the_same_instant()
    {
        for (int i = 0; i < 4; i++)
        {
            await _service.CreateAsync(new NewItem($"Item {i}", null), CancellationToken.None);
        }

        Page<Item> first = (await _service.ListAsync(null, 3, CancellationToken.None)).Value;
        Page<Item> second = (await _service.ListAsync(first.NextCursor, 3, CancellationToken.None)).Value;

        Assert.Equal(4, first.Items.Concat(second.Items).Select(i => i.Id).Distinct().Count());
        Assert.Null(second.NextCursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public async Task List_rejects_a_limit_out_of_range(int limit)
    {
        Result<Page<Item>> result = await _service.ListAsync(null, limit, CancellationToken.None);

        Assert.Equal(ErrorCodes.ValidationFailed, result.Error!.Code);
        Assert.Contains("limit", result.Error.Fields!.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cursor")]
    [InlineData("AAAA")]
    public async Task List_rejects_a_bad_cursor(string cursor)
    {
        Result<Page<Item>> result = await _service.ListAsync(cursor, null, CancellationToken.None);

        Assert.Equal(ErrorCodes.InvalidCursor, result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
    }
}
