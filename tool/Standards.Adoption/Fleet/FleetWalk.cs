using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Fleet;

/// <summary>A compliance file found: the path as found (for messages) and where it really is (what is opened).</summary>
/// <param name="Path">The path under the folder given, or the file as given.</param>
/// <param name="RealPath">The canonical path, every link resolved.</param>
public sealed record FleetFile(string Path, string RealPath);

/// <summary>
/// Searches the input folders of <c>dotnet standards report</c>, which come from other repos' CI artifacts and are
/// untrusted: a link is followed only when it leads to a place inside the folder given, a folder is searched once
/// (so a link loop ends), only regular files are taken (a FIFO named compliance.json would block the read for ever),
/// and the search stops at the file limit. Every path left out this way is a STD7526 (STD7525 for the limit).
/// </summary>
public static class FleetWalk
{
    /// <summary>The compliance files of <paramref name="paths"/>, each once, in path order within each folder.</summary>
    public static IReadOnlyList<FleetFile> Find(IEnumerable<string> paths, int maxFiles, List<FleetProblem> problems, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var found = new List<FleetFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellation.ThrowIfCancellationRequested();
            switch (FleetFileSystem.Kind(path, follow: true))
            {
                case FleetEntryKind.File:
                    Add(found, seen, new FleetFile(path, FleetFileSystem.RealPath(path) ?? Path.GetFullPath(path)));
                    break;
                case FleetEntryKind.Directory:
                    var inFolder = Search(path, problems, cancellation);
                    foreach (var file in inFolder.OrderBy(f => f.Path, StringComparer.Ordinal))
                    {
                        Add(found, seen, file);
                    }

                    if (inFolder.Count == 0)
                    {
                        problems.Add(new FleetProblem(ToolRuleIds.ComplianceNotFound, path, 0,
                            $"The folder holds no {ComplianceDocument.FileName} (nor *.{ComplianceDocument.FileName}) at any depth. A CI build on Standards.Sdk writes artifacts/standards/{ComplianceDocument.FileName}; download that artifact of each repo's builds into it."));
                    }

                    break;
                case FleetEntryKind.Special:
                    problems.Add(NotRegular(path));
                    break;
                default:
                    problems.Add(new FleetProblem(ToolRuleIds.ComplianceNotFound, path, 0,
                        "No such file or folder. Give compliance.json files, or folders that hold them (the artifacts/standards/ folders CI builds publish)."));
                    break;
            }
        }

        if (found.Count > maxFiles)
        {
            problems.Add(new FleetProblem(ToolRuleIds.ComplianceTooLarge, found[maxFiles].Path, 0,
                $"The inputs hold more than {maxFiles} compliance files, the most one report reads; this one and every one after it are left out. Make the report from fewer folders at a time."));
            found.RemoveRange(maxFiles, found.Count - maxFiles);
        }

        return found;
    }

    /// <summary>True for compliance.json and *.compliance.json.</summary>
    public static bool IsComplianceName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name == ComplianceDocument.FileName || name.EndsWith("." + ComplianceDocument.FileName, StringComparison.Ordinal);
    }

    private static void Add(List<FleetFile> found, HashSet<string> seen, FleetFile file)
    {
        if (seen.Add(file.RealPath))
        {
            found.Add(file);
        }
    }

    private static FleetProblem NotRegular(string path) => new(ToolRuleIds.ComplianceNotRegular, path, 0,
        "It is not a regular file (a FIFO, socket or device), so it is not read: reading one can wait for ever. Give the compliance.json files CI builds wrote.");

    private static FleetProblem NotFollowed(string path, string why) => new(ToolRuleIds.ComplianceNotRegular, path, 0,
        $"The symbolic link is not followed: {why}. Copy the compliance files into the folder instead of linking to them.");

    // Depth first with an explicit stack (no recursion to overflow), each folder's entries in ordinal order.
    private static List<FleetFile> Search(string folder, List<FleetProblem> problems, CancellationToken cancellation)
    {
        var found = new List<FleetFile>();
        var root = FleetFileSystem.RealPath(folder) ?? Path.GetFullPath(folder);
        var searched = new HashSet<string>(StringComparer.Ordinal) { root };
        var stack = new Stack<(string Path, string Real)>();
        stack.Push((folder, root));
        while (stack.Count > 0)
        {
            var (path, real) = stack.Pop();
            var subfolders = new List<(string Path, string Real)>();
            foreach (var entry in Entries(path, problems))
            {
                cancellation.ThrowIfCancellationRequested();
                var name = Path.GetFileName(entry);
                var kind = FleetFileSystem.Kind(entry, follow: false);
                var entryReal = Path.Combine(real, name);
                if (kind == FleetEntryKind.Link)
                {
                    (kind, entryReal) = Follow(entry, folder, root, searched, problems);
                }

                switch (kind)
                {
                    case FleetEntryKind.Directory when searched.Add(entryReal):
                        subfolders.Add((entry, entryReal));
                        break;
                    case FleetEntryKind.File when IsComplianceName(name):
                        found.Add(new FleetFile(entry, entryReal));
                        break;
                    case FleetEntryKind.Special when IsComplianceName(name):
                        problems.Add(NotRegular(entry));
                        break;
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                stack.Push(subfolders[i]);
            }
        }

        return found;
    }

    /// <summary>Where a link found in the folder leads, and what is there; Missing (with its STD7526) when it is not followed.</summary>
    private static (FleetEntryKind Kind, string Real) Follow(string entry, string folder, string root, HashSet<string> searched, List<FleetProblem> problems)
    {
        if (FleetFileSystem.RealPath(entry) is not { } target)
        {
            problems.Add(NotFollowed(entry, FleetFileSystem.Native ? "it leads nowhere (its target is missing, or the links loop)" : "links are not followed on this system"));
            return (FleetEntryKind.Missing, entry);
        }

        if (!Inside(target, root))
        {
            problems.Add(NotFollowed(entry, $"it leads out of the folder given ({folder})"));
            return (FleetEntryKind.Missing, target);
        }

        var kind = FleetFileSystem.Kind(target, follow: false);
        if (kind == FleetEntryKind.Directory && searched.Contains(target))
        {
            problems.Add(NotFollowed(entry, "it leads to a folder already searched (a loop, or a second way to the same folder)"));
            return (FleetEntryKind.Missing, target);
        }

        return (kind, target);
    }

    private static bool Inside(string target, string root) =>
        target == root || target.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static List<string> Entries(string folder, List<FleetProblem> problems)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new FleetProblem(ToolRuleIds.ComplianceNotFound, folder, 0, $"The folder cannot be searched: {ex.Message}. Check that it is readable."));
            return [];
        }
    }
}
