using System.Text.Json;
using System.Text.RegularExpressions;
using Standards.Adoption;
using Standards.Adoption.Fleet;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Tool.Commands.Report;
using static Standards.Tool.Tests.Fleet.FleetSamples;

namespace Standards.Tool.Tests.Fleet;

/// <summary>
/// <c>dotnet standards report</c> on hostile input through the command line: no crash, no torn output, cancellation
/// honoured, names that cannot forge lines or reorder text, unique anchors, quiet meaning quiet.
/// </summary>
[Collection(nameof(ReportCommandTests))]
public sealed partial class ReportHostileCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public ReportHostileCommandTests() => ReportCommand.Today = () => Today;

    private string Builds => Path.Combine(folder.Path, "builds");

    private string Output => Path.Combine(folder.Path, "out");

    public void Dispose()
    {
        ReportCommand.Today = () => DateOnly.FromDateTime(DateTime.UtcNow);
        folder.Dispose();
    }

    [Fact]
    public void Counts_that_overflow_are_a_coded_finding_and_the_JSON_document_is_written()
    {
        var facts = Facts("org/big") with
        {
            Findings = [new ComplianceRuleCount("STD3014", "error", int.MaxValue, 0), new ComplianceRuleCount("STD3031", "warning", int.MaxValue, 0)],
        };
        Write("big/compliance.json", Text(facts));

        var (code, stdout, stderr) = Run("report", Builds, "-o", Output, "--format", "json");

        Assert.Equal(2, code);
        Assert.Contains("error STD7520: The compliance file cannot be read: its findings add up to 4294967294", stderr, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal("error", document.RootElement.GetProperty("status").GetString());
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_not_a_path()
    {
        Write("a/compliance.json", Text(Facts("org/a")));

        var (code, stdout, stderr) = Run("report", Builds, "--bogus", "-o", Output);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.StartsWith("error STD7508: Unrecognized command or argument '--bogus'.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Theory]
    [InlineData("q")]
    [InlineData("quiet")]
    public void Quiet_prints_nothing_when_all_is_well(string verbosity)
    {
        Write("a/compliance.json", Text(Facts("org/a")));

        var (code, stdout, stderr) = Run("report", Builds, "-o", Output, "-v", verbosity);

        Assert.Equal((0, string.Empty, string.Empty), (code, stdout, stderr));
        Assert.True(File.Exists(Path.Combine(Output, FleetJson.FileName)));
    }

    [Fact]
    public void Quiet_still_prints_the_errors()
    {
        Write("a/compliance.json", Text(Facts("org/a")));
        Write("b/compliance.json", "{");

        var (code, stdout, stderr) = Run("report", Builds, "-o", Output, "-v", "q");

        Assert.Equal((1, string.Empty), (code, stdout));
        Assert.Contains("error STD7520:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bidi_override_in_a_repo_name_is_shown_escaped_on_the_page_and_the_console()
    {
        const string Name = "org/\u202Elive";
        Write("a/compliance.json", Text(Facts(Name)));
        Write("b/compliance.json", Text(Facts(Name)));

        var (code, _, stderr) = Run("report", Builds, "-o", Output);

        Assert.Equal(1, code);
        var html = File.ReadAllText(Path.Combine(Output, FleetHtml.FileName));
        Assert.DoesNotContain('\u202E', html);
        Assert.Contains("org/\\u202Elive", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', stderr);
        Assert.Contains("org/\\u202Elive at commit", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newline_in_a_repo_name_cannot_add_a_line_to_the_output()
    {
        const string Name = "org/a\nerror STD7524: forged";
        Write("a/compliance.json", Text(Facts(Name)));
        Write("b/compliance.json", Text(Facts(Name)));

        var (code, _, stderr) = Run("report", Builds, "-o", Output);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.Contains("org/a\\u000Aerror STD7524: forged", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\nerror STD7524", File.ReadAllText(Path.Combine(Output, FleetHtml.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Repos_whose_names_differ_by_case_or_punctuation_get_distinct_anchors()
    {
        string[] names = ["Org/App", "org-app", "org/app", "org/app-2", "org.app"];
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            Write($"r{i}/compliance.json", Text(Facts(name, exceptions: [Exception("STD2001", "@a", "2026-12-01")])));
        }

        var (code, _, _) = Run("report", Builds, "-o", Output);

        Assert.Equal(0, code);
        var html = File.ReadAllText(Path.Combine(Output, FleetHtml.FileName));
        var ids = Id().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(names.Length * 2, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var links = Link().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(names.Length * 2, links.Count);
        Assert.Equal(names.Length, links.Distinct(StringComparer.Ordinal).Count());
        Assert.All(links, l => Assert.Contains(l, ids));
    }

    [Fact]
    public void A_cancelled_run_exits_130_and_leaves_the_output_folder_as_it_was()
    {
        Write("a/compliance.json", Text(Facts("org/a")));
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, FleetHtml.FileName), "old page");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = ReportCommand.Run([Builds], Output, json: true, Verbosity.Normal, ToolConsole.Redirected(output, error, new ProcessCommandRunner()), cancelled.Token);

        Assert.Equal(130, code);
        Assert.Equal("Cancelled.\n", error.ToString().ReplaceLineEndings("\n"));
        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("cancelled", document.RootElement.GetProperty("status").GetString());
        Assert.Equal([FleetHtml.FileName], Directory.GetFiles(Output).Select(Path.GetFileName));
        Assert.Equal("old page", File.ReadAllText(Path.Combine(Output, FleetHtml.FileName)));
    }

    [Fact]
    public void A_failed_write_leaves_neither_file_changed_nor_a_temporary_file()
    {
        Write("a/compliance.json", Text(Facts("org/a")));
        Directory.CreateDirectory(Path.Combine(Output, FleetJson.FileName));
        File.WriteAllText(Path.Combine(Output, FleetHtml.FileName), "old page");

        var (code, stdout, stderr) = Run("report", Builds, "-o", Output);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Contains("error STD7524: The report cannot be written to", stderr, StringComparison.Ordinal);
        Assert.Equal("old page", File.ReadAllText(Path.Combine(Output, FleetHtml.FileName)));
        Assert.Equal([FleetHtml.FileName], Directory.GetFiles(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_over_the_limit_is_named_and_the_page_made_from_the_others()
    {
        Write("a/compliance.json", Text(Facts("org/a")));
        var big = Write("b/compliance.json", Text(Facts("org/b")) + new string(' ', 6000));
        ReportCommand.Limits = new FleetLimits(5000, 1 << 20, 100);
        try
        {
            var (code, _, stderr) = Run("report", Builds, "-o", Output);

            Assert.Equal(1, code);
            Assert.StartsWith($"{big}: error STD7525: The file holds ", stderr, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Output, FleetHtml.FileName)));
        }
        finally
        {
            ReportCommand.Limits = FleetLimits.Default;
        }
    }

    [GeneratedRegex(" id=\"(repo-[^\"]*)\"")]
    private static partial Regex Id();

    [GeneratedRegex("<a href=\"#(repo-[^\"]*)\">")]
    private static partial Regex Link();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(Builds, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error, new ProcessCommandRunner());
        return (code, output.ToString(), error.ToString());
    }
}
