namespace Standards.Adoption.Update;

/// <summary>
/// The conflict markers an update leaves for a person to resolve: a file still holding them is not up to date,
/// whatever the record's version says. A file counts when it has a whole marker set at line starts (7 '&lt;',
/// then 7 '=', then 7 '&gt;'), as <c>git merge-file</c> writes them; binary files (<see cref="TemplateMerge.IsBinary"/>) are not searched.
/// </summary>
public static class ConflictMarkers
{
    /// <summary>The repo-relative paths of the repo's files that still hold conflict markers, sorted.</summary>
    public static IReadOnlyList<string> Unresolved(ICommandRunner runner, string root)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return [.. RepoFiles.List(runner, root, RepoFiles.IsGitRepo(runner, root)).Where(path => HasMarkersInFile(RepoPath.Resolve(root, path, RepoFiles.FileList)))];
    }

    /// <summary>True when the text has a marker set: a start line, a separator line after it and an end line after that.</summary>
    public static bool HasMarkers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stage = 0;
        foreach (var line in text.Split('\n'))
        {
            stage = stage switch
            {
                0 when line.StartsWith("<<<<<<<", StringComparison.Ordinal) => 1,
                1 when line.TrimEnd('\r') == "=======" => 2,
                2 when line.StartsWith(">>>>>>>", StringComparison.Ordinal) => 3,
                _ => stage,
            };
            if (stage == 3)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMarkersInFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return !TemplateMerge.IsBinary(bytes) && HasMarkers(System.Text.Encoding.UTF8.GetString(bytes));
    }
}
