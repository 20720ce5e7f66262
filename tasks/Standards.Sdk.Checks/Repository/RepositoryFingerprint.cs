using System.Security.Cryptography;
using System.Text;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// What decides whether the repository checks must run again, computed on every build (it is the cheap part):
/// the settings (SDK, flags, today's date), the NUMBER and a SHA-256 of the SORTED list of the repo's files
/// (so adding, removing or renaming any file outside bin/, obj/, .git/, artifacts/, node_modules/ changes it, in
/// whatever order the file system lists them), and the list of files whose CONTENT the checks read (their
/// timestamps are compared with the stamp by MSBuild). The text is written to the inputs cache file only when
/// it changes, so an unchanged repo leaves the cache older than the stamp and MSBuild skips the checks.
/// </summary>
public static class RepositoryFingerprint
{
    private static readonly HashSet<string> ContentExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".csproj", ".fsproj", ".vbproj", ".props", ".targets", ".sln", ".slnx",
    };

    private static readonly HashSet<string> ContentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CODEOWNERS", "packages.lock.json", "global.json", "standards.json", "nuget.config", ".gitignore", ".editorconfig",
    };

    /// <summary>The cache text for a file list (repo-relative paths, any order) and settings lines.</summary>
    public static string CacheText(IReadOnlyCollection<string> files, IEnumerable<string> settings)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        var sorted = files.Order(StringComparer.Ordinal).ToList();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sorted))));
        var sb = new StringBuilder();
        foreach (var line in settings)
        {
            sb.Append(line.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
        }

        sb.Append("files=").Append(sorted.Count).Append('\n');
        sb.Append("sha256=").Append(hash).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// True for a file whose content a repo check reads: markdown, project and MSBuild files, lock files,
    /// CODEOWNERS, every file at the root, and everything in .github/.
    /// </summary>
    public static bool IsContentInput(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (!relativePath.Contains('/', StringComparison.Ordinal) || relativePath.StartsWith(".github/", StringComparison.Ordinal))
        {
            return true;
        }

        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return ContentNames.Contains(name) || ContentExtensions.Contains(Path.GetExtension(name));
    }
}
