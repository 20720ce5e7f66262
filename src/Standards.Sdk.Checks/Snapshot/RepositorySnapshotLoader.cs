using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Snapshot;

/// <summary>How long building a snapshot took, for the diagnostic message of the task.</summary>
/// <param name="Files">Files enumerated.</param>
/// <param name="EnumerateMilliseconds">Directory walk and project reading.</param>
/// <param name="GitMilliseconds">The git calls (0 when git was not used).</param>
public sealed record SnapshotStatistics(int Files, long EnumerateMilliseconds, long GitMilliseconds);

/// <summary>
/// Builds a <see cref="RepositorySnapshot"/> from disk: every file below the root except the folders in
/// <see cref="ExcludedFolderNames"/> (at any depth), the projects (read with <see cref="ProjectFileReader"/>),
/// and, when the root is inside a git work tree and git is on the PATH, which files git tracks and which of
/// the untracked ones it ignores. Two git processes at most (<c>git ls-files</c>, then <c>git check-ignore</c>
/// for untracked files only), so the cost stays a few milliseconds on repos of any size.
/// </summary>
public static class RepositorySnapshotLoader
{
    /// <summary>Folders never looked into: build output, git's own folder, tool caches.</summary>
    public static readonly IReadOnlyList<string> ExcludedFolderNames = ["bin", "obj", ".git", "artifacts", "node_modules", ".vs", ".idea"];

    /// <summary>True for an excluded name (any case), without making a string of it (the walk asks once per entry).</summary>
    private static bool IsExcluded(ReadOnlySpan<char> name)
    {
        foreach (var excluded in ExcludedFolderNames)
        {
            if (name.Equals(excluded.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Loads the snapshot. <paramref name="useGit"/> false skips git (TrackedFiles and IgnoredFiles stay null).</summary>
    public static (RepositorySnapshot Snapshot, SnapshotStatistics Statistics) Load(string root, bool useGit = true) =>
        Load(root, useGit, walk: null);

    /// <summary>
    /// Loads the snapshot from a walk made already (the fingerprint's, in the same build: the checks then judge exactly
    /// the file list the stamp will name, and a 100,000-file repo is not walked twice), or walks when it is null or
    /// is the walk of another root.
    /// </summary>
    public static (RepositorySnapshot Snapshot, SnapshotStatistics Statistics) Load(string root, bool useGit, RepositoryWalk? walk)
    {
        ArgumentNullException.ThrowIfNull(root);
        var fullRoot = Path.GetFullPath(root);
        var watch = Stopwatch.StartNew();
        var (files, unreadableFolders) = walk is not null && walk.Root == fullRoot ? (walk.Files, walk.UnreadableFolders) : Walk(fullRoot);
        var enumerate = watch.ElapsedMilliseconds;

        watch.Restart();
        HashSet<string>? tracked = null;
        HashSet<string>? ignored = null;
        string? gitProblem = null;
        if (useGit && GitLayout.Find(fullRoot) is not null)
        {
            (tracked, gitProblem) = TrackedFiles(fullRoot);
            if (tracked is not null)
            {
                (ignored, gitProblem) = IgnoredFiles(fullRoot, [.. files.Where(f => !tracked.Contains(f))]);
            }
        }

        var git = watch.ElapsedMilliseconds;
        watch.Restart();

        // Read failures throw; the snapshot turns them into Unreadable entries (reported as STD0007).
        string? Read(string relative) => BoundedFile.ReadAllText(Path.Combine(fullRoot, relative), BoundedFile.RepoFileLimit);
        var projects = new List<RepositoryProject>();
        var snapshot = new RepositorySnapshot(fullRoot, files, projects, Read, tracked, ignored, unreadableFolders, gitProblem);
        projects.AddRange(files.Where(ProjectFileReader.IsProjectFile).Select(p => ProjectFileReader.Read(p, snapshot.ReadText(p))));
        return (snapshot, new SnapshotStatistics(files.Count, enumerate + watch.ElapsedMilliseconds, git));
    }

    /// <summary>Repo-relative, '/'-separated paths of every file below the root outside the excluded folders, sorted.</summary>
    public static List<string> EnumerateFiles(string root) => Walk(root).Files;

    /// <summary>
    /// The files below the root outside the excluded folders (sorted), and the folders that could not be listed
    /// (their files are unknown, so the checks say so instead of passing without them).
    /// </summary>
    public static (List<string> Files, List<UnreadablePath> UnreadableFolders) Walk(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            return ([], []);
        }

        var (result, silent) = ParallelFolderWalk.Run(fullRoot, IsExcluded);
        result.Sort(StringComparer.Ordinal);
        var prefix = fullRoot.Length + (Path.EndsInDirectorySeparator(fullRoot) ? 0 : 1);
        var unreadable = silent
            .Where(CannotBeListed)
            .Select(folder => new UnreadablePath(folder[prefix..].Replace('\\', '/'), "the folder cannot be listed (permission denied)", IsFolder: true))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return (result, unreadable);
    }

    /// <summary>True when a folder the walk found no entry in exists but cannot be listed.</summary>
    private static bool CannotBeListed(string folder)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            _ = entries.MoveNext();
            return false;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or System.Security.SecurityException)
        {
            return true;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            // Gone, or another I/O problem while the walk ran: nothing to report as unreadable.
            return false;
        }
    }

    private static (HashSet<string>? Files, string? Problem) TrackedFiles(string root)
    {
        var (output, problem) = RunGit(root, ["ls-files", "-z"], null);
        return (output is null ? null : new HashSet<string>(SplitZ(output), StringComparer.Ordinal), problem);
    }

    private static (HashSet<string>? Files, string? Problem) IgnoredFiles(string root, List<string> untracked)
    {
        if (untracked.Count == 0)
        {
            return (new HashSet<string>(StringComparer.Ordinal), null);
        }

        // check-ignore exits 1 when nothing is ignored; that is a normal answer.
        var input = string.Join('\0', untracked) + "\0";
        var (output, problem) = RunGit(root, ["check-ignore", "-z", "--stdin"], input, okExitCodes: [0, 1]);
        return (output is null ? null : new HashSet<string>(SplitZ(output), StringComparer.Ordinal), problem);
    }

    private static string[] SplitZ(string output) =>
        output.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs git in the root: its output, or null and why (git missing, failed, or slower than 20 seconds).</summary>
    private static (string? Output, string? Problem) RunGit(string root, string[] arguments, string? input, int[]? okExitCodes = null)
    {
        var command = "git " + arguments[0];
        try
        {
            using var process = Process.Start(GitStartInfo(root, arguments));
            return process is null ? (null, $"`{command}` could not be started") : Finish(process, command, input, okExitCodes ?? [0]);
        }
        catch (Win32Exception)
        {
            return (null, "git is not on the PATH");
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or PlatformNotSupportedException)
        {
            return (null, $"`{command}` could not run: {ex.Message}");
        }
    }

    private static ProcessStartInfo GitStartInfo(string root, string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A hook or an outer tool may point git elsewhere; the repo being built is the one in the root.
        info.Environment.Remove("GIT_DIR");
        info.Environment.Remove("GIT_WORK_TREE");
        info.Environment.Remove("GIT_INDEX_FILE");
        return info;
    }

    /// <summary>Feeds the input, waits at most 20 seconds, and reads the output or the first line of the error.</summary>
    private static (string? Output, string? Problem) Finish(Process process, string command, string? input, int[] okExitCodes)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(20_000))
        {
            process.Kill(entireProcessTree: true);
            return (null, $"`{command}` did not answer within 20 seconds");
        }

        var error = stderr.Result;
        if (okExitCodes.Contains(process.ExitCode))
        {
            return (stdout.Result, null);
        }

        var firstLine = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return (null, $"`{command}` failed with exit code {process.ExitCode}{(firstLine is null ? string.Empty : ": " + firstLine)}");
    }
}
