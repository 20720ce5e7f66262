using System.Text.Json;
using Standards.Adoption;

namespace Standards.Tool.Tests;

/// <summary>The command line over a real adoption run (real git, scripted dotnet): exit codes, --check, JSON, verbosity, cancellation.</summary>
public sealed partial class AdopterTests
{
    private const string Finding = "src/A/C.cs(4,44): error CA1305: The behavior of 'int.ToString()' could vary [{root}/src/A/A.csproj]";

    [Fact]
    public void Survey_check_exits_1_when_a_finding_is_not_in_the_baselines_and_0_without_check()
    {
        dotnet.Findings.Add(Finding);
        Assert.Equal(1, CommandLine.Run(["survey", root, "--check", "-o", Reports()], TextWriter.Null, TextWriter.Null, dotnet));
        Assert.Equal(0, CommandLine.Run(["survey", root, "-o", Reports()], TextWriter.Null, TextWriter.Null, dotnet));
    }

    /// <summary>The verdict agrees with the exit code and names the finding as the CI build reports it.</summary>
    [Fact]
    public void Survey_check_names_each_finding_the_baselines_do_not_hold_and_its_verdict_matches_the_exit_code()
    {
        dotnet.Findings.Add(Finding);
        var output = new StringWriter();
        Assert.Equal(1, CommandLine.Run(["survey", root, "--check", "-o", Reports()], output, TextWriter.Null, dotnet));
        var text = output.ToString();
        Assert.Contains("  src/A/C.cs(4,44): error CA1305: ", text, StringComparison.Ordinal);
        Assert.StartsWith("The CI build (CI=true dotnet build) fails: 1 finding(s) the baselines do not hold", text.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("is green with these baselines", text, StringComparison.Ordinal);

        var json = new StringWriter();
        Assert.Equal(1, CommandLine.Run(["survey", root, "--check", "--format", "json", "-o", Reports()], json, TextWriter.Null, dotnet));
        using var document = JsonDocument.Parse(json.ToString());
        var result = document.RootElement.GetProperty("result");
        Assert.False(result.GetProperty("ciBuildGreen").GetBoolean());
        var item = Assert.Single(result.GetProperty("notHeld").EnumerateArray());
        Assert.Equal(("CA1305", "error", "src/A/C.cs", 4), (item.GetProperty("code").GetString(), item.GetProperty("severity").GetString(), item.GetProperty("file").GetString(), item.GetProperty("line").GetInt32()));
    }

    /// <summary>A version the feeds lack: one period after the build's own sentence, the feeds the repo configures named, and how to add one.</summary>
    [Fact]
    public void Survey_of_a_version_the_feeds_lack_names_the_configured_feeds_and_how_to_add_one()
    {
        var feed = Directory.CreateTempSubdirectory("standards-feed").FullName;
        Write("nuget.config", $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"standards\" value=\"{feed}\" />\n  </packageSources>\n</configuration>\n");
        Commit();
        dotnet.RestoreFailure = "/w/src/A/A.csproj : error MSB4236: The SDK 'Standards.Sdk/9.9.9' specified could not be found. [/w/src/A/A.csproj]";
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["survey", root, "--sdk-version", "9.9.9", "-o", Reports()], TextWriter.Null, error, dotnet));
        var message = error.ToString();
        Assert.Contains("STD7506", message, StringComparison.Ordinal);
        Assert.Contains("could not be found. The version is not on", message, StringComparison.Ordinal);
        Assert.Contains($"The version is not on the configured feeds (standards ({feed}))", message, StringComparison.Ordinal);
        Assert.Contains("dotnet nuget add source <folder or URL>", message, StringComparison.Ordinal);
        Directory.Delete(feed);
    }

    [Fact]
    public void Survey_check_exits_0_once_the_finding_is_baselined()
    {
        dotnet.Findings.Add(Finding);
        Assert.Equal(0, CommandLine.Run(["adopt", root, "--sdk-version", "9.9.9", "-v", "q"], TextWriter.Null, TextWriter.Null, dotnet));
        Commit();
        var output = new StringWriter();
        Assert.Equal(0, CommandLine.Run(["survey", root, "--check", "--sdk-version", "9.9.9", "-o", Reports()], output, TextWriter.Null, dotnet));
        Assert.DoesNotContain("Not in the baselines", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("The CI build (CI=true dotnet build) is green: the baselines hold every finding.", output.ToString().TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void Survey_check_exits_1_when_an_error_cannot_be_baselined()
    {
        dotnet.Findings.Add("src/A/C.cs(4,1): error CS0246: The type or namespace name 'Missing' could not be found [{root}/src/A/A.csproj]");
        Assert.Equal(1, CommandLine.Run(["survey", root, "--check", "-o", Reports()], TextWriter.Null, TextWriter.Null, dotnet));
    }

    [Fact]
    public void Json_output_is_one_versioned_document_with_the_findings_and_progress_goes_to_standard_error()
    {
        dotnet.Findings.Add(Finding);
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, CommandLine.Run(["survey", root, "--check", "--format", "json", "-o", Reports()], output, error, dotnet));
        using var document = JsonDocument.Parse(output.ToString());
        var json = document.RootElement;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("survey", json.GetProperty("command").GetString());
        Assert.Equal("findings", json.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("exitCode").GetInt32());
        var result = json.GetProperty("result");
        Assert.False(result.GetProperty("written").GetBoolean());
        Assert.Equal(1, result.GetProperty("findings").GetProperty("byRule").GetProperty("CA1305").GetInt32());
        var item = Assert.Single(result.GetProperty("findings").GetProperty("items").EnumerateArray());
        Assert.Equal(("CA1305", "src/A/C.cs", 4), (item.GetProperty("code").GetString(), item.GetProperty("file").GetString(), item.GetProperty("line").GetInt32()));
        Assert.Equal(1, result.GetProperty("baselines").GetProperty("codeEntries").GetInt32());
        Assert.Equal(0, result.GetProperty("weakenedRules").GetArrayLength());
        Assert.EndsWith("survey.sarif", result.GetProperty("reports").GetProperty("sarif").GetString(), StringComparison.Ordinal);
        Assert.Contains("] Restoring (writes the lock files)...", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_coded_error_in_json_is_the_document_with_the_error_and_exit_code_2()
    {
        File.Delete(Path.Combine(root, "src/A/A.csproj"));
        Commit();
        var output = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["adopt", root, "--format", "json"], output, TextWriter.Null, dotnet));
        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("error", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("STD7503", document.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData("q", false, false)]
    [InlineData("m", false, true)]
    [InlineData("n", true, true)]
    [InlineData("detailed", true, true)]
    public void Verbosity_decides_between_progress_and_result(string level, bool progress, bool report)
    {
        var output = new StringWriter();
        Assert.Equal(0, CommandLine.Run(["adopt", root, "--dry-run", "-v", level], output, TextWriter.Null, dotnet));
        var text = output.ToString();
        Assert.Equal(progress, text.Contains("] Restoring (writes the lock files)...", StringComparison.Ordinal));
        Assert.Equal(report, text.Contains("Changes (dry run: nothing written):", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_during_a_build_is_Cancelled_exit_130_and_nothing_written()
    {
        var before = Snapshot();
        using var cancel = new CancellationTokenSource();
        var cancelling = new CancellingRunner(dotnet, cancel);
        var error = new StringWriter();
        var console = new ToolConsole(TextWriter.Null, error, false, false, false, (token, _) => { cancelling.Token = token; return cancelling; });
        Assert.Equal(130, await CommandLine.RunAsync(["adopt", root], console, cancel.Token));
        Assert.Equal("Cancelled.", error.ToString().Trim());
        Assert.Equal(before, Snapshot());
        Assert.Equal(1, dotnet.Restores);
        Assert.Equal(0, dotnet.Builds);
        Assert.NotNull(cancelling.Workspace);
        Assert.False(Directory.Exists(cancelling.Workspace));
    }

    private string Reports() => Directory.CreateTempSubdirectory("survey").FullName;

    /// <summary>Cancels at the first build, as Ctrl-C during it would: the build ends as cancelled.</summary>
    private sealed class CancellingRunner(ICommandRunner inner, CancellationTokenSource cancel) : ICommandRunner
    {
        public CancellationToken Token { get; set; }

        public string? Workspace { get; private set; }

        public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
        {
            if (command == "dotnet" && arguments[0] == "build")
            {
                Workspace = workingDirectory;
                cancel.Cancel();
                Token.ThrowIfCancellationRequested();
            }

            return inner.Run(command, arguments, workingDirectory, environment);
        }
    }
}
