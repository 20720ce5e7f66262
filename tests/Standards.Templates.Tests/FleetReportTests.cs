using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>
/// The fleet page made from real CI builds: the compliance.json that the CI steps (restore, build, test, coverage) of a
/// generated std-lib, std-service and std-worker wrote, the repos of <see cref="LibTemplateTests"/>,
/// <see cref="ServiceTemplateTests"/> and <see cref="WorkerTemplateTests"/> (built once for them and this class), given
/// to the real <c>dotnet standards report</c> installed from the packed feed as a local tool. fleet.json lists the
/// three as their builds recorded them, and headless Chromium shows a row for each. A screenshot is kept beside the
/// test assembly (browser/fleet-report-generated.png).
/// </summary>
/// <remarks>Full tier (Tier=Full): it needs Chromium from eng/setup.sh.</remarks>
[Trait("Tier", "Full")]
public sealed partial class FleetReportTests(FleetReportTests.Fleet fleet) : IClassFixture<FleetReportTests.Fleet>
{
    /// <summary>
    /// The three repos by name (the report's order), with their kind and findings ("rule severity count"). The
    /// generated service and worker build green with info-level findings of the ASP.NET and IDE analyzers (no error,
    /// no warning); the report counts them, as it counts every finding, and a repo with only those is "ok".
    /// </summary>
    private static readonly (string Name, string Kind, string[] Findings)[] Expected =
    [
        ("Acme.Billing.Worker", "worker", ["ASP0027 info 1"]),
        ("Acme.Orders", "service", ["ASP0018 info 1", "ASP0027 info 1", "IDE0028 info 1"]),
        ("Acme.Text", "library", []),
    ];

    [Fact]
    public void The_report_lists_each_generated_repo_as_its_ci_build_recorded_it()
    {
        fleet.AssertReported();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(fleet.Output, "fleet.json")));
        var root = document.RootElement;
        var version = PackedSdk.Instance.Version;

        Assert.Equal(3, root.GetProperty("files").GetInt32());
        Assert.Equal(version, root.GetProperty("newestSdkVersion").GetString());
        Assert.Empty(root.GetProperty("problems").EnumerateArray());
        var repos = root.GetProperty("repos").EnumerateArray().ToList();
        Assert.Equal(Expected.Select(e => (e.Name, e.Kind)), repos.Select(r => (r.GetProperty("repo").GetString()!, r.GetProperty("repoKind").GetString()!)));
        Assert.All(repos.Zip(Expected), pair =>
        {
            var (repo, expected) = pair;
            var name = expected.Name;
            Assert.Equal(expected.Findings, repo.GetProperty("byRule").EnumerateArray().Select(f =>
                $"{f.GetProperty("rule").GetString()} {f.GetProperty("severity").GetString()} {f.GetProperty("count").GetInt32() - f.GetProperty("baselined").GetInt32()}"));
            Assert.Equal((name, version, 0, "ok", Total(expected.Findings), 0, 0, true), (
                name,
                repo.GetProperty("sdkVersion").GetString(),
                repo.GetProperty("versionsBehind").GetInt32(),
                repo.GetProperty("status").GetString(),
                repo.GetProperty("findings").GetInt32(),
                repo.GetProperty("errors").GetInt32(),
                repo.GetProperty("baselined").GetInt32(),
                repo.GetProperty("countsProjects").GetBoolean()));
            Assert.Matches("^[0-9a-f]{40}$", repo.GetProperty("commit").GetString());
            Assert.NotEmpty(repo.GetProperty("projects").EnumerateArray());

            // Each of the three has tests, and the CI coverage step measured them against the policy's minimums.
            var coverage = repo.GetProperty("coverage");
            Assert.True(coverage.ValueKind == JsonValueKind.Object, $"{name} has no coverage in fleet.json: {repo}");
            Assert.True(coverage.GetProperty("passed").GetBoolean(), $"{name}: {coverage}");
            Assert.InRange(coverage.GetProperty("line").GetDouble(), 1, 100);
            Assert.InRange(coverage.GetProperty("branch").GetDouble(), 0, 100);
            Assert.True(coverage.GetProperty("line").GetDouble() >= coverage.GetProperty("lineThreshold").GetDouble(), $"{name}: {coverage}");
            Assert.True(coverage.GetProperty("branch").GetDouble() >= coverage.GetProperty("branchThreshold").GetDouble(), $"{name}: {coverage}");
        });
    }

    [Fact]
    public void Chromium_shows_a_row_for_each_generated_repo()
    {
        fleet.AssertReported();
        var dom = HeadlessChromium.DumpDom(fleet.Page);

        var rows = Row().Matches(dom).Select(m => (
            Name: WebUtility.HtmlDecode(m.Groups["name"].Value),
            Status: m.Groups["status"].Value,
            Findings: int.Parse(m.Groups["findings"].Value, CultureInfo.InvariantCulture),
            Measured: m.Groups["coverage"].Value != "-1",
            Hidden: m.Value.Contains(" hidden", StringComparison.Ordinal))).ToList();
        Assert.Equal(Expected.Select(e => (e.Name, "ok", Total(e.Findings), true, false)), rows);
        Assert.Contains("3 of 3 repos shown", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_screenshot_of_the_page_is_kept()
    {
        fleet.AssertReported();
        var shot = Path.Combine(AppContext.BaseDirectory, "browser", "fleet-report-generated.png");

        HeadlessChromium.Screenshot(fleet.Page, shot, 1400, 900);

        var bytes = File.ReadAllBytes(shot);
        Assert.True(bytes.Length > 10_000, $"the screenshot has {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    /// <summary>The findings column: errors and warnings; info-level findings are shown apart, not counted.</summary>
    private static int Total(string[] findings) => findings.Where(f => !f.Contains(" info ", StringComparison.Ordinal)).Sum(f => int.Parse(f[(f.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    [GeneratedRegex("<tr data-repo=\"[^\"]*\" data-status=\"(?<status>[^\"]*)\"[^>]*data-findings=\"(?<findings>\\d+)\"[^>]*data-coverage=\"(?<coverage>[-0-9.]+)\"[^>]*><th scope=\"row\"><a href=\"[^\"]*\">(?<name>[^<]*)</a></th>")]
    private static partial Regex Row();

    /// <summary>
    /// The compliance.json of the three repos' CI builds, copied out as a CI system keeps them as artifacts, and the
    /// report of them by the tool installed from the packed feed (<c>dotnet tool install</c> into a local manifest).
    /// </summary>
    public sealed class Fleet : IDisposable
    {
        private readonly TestRepo tools;

        public Fleet(IMessageSink diagnostics)
        {
            // The three at once: when this class comes first, the repos still build two at a time (HeavyWork), as
            // when their own classes ask for them.
            RepoDefinition[] definitions = [LibTemplateTests.Flow.Definition, ServiceTemplateTests.Flow.Definition, WorkerTemplateTests.Flow.Definition];
            var runs = definitions.Select(d => Task.Run(() => RepoRun.Of(d, diagnostics))).ToArray();
            Task.WaitAll(runs);

            tools = TestRepo.Create();
            var files = new List<string>();
            foreach (var run in runs.Select(t => t.Result))
            {
                if (run.Compliance is null)
                {
                    Missing.Add($"{run.Repo}: no artifacts/standards/compliance.json (build: {run.Build?.Succeeded}, test: {run.Test?.Succeeded}, coverage: {run.Coverage?.Succeeded})");
                    continue;
                }

                var file = tools.PathOf($"artifacts/{run.Repo.Name}/compliance.json");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, run.Compliance);
                files.Add(file);
            }

            Output = tools.PathOf("fleet");
            Install = [tools.Dotnet(["new", "tool-manifest"], ci: false), tools.Dotnet(["tool", "install", "Standards.Tool", "--version", tools.Sdk.Version], ci: false)];
            Report = tools.Dotnet(["standards", "report", .. files, "-o", Output], ci: false);
            Page = new Uri(Path.Combine(Output, "index.html")).AbsoluteUri;
        }

        /// <summary>What kept a repo's compliance.json from the report.</summary>
        public List<string> Missing { get; } = [];

        /// <summary><c>dotnet new tool-manifest</c> and <c>dotnet tool install Standards.Tool</c>.</summary>
        public IReadOnlyList<BuildResult> Install { get; }

        /// <summary><c>dotnet standards report &lt;the three files&gt; -o &lt;Output&gt;</c>.</summary>
        public BuildResult Report { get; }

        /// <summary>The report's folder.</summary>
        public string Output { get; }

        /// <summary>index.html as a file:// URL.</summary>
        public string Page { get; }

        /// <summary>Asserts every repo's build wrote its record, the tool installed and the report exited 0.</summary>
        public void AssertReported()
        {
            Assert.Empty(Missing);
            Assert.All(Install, i => Assert.True(i.Succeeded, i.Output));
            Assert.True(Report.ExitCode == 0, $"dotnet standards report exited {Report.ExitCode}:\n{Report.Output}");
        }

        public void Dispose() => tools.Dispose();
    }
}
