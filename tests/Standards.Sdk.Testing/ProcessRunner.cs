using System.Diagnostics;
using System.Text;

namespace Standards.Sdk.Testing;

/// <summary>The outcome of a process run.</summary>
public sealed record ProcessResult(int ExitCode, string Output)
{
    /// <summary>Throws with the output when the process failed.</summary>
    public ProcessResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Output}");
        }

        return this;
    }
}

/// <summary>Runs commands with a clean, explicit environment and captures their output.</summary>
public static class ProcessRunner
{
    /// <summary>Runs a command to completion (bounded by <paramref name="timeout"/>).</summary>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null) =>
        Start(fileName, arguments, workingDirectory, environment).WaitForExit(timeout ?? TimeSpan.FromMinutes(10));

    /// <summary>Starts a command; its output can be watched while it runs (<see cref="RunningProcess.OutputSoFar"/>).</summary>
    public static RunningProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Tests decide CI mode themselves; the CI variables of the machine running the suite must not leak in (nor
        // the ones naming its repo, which would name every test repo's compliance record).
        foreach (var name in new[] { "CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "MSBUILDNOINPROCNODE", "GITHUB_REPOSITORY", "CI_PROJECT_PATH", "BUILD_REPOSITORY_NAME" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningProcess(process, output);
    }

    internal static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

/// <summary>A started process whose output is collected as it comes.</summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    internal RunningProcess(Process process, StringBuilder output)
    {
        this.process = process;
        this.output = output;
    }

    /// <summary>Everything printed so far.</summary>
    public string OutputSoFar
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Waits for the end (bounded by <paramref name="timeout"/>, then killed) and returns the result.</summary>
    public ProcessResult WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, OutputSoFar + "\n<timed out>");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, OutputSoFar);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
