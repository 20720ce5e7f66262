using CsCheck;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Properties;

/// <summary>
/// The baselines are repo input the build reads on every run: whatever standards-baseline.json and
/// standards-code-baseline.json hold, their readers give STD3901 (or, for a dated code entry, STD3051) naming the file
/// and a line, never an exception, never a hang; an entry is kept only when it is whole, and what the build writes
/// reads back as the same entries.
/// </summary>
public sealed class BaselineReaderProperties
{
    private const string RepoBaseline = "standards-baseline.json";
    private const string CodeBaseline = "standards-code-baseline.json";

    private static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly string[] Keys = ["version", "findings", "diagnostics", "code", "file", "message", "reason", "expires", "id", "hash", "$comment"];

    private const string RepoSkeleton = """
        {
          "version": §,
          "findings": [
            { "code": §, "file": §, "message": §, "reason": §, "expires": § },
            { "code": "STD3001", "file": "CHANGELOG.md", "message": "m" }
          ]
        }
        """;

    private const string CodeSkeleton = """
        {
          "version": §,
          "diagnostics": [
            { "id": §, "file": §, "hash": §, "reason": §, "expires": § }
          ]
        }
        """;

    private static readonly string[] RepoValues = ["1", "\"STD3014\"", "\"docs/adr/0002.md\"", "\"lacks a status\"", "\"1.4.0 -> 1.5.0\"", "\"2027-03-01\""];

    private static readonly string[] CodeValues = ["1", "\"CA1502\"", "\"src/A.cs\"", "\"3f2a\"", "\"1.4.0 -> 1.5.0\"", "\"2026-01-01\""];

    [Fact]
    public void Random_adoption_baselines_give_entries_and_STD3901_with_the_file_and_a_line() =>
        HostileJson.Document(Keys).Sample(AssertRepoBaselineTotal, iter: 300, threads: 1);

    [Fact]
    public void Hostile_values_in_an_adoption_baseline_give_STD3901_with_the_file_and_a_line() =>
        HostileJson.Skeleton(RepoSkeleton, Keys, RepoValues).Sample(AssertRepoBaselineTotal, iter: 300, threads: 1);

    [Fact]
    public void Random_code_baselines_give_STD3901_or_STD3051_with_the_file_and_a_line()
    {
        HostileJson.Document(Keys).Sample(AssertCodeBaselineTotal, iter: 150, threads: 1);
        HostileJson.Skeleton(CodeSkeleton, Keys, CodeValues).Sample(AssertCodeBaselineTotal, iter: 150, threads: 1);
    }

    [Fact]
    public void What_the_build_writes_reads_back_as_the_same_entries() =>
        Gen.Select(Gen.OneOf("STD3014", "STD3001", "STD2011"), Gen.OneOf<string>(Gen.OneOf(HostileJson.Strings), Gen.String), Gen.OneOf<string>(Gen.OneOf(HostileJson.Strings), Gen.String))
            .Select((code, file, message) => new Finding(code, Severity.Warning, message, file))
            .Where(f => !HasLoneSurrogate(f.Message) && !HasLoneSurrogate(f.File!))
            .Array[0, 8]
            .Sample(findings =>
            {
                var (read, problems) = BaselineFile.Parse(RepoBaseline, BaselineFile.Write(findings, "/repo"));
                Assert.Empty(problems);
                Assert.Equal(
                    Sorted(findings.Select(f => (f.Code, f.File!.Replace('\\', '/'), BaselineFile.Sanitize(f.Message, "/repo")))),
                    Sorted(read.Entries.Select(e => (e.Code, e.File, e.Message))));
            }, iter: 200, threads: 1);

    /// <summary>
    /// Entries in ordinal order: the culture's order calls strings of control characters equal ("\0" and "\x01"), so it
    /// would leave two different entries in the order each side listed them.
    /// </summary>
    private static List<(string Code, string File, string Message)> Sorted(IEnumerable<(string Code, string File, string Message)> entries) =>
        [.. entries.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Message, StringComparer.Ordinal)];

    [Fact]
    public void An_entry_with_an_expires_is_never_kept_as_one_that_never_expires() =>
        HostileJson.Value(Keys, 1).Sample(expires =>
        {
            var text = $$"""{ "version": 1, "findings": [ { "code": "STD3014", "file": "a.md", "message": "m", "expires": {{expires}} } ] }""";
            var (baseline, problems) = BaselineFile.Parse(RepoBaseline, text);
            Assert.All(baseline.Entries, e => Assert.NotNull(e.Expires));
            Assert.True(baseline.Entries.Count == 1 || problems.Count > 0, text);
        }, iter: 300, threads: 1);

    [Fact]
    public void A_code_entry_whose_expires_is_not_a_date_is_STD3901_at_its_line() =>
        HostileJson.Value(Keys, 1).Sample(expires =>
        {
            var text = "{ \"version\": 1, \"diagnostics\": [ { \"id\": \"CA1502\", \"file\": \"src/A.cs\", \"hash\": \"3f\",\n\"expires\": " + expires + " } ] }";
            var findings = CodeBaselineExpiry.Judge(text, Today);
            var isDate = expires.Length == 12 && DateOnly.TryParseExact(expires.Trim('"'), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
            if (PositionedJsonParser.Parse(text, new(AllowComments: false)).Succeeded && !isDate)
            {
                var finding = Assert.Single(findings);
                Assert.Equal((BaselineRuleIds.Malformed, 2), (finding.Code, finding.Line));
            }
        }, iter: 300, threads: 1);

    [Theory]
    [InlineData(10_000, false)]
    [InlineData(10_000, true)]
    public void Nesting_ten_thousand_levels_deep_is_STD3901(int depth, bool objects)
    {
        var text = "{\"version\": 1, \"findings\": " + HostileJson.Nest(depth, objects, closed: true) + "}";
        var problem = Assert.Single(BaselineFile.Parse(RepoBaseline, text).Problems);
        Assert.Equal((BaselineRuleIds.Malformed, RepoBaseline, 1), (problem.Code, problem.File, problem.Line));
        Assert.Empty(CodeBaselineExpiry.Judge(text.Replace("findings", "diagnostics", StringComparison.Ordinal), Today));
    }

    private static void AssertRepoBaselineTotal(string text)
    {
        var (baseline, problems) = BaselineFile.Parse(RepoBaseline, text);
        Assert.All(problems, p => AssertCoded(p, RepoBaseline, BaselineRuleIds.Malformed));
        Assert.All(baseline.Entries, e => Assert.True(e.Code.Length > 0 && e.Line >= 1, $"entry without a code or a line: {e}"));
    }

    private static void AssertCodeBaselineTotal(string text) =>
        Assert.All(CodeBaselineExpiry.Judge(text, Today), f => AssertCoded(f, CodeBaseline, BaselineRuleIds.Malformed, BaselineRuleIds.CodeEntryExpired));

    private static void AssertCoded(Finding finding, string file, params string[] codes)
    {
        Assert.Contains(finding.Code, codes);
        Assert.Equal(file, finding.File);
        Assert.True(finding.Line >= 1, $"{finding.Code} without a line: {finding.Message}");
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        HostileJson.AssertShown(finding.Message);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
