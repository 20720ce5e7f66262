using System.ComponentModel;
using System.Diagnostics;
using System.IO.Enumeration;
using System.Text;

namespace Standards.Sdk.Checks.Repository;

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

    private static readonly HashSet<string> Excluded = new(ExcludedFolderNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads the snapshot. <paramref name="useGit"/> false skips git (TrackedFiles and IgnoredFiles stay null).</summary>
    public static (RepositorySnapshot Snapshot, SnapshotStatistics Statistics) Load(string root, bool useGit = true)
    {
        ArgumentNullException.ThrowIfNull(root);
        var fullRoot = Path.GetFullPath(root);
        var watch = Stopwatch.StartNew();
        var files = EnumerateFiles(fullRoot);
        string? Read(string relative) => ReadText(fullRoot, relative);
        var projects = files.Where(ProjectFileReader.IsProjectFile)
            .Select(p => ProjectFileReader.Read(p, Read(p)))
            .ToList();
        var enumerate = watch.ElapsedMilliseconds;

        watch.Restart();
        HashSet<string>? tracked = null;
        HashSet<string>? ignored = null;
        if (useGit && IsInsideGitWorkTree(fullRoot))
        {
            tracked = TrackedFiles(fullRoot);
            ignored = tracked is null ? null : IgnoredFiles(fullRoot, files.Where(f => !tracked.Contains(f)).ToList());
        }

        var git = watch.ElapsedMilliseconds;
        var snapshot = new RepositorySnapshot(fullRoot, files, projects, Read, tracked, ignored);
        return (snapshot, new SnapshotStatistics(files.Count, enumerate, git));
    }

    /// <summary>Repo-relative, '/'-separated paths of every file below the root outside the excluded folders, sorted.</summary>
    public static List<string> EnumerateFiles(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            return [];
        }

        var prefix = fullRoot.Length + (Path.EndsInDirectorySeparator(fullRoot) ? 0 : 1);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        var enumerable = new FileSystemEnumerable<string>(
            fullRoot,
            (ref FileSystemEntry entry) => entry.ToFullPath(),
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !Excluded.Contains(entry.FileName.ToString()),
            // Never follow a link to a folder (cycles); never walk build output or tool caches.
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !Excluded.Contains(entry.FileName.ToString()),
        };
        var result = new List<string>();
        foreach (var path in enumerable)
        {
            result.Add(path[prefix..].Replace('\\', '/'));
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string? ReadText(string root, string relative)
    {
        try
        {
            return File.ReadAllText(Path.Combine(root, relative));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsInsideGitWorkTree(string root)
    {
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var marker = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string>? TrackedFiles(string root)
    {
        var output = RunGit(root, ["ls-files", "-z"], null);
        return output is null ? null : new HashSet<string>(SplitZ(output), StringComparer.Ordinal);
    }

    private static HashSet<string>? IgnoredFiles(string root, List<string> untracked)
    {
        if (untracked.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        // check-ignore exits 1 when nothing is ignored; that is a normal answer.
        var input = string.Join('\0', untracked) + "\0";
        var output = RunGit(root, ["check-ignore", "-z", "--stdin"], input, okExitCodes: [0, 1]);
        return output is null ? null : new HashSet<string>(SplitZ(output), StringComparer.Ordinal);
    }

    private static string[] SplitZ(string output) =>
        output.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs git in the root; null when git is missing, fails or takes longer than 20 seconds.</summary>
    private static string? RunGit(string root, string[] arguments, string? input, int[]? okExitCodes = null)
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
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

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
                return null;
            }

            _ = stderr.Result;
            return (okExitCodes ?? [0]).Contains(process.ExitCode) ? stdout.Result : null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException or PlatformNotSupportedException)
        {
            return null;
        }
    }
}
