using System.Collections.Concurrent;
using Standards.Sdk.Checks.Repository;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// Keeps <see cref="VersionFacts"/> by key (HEAD commit, tags and shallow state, version.json folder): in memory
/// for the life of the MSBuild node, and on disk in the repo's state folder so the next build, another node or a
/// concurrent build reuses them. A miss takes a lock on the state folder, so a 30-project build runs git once.
/// Files are written whole (temporary file, then rename) and a damaged one is recomputed.
/// </summary>
public static class VersionFactsCache
{
    /// <summary>Bumped when the facts' meaning changes, so old cache files are not read.</summary>
    private const string FormatVersion = "1";

    private const int MaxFiles = 32;

    private static readonly ConcurrentDictionary<string, VersionFacts> Memory = new(StringComparer.Ordinal);

    /// <summary>The cache key.</summary>
    public static string Key(GitWorkTree workTree, GitHead head, string versionDirectory)
    {
        ArgumentNullException.ThrowIfNull(workTree);
        ArgumentNullException.ThrowIfNull(head);
        var text = $"{FormatVersion}|{VersionResultCache.EngineId}|{workTree.Root}|{head.Commit}|{head.RefsFingerprint}|{versionDirectory}";
        return StableHash.Of(text);
    }

    /// <summary>
    /// The facts for <paramref name="key"/>: from memory, from <paramref name="stateDirectory"/>, or computed by
    /// <paramref name="compute"/> (then stored). <paramref name="source"/> says which, for the log.
    /// </summary>
    public static (VersionFacts? Facts, string? Error) Get(string key, string? stateDirectory, Func<(VersionFacts?, string?)> compute, out string source)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (Memory.TryGetValue(key, out var cached))
        {
            source = "memory";
            return (cached, null);
        }

        if (string.IsNullOrEmpty(stateDirectory))
        {
            source = "git";
            return Remember(key, compute());
        }

        var file = Path.Combine(stateDirectory, $"version-{key}.json");
        if (Load(file) is { } loaded)
        {
            source = "cache file";
            Memory[key] = loaded;
            return (loaded, null);
        }

        using var guard = RunGuard.Acquire(Path.Combine(stateDirectory, "version.lock"), TimeSpan.FromMinutes(2));
        if (Load(file) is { } afterWait)
        {
            source = "cache file (written by a concurrent build)";
            Memory[key] = afterWait;
            return (afterWait, null);
        }

        source = "git";
        var (facts, error) = Remember(key, compute());
        if (facts is not null)
        {
            Store(stateDirectory, file, facts);
        }

        return (facts, error);
    }

    /// <summary>Forgets what is in memory (tests).</summary>
    public static void ClearMemory() => Memory.Clear();

    private static (VersionFacts?, string?) Remember(string key, (VersionFacts? Facts, string? Error) result)
    {
        if (result.Facts is not null)
        {
            if (Memory.Count > 256)
            {
                Memory.Clear();
            }

            Memory[key] = result.Facts;
        }

        return result;
    }

    private static VersionFacts? Load(string file)
    {
        try
        {
            return File.Exists(file) ? VersionFacts.FromJson(File.ReadAllText(file)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Store(string directory, string file, VersionFacts facts)
    {
        try
        {
            Directory.CreateDirectory(directory);
            GitWorkTree.WriteWhole(file, facts.ToJson());
            Prune(directory, "version-*.json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next build a git run.
        }
    }

    /// <summary>Keeps the newest <see cref="MaxFiles"/> cache files matching <paramref name="pattern"/>.</summary>
    internal static void Prune(string directory, string pattern)
    {
        var files = new DirectoryInfo(directory).GetFiles(pattern).OrderByDescending(f => f.LastWriteTimeUtc).Skip(MaxFiles);
        foreach (var old in files)
        {
            try
            {
                old.Delete();
            }
            catch (IOException)
            {
                // In use by another build; next time.
            }
        }
    }
}
