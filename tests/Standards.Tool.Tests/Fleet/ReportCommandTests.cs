using System.Globalization;
using System.Text.Json;
using Standards.Adoption;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Tool.Commands.Report;
using static Standards.Tool.Tests.Fleet.FleetSamples;

namespace Standards.Tool.Tests.Fleet;

/// <summary><c>dotnet standards report</c> through the command line: 500 repos, bad inputs beside good ones, none usable, JSON output.</summary>
[Collection(nameof(ReportCommandTests))]
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ReportCommandTests() => ReportCommand.Today = () => Today;

    public void Dispose()
    {
        ReportCommand.Today = () => DateOnly.FromDateTime(DateTime.UtcNow);
        folder.Dispose();
    }

    /// <summary>Writes the synthetic fleet: <paramref name="repos"/> repos, every fifth with a second, older build.</summary>
    internal static string WriteFleet(string root, int repos)
    {
        var builds = Path.Combine(root, "builds");
        for (var i = 0; i < repos; i++)
        {
            var name = $"org/repo-{i:000}";
            var facts = Facts(name, sdk: $"1.{i % 4}.0", errors: i % 7 == 0 ? 1 : 0, warnings: i % 3, repoBaseline: i % 11,
                coverage: i % 2 == 0 ? new ComplianceCoverage(50 + (i % 50), 40 + (i % 40), 80, 60, 50 + (i % 50) >= 80) : null, measured: i % 2 == 0,
                exceptions: i % 25 == 0 ? [Exception("STD2001", $"@team-{i}", "2026-12-0" + (1 + (i % 9)).ToString(CultureInfo.InvariantCulture))] : []);
            Write(Path.Combine(builds, $"repo-{i:000}", "2", "compliance.json"), Text(facts));
            if (i % 5 == 0)
            {
                Write(Path.Combine(builds, $"repo-{i:000}", "1", "compliance.json"), Text(Facts(name, sdk: "1.0.0", day: 10, repoBaseline: (i % 11) + 4)));
            }
        }

        return builds;
    }

    [Fact]
    public void Five_hundred_repos_make_one_page_and_fleet_json()
    {
        var builds = WriteFleet(folder.Path, 500);
        var output = Path.Combine(folder.Path, "out");
        var (code, stdout, stderr) = Run("report", builds, "-o", output);

        Assert.Equal((0, string.Empty), (code, stderr));
        Assert.Equal($"Fleet report: 500 repo(s) from 600 compliance file(s), 0 left out; 20 exception(s) expiring within 30 days.\nWritten: {Path.Combine(output, "index.html")}, {Path.Combine(output, "fleet.json")}\n", stdout.ReplaceLineEndings("\n"));
        using var fleet = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "fleet.json")));
        var repos = fleet.RootElement.GetProperty("repos").EnumerateArray().ToList();
        Assert.Equal(500, repos.Count);
        Assert.Equal("1.3.0", fleet.RootElement.GetProperty("newestSdkVersion").GetString());
        var first = repos[0];
        Assert.Equal(("org/repo-000", 2, 3, "failing"), (first.GetProperty("repo").GetString(), first.GetProperty("builds").GetInt32(), first.GetProperty("versionsBehind").GetInt32(), first.GetProperty("status").GetString()));
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Equal(500, html.Split("<tr data-repo=").Length - 1);
        Assert.Equal(500, html.Split("<section class=\"repo\"").Length - 1);
    }

    [Fact]
    public void Bad_inputs_are_named_and_the_page_is_made_from_the_good_ones_with_exit_code_1()
    {
        var builds = WriteFleet(folder.Path, 3);
        Write(Path.Combine(builds, "broken", "compliance.json"), "{ \"schemaVersion\": 1 }");
        Write(Path.Combine(builds, "again", "compliance.json"), Text(Facts("org/repo-001")));
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "empty")).FullName;
        var output = Path.Combine(folder.Path, "out");

        var (code, stdout, stderr) = Run("report", builds, empty, "-o", output, "--format", "json");

        Assert.Equal(1, code);
        var lines = stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{empty}: error STD7523: The folder holds no compliance.json", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{Path.Combine(builds, "broken", "compliance.json")}(1): error STD7520: The compliance file cannot be read: \"repo\" is missing.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{Path.Combine(builds, "repo-001", "2", "compliance.json")}: error STD7522: org/repo-001 at commit ", lines[2], StringComparison.Ordinal);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal(("report", "findings", 1), (root.GetProperty("command").GetString(), root.GetProperty("status").GetString(), root.GetProperty("exitCode").GetInt32()));
        var result = root.GetProperty("result");
        Assert.Equal((3, 4), (result.GetProperty("repos").GetInt32(), result.GetProperty("files").GetInt32()));
        Assert.Equal(["STD7523", "STD7520", "STD7522"], result.GetProperty("leftOut").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Contains("3 input(s) left out", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void No_usable_file_writes_nothing_and_exits_2()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "empty")).FullName;
        var output = Path.Combine(folder.Path, "out");

        var (code, stdout, stderr) = Run("report", empty, "-o", output);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Contains($"{empty}: error STD7523:", stderr, StringComparison.Ordinal);
        Assert.Contains("error STD7524: None of the 1 path(s) gave a usable compliance file (1 left out, above), so no report was written.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("report", "x")]
    public void Without_paths_or_an_output_folder_it_is_a_usage_error(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.StartsWith("error STD7508:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_shows_the_usage_and_an_example()
    {
        var (code, stdout, _) = Run("report", "--help");

        Assert.Equal(0, code);
        Assert.Contains("dotnet standards report [<paths>...] [options]", stdout, StringComparison.Ordinal);
        Assert.Contains("-o, --output <folder>", stdout, StringComparison.Ordinal);
        Assert.Contains("dotnet standards report downloads/ -o fleet-report", stdout, StringComparison.Ordinal);
    }

    internal static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error, new ProcessCommandRunner());
        return (code, output.ToString(), error.ToString());
    }
}
