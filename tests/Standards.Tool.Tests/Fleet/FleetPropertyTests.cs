using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Standards.Adoption.Fleet;
using Standards.Sdk.Checks.Reports.Compliance;
using static Standards.Tool.Tests.Fleet.FleetSamples;

namespace Standards.Tool.Tests.Fleet;

/// <summary>
/// Property-based tests of the compliance.json reader and the report pipeline (CsCheck): random text and hostile
/// values in every member (huge and negative numbers, deep nesting, long strings with control characters, duplicate
/// keys, wrong types) give a coded finding with its line, or a record the page and fleet.json are made from; never an
/// unhandled exception.
/// </summary>
public sealed partial class FleetPropertyTests
{
    private static readonly string Valid = Text(Facts("org/a", warnings: 2, errors: 1, exceptions: [Exception("STD2001", "@a", "2026-12-01")]) with
    {
        Projects = [new ComplianceProject("src/A/A.csproj", "net10.0", [new ComplianceRuleCount("CA1305", "warning", 3, 1)], 2)],
        Coverage = new ComplianceCoverage(85, 70, 80, 60, true),
    });

    private static readonly string[] Members =
    [
        "schemaVersion", "repo", "commit", "date", "sdkVersion", "repoKind", "version", "scope", "errors", "warnings", "infos", "baselined",
        "suppressedInSource", "rule", "severity", "count", "project", "targetFrameworks", "code", "owner", "reason", "expires", "line",
        "branch", "lineThreshold", "branchThreshold", "passed", "enabled", "format",
    ];

    /// <summary>JSON values an attacker would put in a member.</summary>
    private static readonly Gen<string> Hostile = Gen.OneOf<string>(
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[int.MinValue, -1].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf("2147483647", "2147483648", "1e308", "1e400", "-0", "0.5", "99999999999999999999999999", "NaN", "\"\"", "true", "null", "{}", "[]", "[1]", "{\"a\":1}"),
        Gen.Int[1, 300].Select(n => new string('[', n) + new string(']', n)),
        Gen.String.Select(s => JsonSerializer.Serialize(s)),
        Gen.Char['\0', '\u202F'].Array[1, 200].Select(c => JsonSerializer.Serialize(new string(c))));

    [Fact]
    public void Random_text_is_a_record_or_a_coded_finding_with_a_line()
    {
        Gen.String.Sample(text =>
        {
            var (records, problems) = FleetInputs.Parse([("x/compliance.json", text)]);
            AssertCoded(records, problems);
        }, iter: 2000);
    }

    [Fact]
    public void A_hostile_value_in_any_member_is_a_coded_finding_or_a_record_the_report_is_made_from()
    {
        var gen = from member in Gen.Int[0, Members.Length - 1]
                  from occurrence in Gen.Int[0, 3]
                  from value in Hostile
                  select (Members[member], occurrence, value);
        gen.Sample(sample =>
        {
            var (member, occurrence, value) = sample;
            var text = ReplaceValue(Valid, member, occurrence, value);
            var (records, problems) = FleetInputs.Parse([("x/compliance.json", text)]);
            AssertCoded(records, problems);
            MakeReport(records, problems);
        }, iter: 3000);
    }

    [Fact]
    public void A_duplicate_key_anywhere_is_STD7520_at_the_second_key()
    {
        var gen = from member in Gen.Int[0, Members.Length - 1]
                  from value in Hostile
                  select (Members[member], value);
        gen.Sample(sample =>
        {
            var (member, value) = sample;
            var match = MemberValue(member).Match(Valid);
            if (!match.Success)
            {
                return;
            }

            var text = Valid.Insert(match.Index + match.Length, $", \"{member}\": {value}");
            var (records, problems) = FleetInputs.Parse([("x/compliance.json", text)]);
            Assert.Empty(records);
            var problem = Assert.Single(problems);
            Assert.Equal("STD7520", problem.Code);
            Assert.Equal(Valid[..match.Index].Count(c => c == '\n') + 1, problem.Line);
        }, iter: 500);
    }

    [Fact]
    public void Any_counts_are_read_exactly_when_their_sums_fit_and_the_report_never_overflows()
    {
        var row = from count in Gen.Int[0, int.MaxValue]
                  from baselined in Gen.Int[0, int.MaxValue]
                  from severity in Gen.OneOf("error", "warning", "info")
                  from rule in Gen.OneOf("STD3014", "STD3031", "CA1305")
                  select new ComplianceRuleCount(rule, severity, count, Math.Min(count, baselined));
        var gen = from repository in row.Array[0, 4]
                  from project in row.Array[0, 4]
                  from suppressed in Gen.Int[0, int.MaxValue]
                  from repoBaseline in Gen.Int[0, int.MaxValue]
                  from codeBaseline in Gen.Int[0, int.MaxValue]
                  select (repository, project, suppressed, repoBaseline, codeBaseline);
        gen.Sample(sample =>
        {
            var (repository, project, suppressed, repoBaseline, codeBaseline) = sample;
            // Written by hand: the SDK's writer sums as a build does, and no build records sums past int.MaxValue.
            var document = JsonNode.Parse(Text(Facts("org/a", repoBaseline: repoBaseline, codeBaseline: codeBaseline)))!;
            document["findings"]!["repository"]!["byRule"] = Rows(repository);
            document["projects"] = new JsonArray(new JsonObject
            {
                ["project"] = "src/A/A.csproj",
                ["targetFrameworks"] = "net10.0",
                ["suppressedInSource"] = suppressed,
                ["byRule"] = Rows(project),
            });
            var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            var fits = repository.Concat(project).Sum(f => (long)f.Count) <= int.MaxValue && (long)repoBaseline + codeBaseline <= int.MaxValue;

            var (records, problems) = FleetInputs.Parse([("x/compliance.json", text)]);
            AssertCoded(records, problems);
            Assert.Equal(fits, records.Count == 1);
            MakeReport(records, problems);
        }, iter: 1000);
    }

    private static void AssertCoded(IReadOnlyList<ComplianceRecord> records, IReadOnlyList<FleetProblem> problems)
    {
        Assert.Equal(1, records.Count + problems.Count);
        foreach (var problem in problems)
        {
            Assert.Matches("^STD752[0-9]$", problem.Code);
            Assert.Equal("x/compliance.json", problem.File);
            Assert.True(problem.Line >= 0, $"line {problem.Line}");
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            Assert.DoesNotContain('\n', problem.Formatted());
        }
    }

    /// <summary>The page and fleet.json of what was read: they must be made whatever the record holds.</summary>
    private static void MakeReport(IReadOnlyList<ComplianceRecord> records, IReadOnlyList<FleetProblem> problems)
    {
        var fleet = FleetModel.Build(records, Today);
        var html = FleetHtml.Write(fleet, problems);
        using var json = JsonDocument.Parse(FleetJson.Write(fleet, problems));
        Assert.DoesNotContain('\u202E', html);
        Assert.All(fleet.Repos, r => Assert.True(r.Findings >= 0 && r.Errors >= 0, $"{r.Findings} findings, {r.Errors} errors"));
        Assert.Equal(fleet.Repos.Count, json.RootElement.GetProperty("repos").GetArrayLength());
    }

    // The n-th "member": value (a scalar) of the document, or the first when there are fewer.
    private static string ReplaceValue(string text, string member, int occurrence, string value)
    {
        var matches = MemberValue(member).Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var match = matches[Math.Min(occurrence, matches.Count - 1)];
        var group = match.Groups["value"];
        return string.Concat(text.AsSpan(0, group.Index), value, text.AsSpan(group.Index + group.Length));
    }

    private static Regex MemberValue(string member) =>
        new($"\"{Regex.Escape(member)}\": (?<value>\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+-]+|true|false|null)", RegexOptions.CultureInvariant);

    private static JsonArray Rows(IEnumerable<ComplianceRuleCount> rows) => new([.. rows.Select(r => (JsonNode?)new JsonObject
    {
        ["rule"] = r.Rule,
        ["severity"] = r.Severity,
        ["count"] = r.Count,
        ["baselined"] = r.Baselined,
    })]);
}
