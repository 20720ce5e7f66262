using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>A version.json location that may or may not exist (on disk, or in a commit).</summary>
/// <param name="RepoPath">The repo-relative path ('/'-separated).</param>
/// <param name="DisplayPath">The path findings name.</param>
/// <param name="Content">The file's text, or null when there is no file there.</param>
public sealed record VersionFileCandidate(string RepoPath, string DisplayPath, string? Content);

/// <summary>
/// Resolves the version.json that applies to a folder: the nearest file, laid over the files above it for as
/// long as each says <c>"inherit": true</c> (Nerdbank.GitVersioning's <c>inherit</c>).
/// </summary>
public static class VersionFileChain
{
    /// <summary>The repo paths a version.json may have for a folder, nearest first (the folder, then each parent up to the root).</summary>
    public static IReadOnlyList<string> CandidatePaths(string repoDirectory)
    {
        ArgumentNullException.ThrowIfNull(repoDirectory);
        var paths = new List<string>();
        var dir = repoDirectory.Trim('/');
        while (true)
        {
            paths.Add(dir.Length == 0 ? VersionFile.FileName : $"{dir}/{VersionFile.FileName}");
            if (dir.Length == 0)
            {
                return paths;
            }

            var slash = dir.LastIndexOf('/');
            dir = slash < 0 ? string.Empty : dir[..slash];
        }
    }

    /// <summary>
    /// The merged settings, or null when no file applies or a file is invalid (the findings say why).
    /// <paramref name="sources"/> gets the files used, nearest first.
    /// </summary>
    public static VersionFileSettings? Resolve(IEnumerable<VersionFileCandidate> nearestFirst, List<Finding> findings, out List<string> sources)
    {
        ArgumentNullException.ThrowIfNull(nearestFirst);
        sources = [];
        var chain = new List<VersionFileSettings>();
        VersionFileCandidate? lastRead = null;
        foreach (var candidate in nearestFirst)
        {
            if (candidate.Content is null)
            {
                continue;
            }

            lastRead = candidate;
            var settings = VersionFile.Read(candidate.DisplayPath, candidate.RepoPath, candidate.Content, findings);
            if (settings is null)
            {
                return null;
            }

            chain.Add(settings);
            sources.Add(candidate.RepoPath);
            if (!settings.Inherit)
            {
                break;
            }
        }

        if (chain.Count == 0)
        {
            return null;
        }

        if (chain[^1].Inherit)
        {
            findings.Add(new Finding(ReleaseRuleIds.VersionFileInvalid, Severity.Error,
                $"{VersionFile.FileName} says \"inherit\": true, but there is no version.json above it in the repository to inherit from. Add one at the repo root or set 'version' here and remove 'inherit'.",
                lastRead!.DisplayPath, chain[^1].InheritLine, 1));
            return null;
        }

        var merged = chain[^1];
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            merged = merged.Merge(chain[i]);
        }

        return merged;
    }
}
