using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Json;

/// <summary>
/// A lone UTF-16 surrogate escape ("\ud800") must not make the JSON reader throw something other than
/// JsonException (the whole policy check would become one STD0000). Every JSON format Standards.Sdk reads goes through
/// one entry point; generated escapes that cannot be decoded, put in keys and values at any line, must give each
/// format's own coded finding with the line, never an exception.
/// </summary>
public sealed class JsonTotalityTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>Escapes no JSON reader can turn into text, and a few it can (which must keep working).</summary>
    public static readonly string[] BadEscapes = [@"\ud800", @"\udfff", @"\udc00\ud800", @"\ud800x", @"\ud83d", @"\ude00", @"\ud800\u0041", @"a\udbff"];

    private static readonly string[] GoodEscapes = [@"\ud83d\ude00", @"\u00e9", @"\n", @"\""", @"\\"];

    public static IEnumerable<object[]> Variants()
    {
        foreach (var escape in BadEscapes)
        {
            foreach (var inKey in new[] { false, true })
            {
                foreach (var line in new[] { 2, 4 })
                {
                    yield return [escape, inKey, line];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_format_reports_an_undecodable_escape_with_its_code_and_line(string escape, bool inKey, int line)
    {
        var text = Document(escape, inKey, line);

        var parsed = PositionedJsonParser.Parse(text);
        Assert.False(parsed.Succeeded);
        Assert.Equal(line, parsed.ErrorLine);

        AssertCoded(PolicyLoader.Load("standards.json", text, Today).Findings, "STD0001", "standards.json", line);
        AssertCoded(PackagesLockFile.Parse("src/App/packages.lock.json", text, "dotnet restore").Problems, "STD2006", "src/App/packages.lock.json", line);
        AssertCoded(BaselineFile.Parse("standards-baseline.json", text).Problems, "STD3901", "standards-baseline.json", line);
        AssertCoded(GlobalJsonCheck.Run("global.json", text, _ => Severity.Error), "STD2008", "global.json", line);
        AssertCoded(LicenseCheck.Run("/r/App.csproj", text, _ => null, LicensePolicy.From(StandardsPolicy.Default).Policy, _ => Severity.Error, null, "/r/obj/project.assets.json"),
            "STD2011", "/r/obj/project.assets.json", line);
    }

    [Fact]
    public void Decodable_escapes_still_parse()
    {
        foreach (var escape in GoodEscapes)
        {
            Assert.True(PositionedJsonParser.Parse(Document(escape, inKey: false, line: 3)).Succeeded, escape);
            Assert.True(PositionedJsonParser.Parse(Document(escape, inKey: true, line: 3)).Succeeded, escape);
        }
    }

    [Fact]
    public void Random_documents_with_escapes_never_throw()
    {
        var random = new Random(7201);
        string[] pieces = [.. BadEscapes, .. GoodEscapes, "{", "}", "[", "]", ",", ":", "\"", "\n", "1", "true", "\"k\"", "//c\n", "/*", "*/", "\\u", "\\"];
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var parsed = PositionedJsonParser.Parse(text);
            Assert.True(parsed.Succeeded || parsed.ErrorLine >= 1);
            _ = PolicyLoader.Load("standards.json", text, Today);
            _ = PackagesLockFile.Parse("p.json", text, "x");
            _ = BaselineFile.Parse("b.json", text);
        }
    }

    [Fact]
    public void Duplicate_keys_at_any_depth_are_STD0002_at_the_second_one()
    {
        const string json = """
            {
              "profile": "default",
              "rules": {
                "STD1001": { "maxLines": 60, "maxLines": 80 },
                "std1001": "none"
              },
              "layout": { "requiredPaths": ["LICENSE"] },
              "exceptions": [ { "rule": "RS0030", "rule": "CA5351", "scope": "x", "owner": "o", "reason": "r", "expires": "2030-01-01" } ],
              "profile": "strict"
            }
            """;
        var findings = PolicyLoader.Load("standards.json", json, Today).Findings.Where(f => f.Message.Contains("written twice", StringComparison.Ordinal)).ToList();
        Assert.Equal([4, 5, 8, 9], findings.Select(f => f.Line).Order());
        Assert.All(findings, f => Assert.Equal("STD0002", f.Code));
        Assert.Contains(findings, f => f.Line == 9 && f.Message.Contains("first at line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_duplicates_are_always_reported()
    {
        var random = new Random(7202);
        string[] keys = ["profile", "kind", "helpBaseUrl"];
        for (var i = 0; i < 200; i++)
        {
            var key = keys[random.Next(keys.Length)];
            var value = key switch { "profile" => "\"default\"", "kind" => "\"library\"", _ => "\"https://x.example/\"" };
            var lines = new List<string> { "{" };
            var first = random.Next(1, 4);
            for (var l = 1; l < first; l++)
            {
                lines.Add("  // comment");
            }

            lines.Add($"  \"{key}\": {value},");
            var gap = random.Next(0, 4);
            for (var l = 0; l < gap; l++)
            {
                lines.Add("  \"rules\": {},".Replace("rules", l == 0 ? "rules" : "exceptions", StringComparison.Ordinal).Replace("{}", l == 0 ? "{}" : "[]", StringComparison.Ordinal));
            }

            lines.Add($"  \"{key}\": {value}");
            lines.Add("}");
            var findings = PolicyLoader.Load("standards.json", string.Join('\n', lines), Today).Findings;
            Assert.Contains(findings, f => f.Code == "STD0002" && f.Line == lines.Count - 1 && f.Message.Contains($"'{key}' is written twice", StringComparison.Ordinal));
        }
    }

    private static void AssertCoded(IEnumerable<Finding> findings, string code, string file, int line)
    {
        var finding = Assert.Single(findings);
        Assert.Equal((code, file, line), (finding.Code, finding.File, finding.Line));
    }

    /// <summary>A JSON object with the escape in a key or a value on the given line.</summary>
    private static string Document(string escape, bool inKey, int line)
    {
        var lines = new List<string> { "{" };
        while (lines.Count < line - 1)
        {
            lines.Add("  // padding");
        }

        lines.Add(inKey ? $"  \"k{escape}\": 1" : $"  \"k\": \"v{escape}\"");
        lines.Add("}");
        return string.Join('\n', lines);
    }
}
