using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>The outcome of a git command: its exit code and output, or why it could not run.</summary>
/// <param name="ExitCode">The exit code (-1 when git could not be started or timed out).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error, or why git could not run.</param>
public sealed record GitResult(int ExitCode, string Output, string Error)
{
    /// <summary>True when git ran and exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line of standard error (or the reason git did not run), for messages.</summary>
    public string FirstErrorLine => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
}

/// <summary>
/// Runs the git CLI in a work tree with a clean environment: GIT_DIR and friends from an outer tool are removed,
/// paths are not quoted, and the output is read as UTF-8. Bounded by a timeout; never throws for a missing git.
/// </summary>
public static class GitCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs git to completion.</summary>
    public static GitResult Run(string workTree, IEnumerable<string> arguments, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        Process? process;
        try
        {
            process = Process.Start(StartInfo(workTree, arguments));
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException or PlatformNotSupportedException)
        {
            return new GitResult(-1, string.Empty, $"git could not be started: {ex.Message}");
        }

        if (process is null)
        {
            return new GitResult(-1, string.Empty, "git could not be started.");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                if (input is not null)
                {
                    process.StandardInput.Write(input);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git exited before reading its input; its exit code and error say why.
            }

            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return new GitResult(-1, string.Empty, $"git {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds:0} seconds.");
            }

            return new GitResult(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Starts git for streaming use (the caller reads and writes, then disposes).</summary>
    public static Process? Start(string workTree, IEnumerable<string> arguments, out string? error)
    {
        try
        {
            error = null;
            return Process.Start(StartInfo(workTree, arguments));
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException or PlatformNotSupportedException)
        {
            error = $"git could not be started: {ex.Message}";
            return null;
        }
    }

    private static ProcessStartInfo StartInfo(string workTree, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workTree,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A hook or an outer tool may point git elsewhere; the repo being built is the one in the work tree.
        foreach (var name in new[] { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["LC_ALL"] = "C";
        return info;
    }
}
