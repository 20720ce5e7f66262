namespace CompanyProduct.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("  Crème Brûlée: 10 Tips!  ", "creme-brulee-10-tips")]
    [InlineData("ÀÉÎÕÜ ñ ç", "aeiou-n-c")]
    [InlineData("snake_case and kebab-case", "snake-case-and-kebab-case")]
    [InlineData("a---b___c", "a-b-c")]
    [InlineData("日本語 Title", "title")]
    [InlineData("42", "42")]
    public void Create_normalises_text(string text, string expected) =>
        Assert.Equal(expected, Slug.Create(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ???")]
    [InlineData("日本語")]
    public void Create_rejects_text_without_letters_or_digits(string text)
    {
        Assert.Throws<ArgumentException>(() => Slug.Create(text));
        Assert.False(Slug.TryCreate(text, out Slug slug));
        Assert.Equal(default, slug);
    }

    [Fact]
    public void Create_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => Slug.Create(null!));
        Assert.False(Slug.TryCreate(null, out _));
    }

    [Theory]
    [InlineData("a rather long title", 8, "a-rather")]
    [InlineData("a rather long title", 9, "a-rather")]
    [InlineData("abcdefghij", 4, "abcd")]
    [InlineData("short", 64, "short")]
    public void Create_cuts_long_slugs_at_a_word_boundary(string text, int maxLength, string expected) =>
        Assert.Equal(expected, Slug.Create(text, new SlugOptions { MaxLength = maxLength }).Value);

    [Fact]
    public void Create_uses_the_configured_separator() =>
        Assert.Equal("hello_world", Slug.Create("Hello World", new SlugOptions { Separator = '_' }).Value);

    [Theory]
    [InlineData(0)]
    [InlineData(SlugOptions.MaxLengthLimit + 1)]
    public void Options_reject_an_invalid_max_length(int maxLength) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlugOptions { MaxLength = maxLength });

    [Fact]
    public void Options_reject_an_invalid_separator() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlugOptions { Separator = ' ' });

    [Theory]
    [InlineData("already-a-slug", true)]
    [InlineData("a1", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("double--dash", false)]
    [InlineData("Upper", false)]
    [InlineData("with space", false)]
    public void TryParse_accepts_only_slugs(string? value, bool valid)
    {
        Assert.Equal(valid, Slug.TryParse(value, out Slug slug));
        Assert.Equal(valid ? value : string.Empty, slug.Value);
    }

    [Fact]
    public void TryParse_rejects_too_long_values() =>
        Assert.False(Slug.TryParse(new string('a', SlugOptions.MaxLengthLimit + 1), out _));

    [Fact]
    public void Slugs_compare_by_value()
    {
        Slug a = Slug.Create("Hello World");
        Slug b = Slug.Create("hello-world");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals("hello-world"));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("hello-world", a.ToString());
        Assert.Equal(11, a.Length);
        Assert.Equal(string.Empty, default(Slug).ToString());
    }
}
