using System.Security.Cryptography;
using System.Text;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Runs;

/// <summary>
/// What decides whether the repository checks must run again, computed on every build (it is the cheap part):
/// the settings (SDK, mode, reports, policy and baseline files, today's date), the NUMBER and a SHA-256 of the
/// SORTED list of the repo's files (so adding, removing or renaming any file outside bin/, obj/, .git/,
/// artifacts/, node_modules/ changes it, in whatever order the file system lists them), the CONTENT HASH of every
/// file whose content the checks read (<see cref="IsContentInput"/>, plus git's index and the policy and baseline
/// files wherever they are), and the folders that could not be listed. The text is written to the inputs cache
/// only when it changes, so an unchanged repo leaves the cache older than the stamp and MSBuild skips the checks;
/// a file whose content changed is seen whatever its timestamp says (an older file moved in place, <c>cp -p</c>,
/// <c>rsync -a</c>, <c>tar x</c>), because its hash is in the text (<see cref="ContentHashCache"/> keeps that cheap).
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

    /// <summary>
    /// The name part of the state files for one set of settings: builds made with other settings (CI or local mode,
    /// another policy file, reports on or off) keep their own inputs cache and stamp, so no build ever takes the
    /// verdict of a build made under different settings as its own.
    /// </summary>
    public static string SettingsKey(IEnumerable<string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = string.Join('\n', settings.Select(OneLine));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    /// <summary>
    /// Computes the inputs cache text of a repo from disk: walks it, finds git's state files (index, info/exclude,
    /// a <c>.git</c> file) wherever the git directory is, and hashes the content of every file the checks read plus
    /// <paramref name="extraContentFiles"/> through <paramref name="hashes"/>.
    /// </summary>
    /// <param name="root">Absolute repo root.</param>
    /// <param name="settings">Setting lines (identity of the code, mode, policy, date, ...).</param>
    /// <param name="extraContentFiles">Absolute paths of inputs that may lie outside the repo (policy, baseline).</param>
    /// <param name="hashes">The content hash cache (kept by the caller between builds).</param>
    public static (string Text, int Files) Compute(string root, IEnumerable<string> settings, IEnumerable<string> extraContentFiles, ContentHashCache hashes) =>
        Compute(root, settings, extraContentFiles, hashes, out _);

    /// <summary>As <see cref="Compute(string, IEnumerable{string}, IEnumerable{string}, ContentHashCache)"/>, and gives the walk it made.</summary>
    public static (string Text, int Files) Compute(string root, IEnumerable<string> settings, IEnumerable<string> extraContentFiles, ContentHashCache hashes, out RepositoryWalk walk)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(extraContentFiles);
        ArgumentNullException.ThrowIfNull(hashes);
        var fullRoot = Path.GetFullPath(root);
        var (files, unlisted) = RepositorySnapshotLoader.Walk(fullRoot);
        var git = GitLayout.Find(fullRoot);
        var walked = files.Where(IsContentInput).ToList();
        var contentPaths = walked.Select(f => Path.Combine(fullRoot, f))
            .Concat(git?.StateFiles() ?? [])
            .Concat(extraContentFiles.Where(f => !string.IsNullOrWhiteSpace(f)).Select(Path.GetFullPath));
        var hashed = hashes.HashAll(contentPaths);

        // The walk's files come first and are distinct, so the first hashes are theirs, in order: their relative paths
        // are the walk's own (only git's state files and the files outside the repo are made relative here).
        var content = hashed.Select((h, i) => (i < walked.Count ? walked[i] : Relative(fullRoot, h.Path), h.Hash));
        string[] lines = [$"git={git?.GitDirectory ?? "none"}", .. settings];
        walk = new RepositoryWalk(fullRoot, files, unlisted);
        return (CacheText(files, lines, content, unlisted.Select(u => u.Path)), files.Count);
    }

    private static string Relative(string root, string path)
    {
        // Most paths are the walk's own, joined to the root above: cut the root off instead of resolving both again
        // (Path.GetRelativePath normalizes each of 100,000 paths: a tenth of a no-op build's fingerprint).
        if (path.Length > root.Length + 1 && path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] == Path.DirectorySeparatorChar
            && !root.EndsWith(Path.DirectorySeparatorChar))
        {
            var cut = path[(root.Length + 1)..];
            if (!cut.Contains("..", StringComparison.Ordinal) && !cut.Contains("./", StringComparison.Ordinal) && !cut.Contains("//", StringComparison.Ordinal))
            {
                return Path.DirectorySeparatorChar == '/' ? cut : cut.Replace('\\', '/');
            }
        }

        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    /// <summary>The cache text for a file list (repo-relative paths, any order) and settings lines.</summary>
    public static string CacheText(IReadOnlyCollection<string> files, IEnumerable<string> settings) =>
        CacheText(files, settings, [], []);

    /// <summary>
    /// The cache text: settings lines, the file list's count and hash, the content hashes (path and hash, in any
    /// order) and the folders that could not be listed.
    /// </summary>
    public static string CacheText(
        IReadOnlyCollection<string> files,
        IEnumerable<string> settings,
        IEnumerable<(string Path, string Hash)> contentHashes,
        IEnumerable<string> unlistedFolders)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(contentHashes);
        ArgumentNullException.ThrowIfNull(unlistedFolders);
        var sorted = SortedByOrdinal(files.ToList(), f => f);
        var sb = new StringBuilder();
        foreach (var line in settings)
        {
            sb.Append(OneLine(line)).Append('\n');
        }

        sb.Append("files=").Append(sorted.Count).Append('\n');
        sb.Append("sha256=").Append(Sha(sorted.Select(f => (f, (string?)null)))).Append('\n');
        var content = SortedByOrdinal(contentHashes.ToList(), c => c.Path);
        if (content.Count > 0)
        {
            sb.Append("content=").Append(content.Count).Append(' ').Append(Sha(content.Select(c => (c.Path, (string?)c.Hash)))).Append('\n');
        }

        foreach (var folder in unlistedFolders.Order(StringComparer.Ordinal))
        {
            sb.Append("unlisted=").Append(OneLine(folder)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A short hash of a cache text, recorded in the stamp of the run made under it.</summary>
    public static string Digest(string cacheText)
    {
        ArgumentNullException.ThrowIfNull(cacheText);
        return Sha(cacheText);
    }

    /// <summary>
    /// True for a file whose content a repo check reads: markdown, project and MSBuild files, lock files,
    /// CODEOWNERS, every file at the root, everything in .github/, and every file the secret check may search
    /// (<see cref="Secrets.SecretsCheck.IsScanned"/>: every file but a key store, since only its content says whether
    /// it is text).
    /// </summary>
    public static bool IsContentInput(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (!relativePath.Contains('/', StringComparison.Ordinal) || relativePath.StartsWith(".github/", StringComparison.Ordinal))
        {
            return true;
        }

        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return ContentNames.Contains(name) || ContentExtensions.Contains(Path.GetExtension(name)) || Secrets.SecretsCheck.IsScanned(relativePath);
    }

    private static string OneLine(string line) => line.Replace('\n', ' ').Replace('\r', ' ');

    private static string Sha(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The SHA-256 of the lines "path" (or "path NUL hash"), one per item, each ended by a newline, hashed as they are
    /// encoded: the list of a 100,000-file repo is never joined into one string.
    /// </summary>
    private static string Sha(IEnumerable<(string Path, string? Hash)> items)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var used = 0;
        void Add(string text)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (used + needed > buffer.Length)
            {
                sha.AppendData(buffer, 0, used);
                used = 0;
                if (needed > buffer.Length)
                {
                    buffer = new byte[needed];
                }
            }

            used += Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, used);
        }

        foreach (var (path, hash) in items)
        {
            Add(path);
            if (hash is not null)
            {
                Add("\0");
                Add(hash);
            }

            Add("\n");
        }

        sha.AppendData(buffer, 0, used);
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>The list sorted by the ordinal order of its keys; a list already in that order (a walk's) is not sorted again.</summary>
    private static List<T> SortedByOrdinal<T>(List<T> items, Func<T, string> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(key(items[i - 1]), key(items[i])) > 0)
            {
                items.Sort((a, b) => string.CompareOrdinal(key(a), key(b)));
                break;
            }
        }

        return items;
    }
}
