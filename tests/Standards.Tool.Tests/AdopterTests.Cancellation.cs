using Standards.Adoption;

namespace Standards.Tool.Tests;

/// <summary>Ctrl-C at any point: the run ends as cancelled and writes nothing.</summary>
public sealed partial class AdopterTests
{
    /// <summary>
    /// The signal arrives while the last command (the coverage step) runs, and that command still ends normally (it
    /// finished first, or did not see the signal): nothing runs after it that would stop on the cancellation, so only
    /// the run's own check before the repo is written stops it.
    /// </summary>
    [Theory]
    [InlineData("adopt")]
    [InlineData("survey")]
    public async Task A_signal_during_the_last_command_writes_nothing_to_the_repo_and_no_report(string command)
    {
        var before = Snapshot();
        var reports = Reports();
        using var cancel = new CancellationTokenSource();
        var runner = new SignalDuring(dotnet, cancel, arguments => arguments.Contains("-t:StandardsCoverage"));
        var error = new StringWriter();
        var console = new ToolConsole(TextWriter.Null, error, false, false, false, (_, _) => runner);
        string[] arguments = command == "adopt" ? ["adopt", root, "--sdk-version", "9.9.9"] : ["survey", root, "-o", reports];

        Assert.Equal(130, await CommandLine.RunAsync(arguments, console, cancel.Token));
        Assert.Equal("Cancelled.", error.ToString().Trim());
        Assert.Equal(before, Snapshot());
        Assert.Empty(Directory.EnumerateFileSystemEntries(reports));
        Assert.Equal((1, 0), (dotnet.Tests, runner.CommandsAfterSignal));
        Assert.NotNull(runner.Workspace);
        Assert.False(Directory.Exists(runner.Workspace));
    }

    /// <summary>
    /// A terminal's Ctrl-C reaches the command too, which may end on it before the tool has seen the signal. The
    /// interrupted command is perl with SIGINT at its default: a suite started as a background job inherits SIGINT
    /// ignored, which a shell cannot undo ("kill -INT $$" would then end nothing), and a terminal's foreground command
    /// has the default.
    /// </summary>
    [Theory]
    [InlineData("exec perl -e '$SIG{INT} = \"DEFAULT\"; kill \"INT\", $$; sleep 5'")]
    [InlineData("kill -TERM $$")]
    [InlineData("echo 'Attempting to cancel the build...'; exit 1")]
    public void A_command_that_ended_on_an_interrupt_is_the_cancellation_not_a_failure(string script) =>
        Assert.Throws<OperationCanceledException>(() => new ProcessCommandRunner().Run("sh", ["-c", script], root));

    [Fact]
    public void A_command_that_fails_is_its_result()
    {
        var result = new ProcessCommandRunner().Run("sh", ["-c", "echo failed; exit 1"], root);
        Assert.Equal((1, "failed\n"), (result.ExitCode, result.Output));
    }

    /// <summary>Cancels while a command runs that still ends normally; a command after the signal stops as the real runner does.</summary>
    private sealed class SignalDuring(ICommandRunner inner, CancellationTokenSource cancel, Func<IReadOnlyList<string>, bool> during) : ICommandRunner
    {
        public string? Workspace { get; private set; }

        public int CommandsAfterSignal { get; private set; }

        public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
        {
            if (cancel.IsCancellationRequested)
            {
                CommandsAfterSignal++;
                throw new OperationCanceledException(cancel.Token);
            }

            var result = inner.Run(command, arguments, workingDirectory, environment);
            if (command == "dotnet" && during(arguments))
            {
                Workspace = workingDirectory;
                cancel.Cancel();
            }

            return result;
        }
    }
}
