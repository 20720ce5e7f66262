using System.Buffers.Text;
using CompanyProduct.Items;

namespace CompanyProduct.Tests.Items;

public sealed class ItemCursorTests
{
    private static readonly DateTimeOffset When = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Encode_then_decode_round_trips()
    {
        var cursor = new ItemCursor(When, Guid.NewGuid());

        string encoded = cursor.Encode();

        Assert.True(ItemCursor.TryDecode(encoded, out ItemCursor decoded));
        Assert.Equal(cursor, decoded);
        Assert.DoesNotContain('+', encoded);
        Assert.DoesNotContain('/', encoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("AQ")]
    public void TryDecode_rejects_malformed_input(string? value) => Assert.False(ItemCursor.TryDecode(value, out _));

    [Fact]
    public void TryDecode_rejects_every_other_form_of_a_valid_cursor_without_throwing()
    {
        string valid = new ItemCursor(When, Guid.NewGuid()).Encode();
        var malformed = new List<string> { valid + "=", valid + "==", valid + "A", " " + valid, valid + "\n", valid + "\0", valid[..33] + "=" };
        malformed.AddRange(Enumerable.Range(0, valid.Length).Select(n => valid[..n]));
        foreach (char wrong in "+/=.~ \0\u00E9\uFF21")
        {
            malformed.AddRange(Enumerable.Range(0, valid.Length).Select(at => valid[..at] + wrong + valid[(at + 1)..]));
        }

        malformed.Add(Convert.ToBase64String(Base64Url.DecodeFromChars(valid)));

        Assert.All(malformed, value => Assert.False(ItemCursor.TryDecode(value, out _), value));
    }

    [Fact]
    public void TryDecode_rejects_random_strings_without_throwing()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 2000; i++)
        {
            char[] chars = new char[random.Next(0, 40)];
            for (int c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)random.Next(0, 0x10000);
            }

            // Not 34 characters of the base64url alphabet: never the form the service writes.
            string value = new(chars);
            if (value.Length == 34 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                continue;
            }

            Assert.False(ItemCursor.TryDecode(value, out _), $"seed {seed}: {value}");
        }
    }

    [Fact]
    public void TryDecode_rejects_an_unknown_format_version()
    {
        byte[] bytes = Base64Url.DecodeFromChars(new ItemCursor(When, Guid.NewGuid()).Encode());
        bytes[0] = 2;

        Assert.False(ItemCursor.TryDecode(Base64Url.EncodeToString(bytes), out _));
    }

    [Fact]
    public void TryDecode_rejects_ticks_out_of_range()
    {
        byte[] bytes = Base64Url.DecodeFromChars(new ItemCursor(When, Guid.NewGuid()).Encode());
        bytes.AsSpan(1, 8).Fill(0xFF);

        Assert.False(ItemCursor.TryDecode(Base64Url.EncodeToString(bytes), out _));
    }

    [Fact]
    public void IsBefore_orders_by_time_then_id()
    {
        Guid low = Guid.Parse("00000000-0000-0000-0000-000000000001");
        Guid high = Guid.Parse("00000000-0000-0000-0000-000000000002");
        var cursor = new ItemCursor(When, low);

        Assert.True(cursor.IsBefore(new Item(high, "x", null, When)));
        Assert.False(cursor.IsBefore(new Item(low, "x", null, When)));
        Assert.True(cursor.IsBefore(new Item(low, "x", null, When.AddTicks(1))));
        Assert.False(cursor.IsBefore(new Item(high, "x", null, When.AddTicks(-1))));
    }
}
