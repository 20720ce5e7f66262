using System.Diagnostics;
using System.Text;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>The result of a command: its exit code and its interleaved output.</summary>
public sealed record CommandResult(int ExitCode, string Output);

/// <summary>Runs external commands (git, dotnet); tests substitute their own.</summary>
public interface ICommandRunner
{
    /// <summary>Runs <paramref name="command"/> in <paramref name="workingDirectory"/>; <paramref name="environment"/> values of null unset a variable.</summary>
    CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null);
}

/// <summary>What a <see cref="ProcessCommandRunner"/> reports while it runs commands (progress displays).</summary>
public interface ICommandObserver
{
    /// <summary>A command starts.</summary>
    void Started(string command, IReadOnlyList<string> arguments);

    /// <summary>A line of the running command's output.</summary>
    void Line(string line);
}

/// <summary>
/// Runs commands as processes. When <paramref name="cancellation"/> fires, the running command and every process it
/// started are killed and the run ends with <see cref="OperationCanceledException"/>, as does any later command.
/// </summary>
public sealed class ProcessCommandRunner(ICommandObserver? observer = null, CancellationToken cancellation = default) : ICommandRunner
{
    private const int SignalExit = 128;
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private const int ControlCExit = unchecked((int)0xC000013A);

    /// <summary>The line MSBuild prints when Ctrl-C or SIGTERM reaches it (dotnet runs in English here).</summary>
    private const string MsBuildCancelling = "Attempting to cancel the build...";

    /// <inheritdoc />
    public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = StartInfo(command, arguments, workingDirectory, environment);
        cancellation.ThrowIfCancellationRequested();
        observer?.Started(command, arguments);
        var output = new StringBuilder();
        var cancelledItself = false;
        void Receive(string? line)
        {
            cancelledItself |= string.Equals(line?.Trim(), MsBuildCancelling, StringComparison.Ordinal);
            Append(output, line);
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ToolException(ToolRuleIds.BuildFailed, $"could not start `{command}` ({ex.Message}); is it installed and on PATH?");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellation.Register(() => Kill(process)))
        {
            process.WaitForExit();
        }

        // A command that ended because of the cancellation (killed, or interrupted by the same signal) is no result.
        cancellation.ThrowIfCancellationRequested();

        // A terminal's Ctrl-C reaches the whole process group: the command may end on the signal before this process
        // has handled it (its handler runs on another thread). A command ended by SIGINT or SIGTERM, or a build that
        // stopped on it (MSBuild cancels gracefully and exits 1), is that cancellation too, never a failure whose
        // output the run would go on to judge.
        if (IsInterrupted(process.ExitCode) || (cancelledItself && process.ExitCode != 0))
        {
            throw new OperationCanceledException($"`{command}` was interrupted (exit code {process.ExitCode}).");
        }

        return new CommandResult(process.ExitCode, output.ToString());
    }

    private static ProcessStartInfo StartInfo(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    /// <summary>
    /// True for the exit code of a process ended by an interrupt: SIGINT or SIGTERM on Unix (.NET reports a process
    /// killed by signal n as 128 + n, as shells do), Ctrl-C on Windows (STATUS_CONTROL_C_EXIT).
    /// </summary>
    public static bool IsInterrupted(int exitCode) => exitCode is SignalExit + SigInt or SignalExit + SigTerm or ControlCExit;

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    private void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        observer?.Line(line);
        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
