using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// The `dotnet standards` command line as users meet it: the real tool, installed as a local tool from the test feed,
/// run redirected (as in CI) and in a pseudo-terminal (util-linux `script`), and cancelled by SIGINT and SIGTERM sent
/// to its process group as a terminal's Ctrl-C and a CI runner's stop do. The repo is a small generated library with
/// one analyzer finding, so each run is one restore and a few short builds.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class ToolCommandLineTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Library = new(StringComparer.Ordinal)
    {
        ["src/Tiny/Tiny.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n",
        ["src/Tiny/Numbers.cs"] = "namespace Tiny;\n\n/// <summary>Numbers.</summary>\npublic static class Numbers\n{\n    /// <summary>Parses.</summary>\n    public static int Parse(string text) => int.Parse(text);\n}\n",
        [".gitignore"] = "bin/\nobj/\nartifacts/\n",
    };

    /// <summary>
    /// The library whose compile never ends by itself (<c>sleep infinity</c> before CoreCompile): the signal tests send
    /// their signal when the survey build starts, and only the signal ends that build, however late it arrives on a
    /// busy machine; a tool that did not stop its build would run into the test's wait for its exit.
    /// </summary>
    private static readonly Dictionary<string, string> SlowLibrary = new(Library, StringComparer.Ordinal)
    {
        ["src/Tiny/Tiny.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n  <Target Name=\"WaitForTheSignal\" BeforeTargets=\"CoreCompile\">\n    <Exec Command=\"sleep infinity\" />\n  </Target>\n</Project>\n",
    };

    [Fact]
    public void Help_version_and_usage_errors_of_every_command_redirected_and_in_a_terminal()
    {
        using var repo = AdoptionFixtures.Committed("tiny", Library);
        foreach (var command in new[] { "--help", "adopt --help", "survey -h" })
        {
            foreach (var terminal in new[] { false, true })
            {
                var run = Tool(repo, command, terminal: terminal);
                Assert.True(run.ExitCode == 0, run.Output);
                Assert.Contains($"dotnet standards {(command.StartsWith('-') ? string.Empty : command.Split(' ')[0] + " ")}[", run.Output, StringComparison.Ordinal);
                Assert.Contains("-v, --verbosity <level>", run.Output, StringComparison.Ordinal);
                Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
            }
        }

        Assert.Equal(repo.Sdk.Version, Tool(repo, "--version").Output.Trim());
        var typo = Tool(repo, "survey --chek");
        Assert.Equal(2, typo.ExitCode);
        Assert.StartsWith("error STD7508: Unrecognized command or argument '--chek'. Did you mean '--check'? See `dotnet standards survey --help`.", typo.Error, StringComparison.Ordinal);
        Assert.Empty(typo.Output);
    }

    [Fact]
    public void Survey_check_in_json_exits_1_with_the_document_passes_once_adopted_and_a_fixed_finding_leaves_the_baseline_on_a_rerun()
    {
        using var repo = AdoptionFixtures.Committed("tiny", Library);
        var survey = Tool(repo, "survey --check --format json");
        output.WriteLine(survey.Error);
        Assert.True(survey.ExitCode == 1, survey.Output + survey.Error);
        using (var document = JsonDocument.Parse(survey.Output))
        {
            var json = document.RootElement;
            Assert.Equal((1, "survey", "findings"), (json.GetProperty("schemaVersion").GetInt32(), json.GetProperty("command").GetString(), json.GetProperty("status").GetString()));
            Assert.Equal(1, json.GetProperty("result").GetProperty("findings").GetProperty("byRule").GetProperty("CA1305").GetInt32());
        }

        // Progress went to standard error, as plain lines with the elapsed time (redirected: no live display).
        Assert.Matches(@"\[0:\d\d\] Restoring \(writes the lock files\)\.\.\.", survey.Error);
        Assert.DoesNotContain("\u001b[", survey.Error, StringComparison.Ordinal);

        var adopt = Tool(repo, "adopt -v m");
        Assert.True(adopt.ExitCode == 0, adopt.Output + adopt.Error);
        Assert.DoesNotContain("Restoring", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "adopted");
        var again = Tool(repo, "survey --check -v q");
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Empty(again.Output);
        Assert.Equal(["CA1305 src/Tiny/Numbers.cs"], AdoptionFixtures.CodeBaseline(repo));

        // Fixing the baselined finding: a re-run of the real tool drops its entry and the CI-mode build is green again
        // (which entries a re-run keeps and removes, and the coverage minimums it keeps: AdopterTests).
        repo.WriteFile("src/Tiny/Numbers.cs", Library["src/Tiny/Numbers.cs"].Replace("int.Parse(text)", "int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)", StringComparison.Ordinal));
        var rerun = Tool(repo, "adopt --allow-dirty -v m");
        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        Assert.Contains("fixed, removed: CA1305 src/Tiny/Numbers.cs", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", rerun.Output, StringComparison.Ordinal);
        Assert.Empty(AdoptionFixtures.CodeBaseline(repo));
    }

    [Fact]
    public void In_a_terminal_progress_is_a_live_display_without_colour_under_NO_COLOR()
    {
        using var repo = AdoptionFixtures.Committed("tiny", Library);
        var survey = Tool(repo, "survey", terminal: true, environment: new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["TERM"] = "xterm-256color" });
        output.WriteLine(survey.Output);
        Assert.True(survey.ExitCode == 0, survey.Output);

        // Spectre.Console's status display hides the cursor and redraws its line; finished phases stay as lines.
        Assert.Contains("\u001b[?25l", survey.Output, StringComparison.Ordinal);
        Assert.Matches(@"\[0:\d\d\] Building in survey mode", survey.Output);
        Assert.Contains("Reports: ", survey.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch("\u001b\\[[0-9;]*3[0-9](;[0-9;]*)?m", survey.Output);
    }

    [Theory]
    [InlineData("INT", "survey")]
    [InlineData("TERM", "adopt")]
    public void A_signal_to_the_process_group_cancels_stops_the_build_removes_the_temporary_copy_and_leaves_the_repo_untouched(string signal, string command)
    {
        using var repo = AdoptionFixtures.Committed("tiny", SlowLibrary);
        var temp = PackedSdk.NewTempDirectory("tool-tmp");
        var status = repo.Git("status", "--porcelain", "--ignored").Output;
        var head = repo.Git("rev-parse", "HEAD").Output;
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = temp };
        // SIGINT back to its default first, as a terminal's foreground job has it (a test run started as a background
        // job inherits it ignored; the tool restores that itself, which SignalTests covers; perl is in every base image).
        using var run = ToolProcess.Start(repo, ["perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"", "setsid", "dotnet", "standards", command], environment);
        Assert.True(run.WaitFor("Building in survey mode", TimeSpan.FromMinutes(10)), run.Output);
        ProcessRunner.Run("kill", ["-s", signal, "--", $"-{run.Id}"], repo.Root).EnsureSuccess("kill");
        var exit = run.WaitForExit(TimeSpan.FromMinutes(2));
        output.WriteLine(run.Output);
        Assert.Equal(130, exit);
        Assert.Equal("Cancelled.", run.Error.Trim());
        Assert.Empty(Directory.EnumerateDirectories(temp, "standards-adopt-*"));
        Assert.Equal(status, repo.Git("status", "--porcelain", "--ignored").Output);
        Assert.Equal(head, repo.Git("rev-parse", "HEAD").Output);

        // No build of the run is left running in the repo's temporary copy.
        var left = ProcessRunner.Run("pgrep", ["-f", temp], repo.Root);
        Assert.True(left.ExitCode == 1, left.Output);
    }

    /// <summary>Runs the tool in the repo, redirected (stdout and stderr apart) or in a pseudo-terminal (one stream).</summary>
    private static (int ExitCode, string Output, string Error) Tool(TestRepo repo, string arguments, bool terminal = false, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string[] command = terminal ? ["script", "-qec", "dotnet standards " + arguments, "/dev/null"] : ["dotnet", "standards", .. arguments.Split(' ')];
        using var run = ToolProcess.Start(repo, command, environment);
        var exit = run.WaitForExit(TimeSpan.FromMinutes(15));
        return (exit, run.Output, run.Error);
    }

    /// <summary>The tool as a process with standard output and error kept apart.</summary>
    private sealed class ToolProcess : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly StringBuilder error = new();

        private ToolProcess(Process process)
        {
            this.process = process;
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        }

        public int Id => process.Id;

        public string Output => Text(output);

        public string Error => Text(error);

        public static ToolProcess Start(TestRepo repo, string[] command, IReadOnlyDictionary<string, string?>? environment)
        {
            var info = new ProcessStartInfo(command[0]) { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var argument in command.Skip(1))
            {
                info.ArgumentList.Add(argument);
            }

            foreach (var name in new[] { "CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "NO_COLOR", "MSBUILDNOINPROCNODE" })
            {
                info.Environment.Remove(name);
            }

            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            foreach (var (name, value) in repo.Sdk.BuildEnvironment.Concat(environment ?? new Dictionary<string, string?>()))
            {
                info.Environment[name] = value;
            }

            var run = new ToolProcess(new Process { StartInfo = info });
            run.process.Start();
            run.process.StandardInput.Close();
            run.process.BeginOutputReadLine();
            run.process.BeginErrorReadLine();
            return run;
        }

        public bool WaitFor(string text, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (!(Output + Error).Contains(text, StringComparison.Ordinal))
            {
                if (process.HasExited || watch.Elapsed > timeout)
                {
                    return false;
                }

                Thread.Sleep(100);
            }

            return true;
        }

        public int WaitForExit(TimeSpan timeout)
        {
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return -1;
            }

            process.WaitForExit();
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        private static void Append(StringBuilder text, string? line)
        {
            if (line is not null)
            {
                lock (text)
                {
                    text.AppendLine(line);
                }
            }
        }

        private static string Text(StringBuilder text)
        {
            lock (text)
            {
                return text.ToString();
            }
        }
    }
}
