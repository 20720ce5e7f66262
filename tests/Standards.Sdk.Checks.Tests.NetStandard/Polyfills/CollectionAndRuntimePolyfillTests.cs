using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Standards.Sdk.Checks.Tests.Polyfills;

/// <summary>The netstandard2.0 LINQ, dictionary, hashing, char and process members (from the Polyfill package) give what .NET's give.</summary>
public sealed class CollectionAndRuntimePolyfillTests
{
    [Fact]
    public void Linq_members_match_dotnet()
    {
        string[] items = ["b", "A", "a", "c", "B", "a"];
        Assert.Equal(items.DistinctBy(s => s, StringComparer.OrdinalIgnoreCase), PackagePolyfill.Get<Func<IEnumerable<string>, Func<string, string>, IEqualityComparer<string>?, IEnumerable<string>>>("DistinctBy", typeof(string), typeof(string))(items, s => s, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(items.DistinctBy(s => s.Length), PackagePolyfill.Get<Func<IEnumerable<string>, Func<string, int>, IEnumerable<string>>>("DistinctBy", typeof(string), typeof(int))(items, s => s.Length));
        Assert.Equal(items.Order(StringComparer.Ordinal), PackagePolyfill.Get<Func<IEnumerable<string>, IComparer<string>?, IOrderedEnumerable<string>>>("Order", typeof(string))(items, StringComparer.Ordinal));
        Assert.Equal(items.Order(), PackagePolyfill.Get<Func<IEnumerable<string>, IOrderedEnumerable<string>>>("Order", typeof(string))(items));
        Assert.Equal(items.OrderDescending(StringComparer.Ordinal), PackagePolyfill.Get<Func<IEnumerable<string>, IComparer<string>?, IOrderedEnumerable<string>>>("OrderDescending", typeof(string))(items, StringComparer.Ordinal));
        Assert.Equal(items.ToHashSet(StringComparer.OrdinalIgnoreCase), PackagePolyfill.Get<Func<IEnumerable<string>, IEqualityComparer<string>?, HashSet<string>>>("ToHashSet", typeof(string))(items, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(items.MaxBy(s => s.Length + (s == "c" ? 1 : 0)), MaxBy<string, int>()(items, s => s.Length + (s == "c" ? 1 : 0)));
        Assert.Equal(items.MinBy(s => s[0]), PackagePolyfill.Get<Func<IEnumerable<string>, Func<string, char>, string?>>("MinBy", typeof(string), typeof(char))(items, s => s[0]));
        Assert.Equal(Array.Empty<string>().MaxBy(s => s), MaxBy<string, string>()(Array.Empty<string>(), s => s));
        Assert.Throws<InvalidOperationException>(() => Array.Empty<int>().MaxBy(i => i));
        Assert.Throws<InvalidOperationException>(() => MaxBy<int, int>()(Array.Empty<int>(), i => i));
    }

    [Fact]
    public void Dictionary_members_match_dotnet()
    {
        var tryAdd = PackagePolyfill.Get<Func<IDictionary<string, int>, string, int, bool>>("TryAdd", typeof(string), typeof(int));
        var getValueOrDefault = PackagePolyfill.Get<Func<IReadOnlyDictionary<string, int>, string, int>>("GetValueOrDefault", typeof(string), typeof(int));
        var remove = PackagePolyfill.Get<RemoveFromDictionary>("Remove", typeof(string), typeof(int));
        var real = new Dictionary<string, int> { ["a"] = 1 };
        var mine = new Dictionary<string, int> { ["a"] = 1 };
        Assert.Equal(real.TryAdd("a", 2), tryAdd(mine, "a", 2));
        Assert.Equal(real.TryAdd("b", 3), tryAdd(mine, "b", 3));
        Assert.Equal(real, mine);
        IReadOnlyDictionary<string, int> view = mine;
        Assert.Equal(3, getValueOrDefault(view, "b"));
        Assert.Equal(0, getValueOrDefault(view, "z"));
        Assert.Equal(9, PackagePolyfill.Get<Func<IReadOnlyDictionary<string, int>, string, int, int>>("GetValueOrDefault", typeof(string), typeof(int))(view, "z", 9));
        Assert.Equal(real.Remove("b", out var realValue), remove(mine, "b", out var value));
        Assert.Equal(realValue, value);
        Assert.Equal(real.Remove("b", out _), remove(mine, "b", out _));
        PackagePolyfill.Get<DeconstructPair>("Deconstruct", typeof(string), typeof(int))(new KeyValuePair<string, int>("k", 5), out var key, out var number);
        Assert.Equal(("k", 5), (key, number));
    }

    [Fact]
    public void ReadOnlySet_is_a_view_with_the_sets_comparer()
    {
        var set = new HashSet<string>(["Alpha"], StringComparer.OrdinalIgnoreCase);
        IReadOnlySet<string> view = set;
        Assert.True(view.Contains("ALPHA"));
        set.Add("beta");
        Assert.Equal(2, view.Count);
        Assert.True(view.SetEquals(["alpha", "BETA"]) && view.Overlaps(["beta"]) && view.IsSubsetOf(["alpha", "beta", "c"]) && view.IsSupersetOf(["beta"]));
        HashSet<string>? none = null;
        IReadOnlySet<string>? nothing = none;
        Assert.Null(nothing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a\nb\nc\n")]
    public void Hash_and_hex_match_dotnet(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(SHA256.HashData(bytes), PackagePolyfill.Get<Func<byte[], byte[]>>("SHA256Polyfill", "HashData")(bytes));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), PackagePolyfill.Get<Func<byte[], string>>("ToHexString")(SHA256.HashData(bytes)));
        Assert.Equal(Encoding.UTF8.GetString(bytes.AsSpan()), PackagePolyfill.Get<GetStringOfSpan>("GetString")(Encoding.UTF8, bytes.AsSpan()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a\nb\nc\n")]
    public void Hash_of_a_stream_matches_dotnet(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var real = new MemoryStream(bytes);
        using var mine = new MemoryStream(bytes);
        Assert.Equal(SHA256.HashData(real), PackagePolyfill.Get<Func<Stream, byte[]>>("SHA256Polyfill", "HashData")(mine));
    }

    [Fact]
    public void ProcessId_matches_dotnet() => Assert.Equal(Environment.ProcessId, PackagePolyfill.Get<Func<int>>("get_ProcessId")());

    /// <summary>File.Move with overwrite replaces an existing destination and moves onto a free one, as .NET's does.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Move_with_overwrite_matches_dotnet(bool destinationExists)
    {
        var polyfillMove = PackagePolyfill.Get<Action<string, string, bool>>("Move");
        var folder = Directory.CreateTempSubdirectory("std-move-").FullName;
        try
        {
            foreach (var (name, move) in new (string, Action<string, string>)[]
            {
                ("real", (a, b) => File.Move(a, b, overwrite: true)),
                ("mine", (a, b) => polyfillMove(a, b, true)),
            })
            {
                var source = Path.Combine(folder, name + ".new");
                var destination = Path.Combine(folder, name + ".txt");
                File.WriteAllText(source, "new");
                if (destinationExists)
                {
                    File.WriteAllText(destination, "old");
                }

                move(source, destination);
                Assert.False(File.Exists(source));
                Assert.Equal("new", File.ReadAllText(destination));
            }

            Assert.Throws<IOException>(() => polyfillMove(Path.Combine(folder, "real.txt"), Path.Combine(folder, "mine.txt"), false));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ascii_char_tests_match_dotnet()
    {
        var isAsciiDigit = PackagePolyfill.Get<Func<char, bool>>("IsAsciiDigit");
        var isAsciiLetter = PackagePolyfill.Get<Func<char, bool>>("IsAsciiLetter");
        var isAsciiLetterLower = PackagePolyfill.Get<Func<char, bool>>("IsAsciiLetterLower");
        var isAsciiLetterUpper = PackagePolyfill.Get<Func<char, bool>>("IsAsciiLetterUpper");
        var isAsciiLetterOrDigit = PackagePolyfill.Get<Func<char, bool>>("IsAsciiLetterOrDigit");
        var isAsciiHexDigit = PackagePolyfill.Get<Func<char, bool>>("IsAsciiHexDigit");
        for (var c = '\0'; c < 300; c++)
        {
            Assert.Equal(char.IsAsciiDigit(c), isAsciiDigit(c));
            Assert.Equal(char.IsAsciiLetter(c), isAsciiLetter(c));
            Assert.Equal(char.IsAsciiLetterLower(c), isAsciiLetterLower(c));
            Assert.Equal(char.IsAsciiLetterUpper(c), isAsciiLetterUpper(c));
            Assert.Equal(char.IsAsciiLetterOrDigit(c), isAsciiLetterOrDigit(c));
            Assert.Equal(char.IsAsciiHexDigit(c), isAsciiHexDigit(c));
        }
    }

    /// <summary>
    /// Arguments quoted by the polyfill's ArgumentList reach the process as .NET's own ArgumentList passes them:
    /// a shell prints each argument it received between brackets.
    /// </summary>
    [Fact]
    public void ArgumentList_reaches_the_process_as_dotnets_does()
    {
        string[] arguments = ["plain", "", "two words", "quote\"inside", "back\\slash", "trailing\\", "\\\"both\\\\\"", "tab\there", "-z", "core.quotepath=off"];
        var real = new ProcessStartInfo("/bin/sh");
        var mine = new ProcessStartInfo("/bin/sh");
        foreach (var argument in (string[])["-c", "for a in \"$@\"; do printf '[%s]' \"$a\"; done", "sh", .. arguments])
        {
            real.ArgumentList.Add(argument);
            PackagePolyfill.Get<Func<ProcessStartInfo, System.Collections.ObjectModel.Collection<string>>>("get_ArgumentList")(mine).Add(argument);
        }

        Assert.Equal(Run(real), Run(mine));
        Assert.Equal(string.Concat(arguments.Select(a => $"[{a}]")), Run(mine));
    }

    private delegate bool RemoveFromDictionary(IDictionary<string, int> dictionary, string key, out int value);

    private delegate void DeconstructPair(KeyValuePair<string, int> pair, out string key, out int value);

    private delegate string GetStringOfSpan(Encoding encoding, ReadOnlySpan<byte> bytes);

    private static Func<IEnumerable<TSource>, Func<TSource, TKey>, TSource?> MaxBy<TSource, TKey>() =>
        PackagePolyfill.Get<Func<IEnumerable<TSource>, Func<TSource, TKey>, TSource?>>("MaxBy", typeof(TSource), typeof(TKey));

    private static string Run(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
