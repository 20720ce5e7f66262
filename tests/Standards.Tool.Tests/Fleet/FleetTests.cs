using System.Text.Json;
using Standards.Adoption.Fleet;
using Standards.Sdk.Checks.Reports.Compliance;
using static Standards.Tool.Tests.Fleet.FleetSamples;

namespace Standards.Tool.Tests.Fleet;

/// <summary>The fleet report's reader and aggregator: every bad input named with its code and reason, and what the page counts.</summary>
public sealed class FleetTests
{
    private const string Fix = "Use the compliance.json a CI build on Standards.Sdk wrote (artifacts/standards/compliance.json); its shape is schema/compliance.schema.json.";

    [Fact]
    public void Good_files_are_read_and_each_bad_one_is_named_with_its_code_line_and_reason()
    {
        var future = Text(Facts("b")).Replace("\"schemaVersion\": 2", "\"schemaVersion\": 7", StringComparison.Ordinal);
        var (records, problems) = FleetInputs.Parse(
        [
            ("a/compliance.json", Text(Facts("org/a"))),
            ("b/compliance.json", future),
            ("c/compliance.json", "{ \"schemaVersion\": 1,"),
            ("d/compliance.json", Text(Facts("org/d"))),
            ("e/compliance.json", Text(Facts("org/a"))),
        ]);

        Assert.Equal(["a/compliance.json", "d/compliance.json"], records.Select(r => r.File));
        Assert.Equal(3, problems.Count);
        Assert.Equal(
            new FleetProblem("STD7521", "b/compliance.json", 3, "schemaVersion 7 is newer than this tool reads (2): the file was written by a newer Standards.Sdk. Update Standards.Tool to the newest SDK version of the fleet (dotnet tool update Standards.Tool)."),
            problems[0]);
        Assert.Equal(("STD7520", "c/compliance.json", 1), (problems[1].Code, problems[1].File, problems[1].Line));
        Assert.StartsWith("The compliance file cannot be read: it is not valid JSON (", problems[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("). " + Fix, problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(
            new FleetProblem("STD7522", "e/compliance.json", 0, $"org/a at commit {Commit("org/a", 20)} is already read from a/compliance.json; this file is left out so the build counts once. Give each build's compliance.json once (one folder per build)."),
            problems[2]);
    }

    [Fact]
    public void A_problem_prints_as_the_tools_other_errors_with_its_help_link()
    {
        var problem = new FleetProblem("STD7522", "e/compliance.json", 0, "Twice.");

        Assert.StartsWith("e/compliance.json: error STD7522: Twice. See https://", problem.Formatted(), StringComparison.Ordinal);
        Assert.EndsWith("/STD7522.md", problem.Formatted(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_none_and_a_missing_path_are_STD7523()
    {
        using var folder = new TempFolder();
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "other.json"), "{}");
        var nested = Directory.CreateDirectory(Path.Combine(folder.Path, "builds", "org-a", "41")).FullName;
        File.WriteAllText(Path.Combine(nested, "compliance.json"), Text(Facts("org/a")));
        File.WriteAllText(Path.Combine(folder.Path, "builds", "org-a", "42.compliance.json"), Text(Facts("org/a", day: 21)));
        var missing = Path.Combine(folder.Path, "nowhere");

        var (records, problems) = FleetInputs.Read([empty, Path.Combine(folder.Path, "builds"), missing]);

        Assert.Equal(2, records.Count);
        Assert.Equal(
            [
                new FleetProblem("STD7523", empty, 0, "The folder holds no compliance.json (nor *.compliance.json) at any depth. A CI build on Standards.Sdk writes artifacts/standards/compliance.json; download that artifact of each repo's builds into it."),
                new FleetProblem("STD7523", missing, 0, "No such file or folder. Give compliance.json files, or folders that hold them (the artifacts/standards/ folders CI builds publish)."),
            ],
            problems);
    }

    [Fact]
    public void Several_builds_of_a_repo_are_its_history_by_date_and_the_newest_is_its_row()
    {
        var records = new[]
        {
            new ComplianceRecord("3", Facts("org/a", day: 19, repoBaseline: 5, codeBaseline: 4)),
            new ComplianceRecord("1", Facts("org/a", day: 10, repoBaseline: 9, codeBaseline: 6)),
            new ComplianceRecord("2", Facts("org/a", day: 15, repoBaseline: 7, codeBaseline: null)),
        };

        var repo = Assert.Single(FleetModel.Build(records, Today).Repos);

        Assert.Equal(["1", "2", "3"], repo.History.Select(h => h.File));
        Assert.Equal("3", repo.Latest.File);
        Assert.Equal([15, null, 9], repo.BaselineTrend);
    }

    [Fact]
    public void Versions_behind_status_findings_and_expiring_exceptions_are_counted_per_repo()
    {
        var records = new[]
        {
            new ComplianceRecord("a", Facts("org/a", sdk: "1.10.0")),
            new ComplianceRecord("b", Facts("org/b", sdk: "1.9.0", errors: 2, warnings: 1)),
            new ComplianceRecord("c", Facts("org/c", sdk: "1.2.0", warnings: 3)),
            new ComplianceRecord("d", Facts("org/d", sdk: "1.10.0", coverage: new ComplianceCoverage(70, 50, 80, 60, false),
                exceptions: [Exception("STD2001", "@team-d", "2026-12-21"), Exception("STD3031", "@team-d", "2026-12-22"), Exception("STD3001", "@old", "2026-11-20")])),
        };

        var fleet = FleetModel.Build(records, Today);

        Assert.Equal("1.10.0", fleet.NewestSdkVersion);
        Assert.Equal(
            [("org/a", 0, "ok", 0), ("org/b", 1, "failing", 3), ("org/c", 2, "warnings", 3), ("org/d", 0, "failing", 0)],
            fleet.Repos.Select(r => (r.Repo, r.VersionsBehind, r.Status, r.Findings)));
        Assert.Equal([("org/d", "STD3001", -1), ("org/d", "STD2001", 30)], fleet.Expiring.Select(x => (x.Repo, x.Exception.Rule, fleet.DaysLeft(x.Exception))));
    }

    [Fact]
    public void A_record_without_a_coverage_verdict_is_unmeasured_never_ok()
    {
        // A CI build whose tests failed wrote compliance.json at build time, and its coverage step never ran.
        var records = new[]
        {
            new ComplianceRecord("a", Facts("org/a", measured: false)),
            new ComplianceRecord("b", Facts("org/b", warnings: 2, measured: false)),
            new ComplianceRecord("c", Facts("org/c", errors: 1, measured: false)),
            new ComplianceRecord("d", Facts("org/d")),
        };

        var fleet = FleetModel.Build(records, Today);

        Assert.Equal(
            [("org/a", "unmeasured"), ("org/b", "unmeasured"), ("org/c", "failing"), ("org/d", "ok")],
            fleet.Repos.Select(r => (r.Repo, r.Status)));
        var html = FleetHtml.Write(fleet, []);
        Assert.Contains("<span class=\"badge unmeasured\">unmeasured</span>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"unmeasured\">unmeasured</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Fleet_json_has_every_repo_the_expiring_list_and_the_inputs_left_out()
    {
        var fleet = FleetModel.Build([new ComplianceRecord("a", Facts("org/a", exceptions: [Exception("STD2001", "@team-a", "2026-12-01")]))], Today);

        using var document = JsonDocument.Parse(FleetJson.Write(fleet, [new FleetProblem("STD7523", "x", 0, "None.")]));

        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var repo = Assert.Single(root.GetProperty("repos").EnumerateArray().ToList());
        Assert.Equal(("org/a", "ok", 5), (repo.GetProperty("repo").GetString(), repo.GetProperty("status").GetString(), repo.GetProperty("baselineTrend")[0].GetProperty("entries").GetInt32()));
        var expiring = Assert.Single(root.GetProperty("expiring").EnumerateArray().ToList());
        Assert.Equal(("org/a", "@team-a", 10), (expiring.GetProperty("repo").GetString(), expiring.GetProperty("owner").GetString(), expiring.GetProperty("daysLeft").GetInt32()));
        Assert.Equal("STD7523", root.GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Each_projects_findings_are_counted_in_the_repo_row_and_listed_in_its_section_and_fleet_json()
    {
        var facts = Facts("org/a", errors: 1) with
        {
            Projects =
            [
                new ComplianceProject("src/A/A.csproj", "net10.0", [new ComplianceRuleCount("CS0168", "error", 2, 0), new ComplianceRuleCount("STD1001", "warning", 3, 2)], 1),
                new ComplianceProject("src/B/B.csproj", "net10.0", [new ComplianceRuleCount("CA1822", "info", 1, 0)], 0),
            ],
        };
        var fleet = FleetModel.Build([new ComplianceRecord("a", facts)], Today);

        var html = FleetHtml.Write(fleet, []);
        using var document = JsonDocument.Parse(FleetJson.Write(fleet, []));

        // Repository checks: STD3014 2 errors, 1 baselined; projects: 2 errors, 1 open warning, 1 info. The info is
        // shown apart and not added to the count of what fails or warns.
        Assert.Equal((4, 3, 1, 1), (fleet.Repos[0].Findings, fleet.Repos[0].Errors, fleet.Repos[0].Warnings, fleet.Repos[0].Infos));
        Assert.Contains("<td>3 errors, 1 warning <span class=\"muted\">(1 info)</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("data-findings=\"4\"", html, StringComparison.Ordinal);
        var row = document.RootElement.GetProperty("repos")[0];
        Assert.Equal((4, 3, 1, 1), (row.GetProperty("findings").GetInt32(), row.GetProperty("errors").GetInt32(), row.GetProperty("warnings").GetInt32(), row.GetProperty("infos").GetInt32()));
        Assert.Contains("<tr><th scope=\"row\"><code>src/A/A.csproj</code></th><td>2</td><td>1</td><td>0</td><td>2</td><td>1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\"><code>src/B/B.csproj</code></th><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">CS0168</th><td>error</td><td>2</td><td>0</td></tr>", html, StringComparison.Ordinal);
        var projects = document.RootElement.GetProperty("repos")[0].GetProperty("projects").EnumerateArray()
            .Select(p => (p.GetProperty("project").GetString(), p.GetProperty("errors").GetInt32(), p.GetProperty("warnings").GetInt32(), p.GetProperty("infos").GetInt32(), p.GetProperty("baselined").GetInt32(), p.GetProperty("suppressedInSource").GetInt32()));
        Assert.Equal([("src/A/A.csproj", 2, 1, 0, 2, 1), ("src/B/B.csproj", 0, 0, 1, 0, 0)], projects);
    }

    [Fact]
    public void The_page_is_self_contained_with_a_row_per_repo_and_a_section_each()
    {
        var fleet = FleetModel.Build(
            [new ComplianceRecord("a", Facts("org/a")), new ComplianceRecord("a2", Facts("org/a", day: 21, repoBaseline: 1)), new ComplianceRecord("b", Facts("org/<b>", errors: 1))], Today);

        var html = FleetHtml.Write(fleet, []);

        Assert.Equal(2, CountOf(html, "<tr data-repo="));
        Assert.Contains("<section class=\"repo\" id=\"repo-org-a\"", html, StringComparison.Ordinal);
        Assert.Contains("org/&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"baseline entries over 2 builds: 5, 4\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_header_has_a_scope_and_every_input_a_label()
    {
        var html = FleetHtml.Write(FleetModel.Build([new ComplianceRecord("a", Facts("org/a", exceptions: [Exception("STD2001", "@a", "2026-12-01")]))], Today), []);

        Assert.DoesNotContain("<th>", html, StringComparison.Ordinal);
        Assert.Equal(CountOf(html, "<th "), CountOf(html, "<th scope=\"col\"") + CountOf(html, "<th scope=\"row\""));
        foreach (var id in new[] { "filter", "status" })
        {
            Assert.Contains($"<label for=\"{id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_colour_pair_of_the_page_has_WCAG_AA_contrast()
    {
        Assert.Equal(21, FleetColours.Contrast("#000000", "#ffffff"), 3);
        Assert.Equal(1, FleetColours.Contrast("#777777", "#777777"), 3);
        Assert.Equal(4.48, FleetColours.Contrast("#777777", "#ffffff"), 2);
        foreach (var pair in FleetColours.All)
        {
            var ratio = FleetColours.Contrast(pair.Foreground, pair.Background);
            Assert.True(ratio >= (pair.IsText ? 4.5 : 3), $"{pair.Name}: {pair.Foreground} on {pair.Background} has contrast {ratio:0.00}");
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
