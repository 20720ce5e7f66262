using System.Globalization;

namespace Standards.Sdk.Checks.Tests.Polyfills;

/// <summary>The netstandard2.0 string members (ours and the Polyfill package's) give what .NET's give.</summary>
public sealed class StringPolyfillTests
{
    public static TheoryData<string> Texts() => new() { "", ",", "a", " a , b ,, c ", "a,b,c", ",a,", "  ,  ", "x;y, z", "\ta\t,\nb\n" };

    /// <summary>
    /// Polyfill members are called through their extension class (the package's by reflection, see
    /// <see cref="PackagePolyfill"/>): in this .NET test project <c>text.Split(',')</c> would bind to .NET's own
    /// member. <c>get_TrimEntries()</c> is our polyfill's StringSplitOptions.TrimEntries.
    /// </summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void Split_with_every_option_matches_dotnet(string text)
    {
        var cases = new (StringSplitOptions Real, SplitOptions Polyfill)[]
        {
            (StringSplitOptions.TrimEntries, StringPolyfills.get_TrimEntries()),
            (StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries, StringSplitOptions.RemoveEmptyEntries | StringPolyfills.get_TrimEntries()),
        };
        foreach (var (real, polyfill) in cases)
        {
            Assert.Equal(text.Split(',', real), StringPolyfills.Split(text, ',', polyfill));
            Assert.Equal(text.Split([',', ';'], real), StringPolyfills.Split(text, [',', ';'], polyfill));
            Assert.Equal(text.Split(", ", real), StringPolyfills.Split(text, ", ", polyfill));
            Assert.Equal(text.Split((char[]?)null, real), StringPolyfills.Split(text, (char[]?)null, polyfill));
        }

        foreach (var options in new[] { StringSplitOptions.None, StringSplitOptions.RemoveEmptyEntries })
        {
            Assert.Equal(text.Split(',', options), PackagePolyfill.Get<Func<string, char, StringSplitOptions, string[]>>("Split")(text, ',', options));
            Assert.Equal(text.Split(',', 2, options), PackagePolyfill.Get<Func<string, char, int, StringSplitOptions, string[]>>("Split")(text, ',', 2, options));
            Assert.Equal(text.Split(", ", options), PackagePolyfill.Get<Func<string, string, StringSplitOptions, string[]>>("Split")(text, ", ", options));
        }
    }

    [Theory]
    [InlineData("src/a.cs", '/')]
    [InlineData("", '/')]
    [InlineData("/", '/')]
    [InlineData("ABC", 'b')]
    [InlineData("abc\0", '\0')]
    public void Char_members_match_dotnet(string text, char c)
    {
        Assert.Equal(text.Contains(c), PackagePolyfill.Get<Func<string, char, bool>>("Contains")(text, c));
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            Assert.Equal(text.Contains(c, comparison), PackagePolyfill.Get<Func<string, char, StringComparison, bool>>("Contains")(text, c, comparison));
            Assert.Equal(text.IndexOf(c, comparison), PackagePolyfill.Get<Func<string, char, StringComparison, int>>("IndexOf")(text, c, comparison));
            Assert.Equal(text.Contains(c.ToString(), comparison), PackagePolyfill.Get<Func<string, string, StringComparison, bool>>("Contains")(text, c.ToString(), comparison));
        }

        Assert.Equal(text.StartsWith(c), PackagePolyfill.Get<Func<string, char, bool>>("StartsWith")(text, c));
        Assert.Equal(text.EndsWith(c), PackagePolyfill.Get<Func<string, char, bool>>("EndsWith")(text, c));
    }

    [Theory]
    [InlineData("a/b/a/B", "a", "x")]
    [InlineData("aaa", "aa", "b")]
    [InlineData("Hello hello HELLO", "hello", "")]
    [InlineData("none here", "zz", "y")]
    [InlineData("/root/x and /root/", "/root/", "./")]
    public void Replace_matches_dotnet(string text, string oldValue, string newValue)
    {
        Assert.Equal(text.Replace(oldValue, newValue, StringComparison.Ordinal), StringPolyfills.Replace(text, oldValue, newValue, StringComparison.Ordinal));
        Assert.Equal(text.Replace(oldValue, newValue, StringComparison.OrdinalIgnoreCase), StringPolyfills.Replace(text, oldValue, newValue, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Replace_refuses_culture_matching_rather_than_differ() =>
        Assert.Throws<NotSupportedException>(() => StringPolyfills.Replace("a", "a", "b", StringComparison.CurrentCulture));

    [Fact]
    public void Join_and_Create_match_dotnet()
    {
        string[] parts = ["a", "", "c"];
        Assert.Equal(string.Join('/', parts), PackagePolyfill.Get<Func<char, string?[], string>>("Join")('/', parts));
        Assert.Equal(string.Join('/', parts.AsEnumerable()), PackagePolyfill.Get<Func<char, IEnumerable<string>, string>>("Join", typeof(string))('/', parts.AsEnumerable()));
        Assert.Equal(string.Join(',', new[] { 1, 2 }.AsEnumerable()), PackagePolyfill.Get<Func<char, IEnumerable<int>, string>>("Join", typeof(int))(',', new[] { 1, 2 }.AsEnumerable()));

        var culture = CultureInfo.GetCultureInfo("de-DE");
        var value = 1234.5;
        var date = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        Assert.Equal(
            string.Create(culture, $"{value} {value:N2} {date:yyyy-MM-dd} {42,5}|{"x",-3}|"),
            StringPolyfills.Create(culture, $"{value} {value:N2} {date:yyyy-MM-dd} {42,5}|{"x",-3}|"));
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"{value}.{7}"),
            StringPolyfills.Create(CultureInfo.InvariantCulture, $"{value}.{7}"));
    }
}
