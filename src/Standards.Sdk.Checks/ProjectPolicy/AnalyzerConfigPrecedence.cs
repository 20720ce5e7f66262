using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.ProjectPolicy;

/// <summary>A config line that decides a rule's severity for some source files.</summary>
/// <param name="Config">The config file.</param>
/// <param name="Entry">The line.</param>
/// <param name="Files">The source files (absolute) it decides the severity of.</param>
public sealed record DecidingEntry(AnalyzerConfigDocument Config, AnalyzerConfigEntry Entry, IReadOnlyList<string> Files);

/// <summary>
/// Which analyzer config line decides a diagnostic's severity for a source file, by the compiler's rules
/// (measured against the .NET 10 SDK's compiler; a unit test compares with Roslyn's own AnalyzerConfigSet):
/// <list type="number">
/// <item>a section of an .editorconfig that matches the file wins; .editorconfig files apply from the outermost
/// folder to the innermost (a <c>root = true</c> file drops the ones above it), the last matching line wins;
/// an entry before the first section of an .editorconfig applies to nothing;</item>
/// <item>else a section of a global config that names the file exactly, the highest <c>global_level</c> winning;</item>
/// <item>else a global config's top-level entry, the highest <c>global_level</c> winning, two configs at the same
/// level cancelling each other (the key is then unset: the rule's own default applies);</item>
/// <item>else the command line (<c>/warnaserror</c>, <c>/nowarn</c>) and the rule's default.</item>
/// </list>
/// Standards.Sdk's locked config takes part as a global config at the level <see cref="AnalyzerConfigWriter.LockedLevelFor"/>
/// gives among the others (the policy config, below it, decides no locked rule's severity).
/// </summary>
public sealed class AnalyzerConfigPrecedence
{
    private const string Prefix = "dotnet_diagnostic.";
    private const string Suffix = ".severity";

    private readonly IReadOnlyList<AnalyzerConfigDocument> globals;
    private readonly int lockedLevel;
    private readonly IReadOnlyList<(AnalyzerConfigDocument Config, IReadOnlyList<(AnalyzerConfigSection Section, Func<string, bool>? Matches)> Sections)> editorConfigs;

    /// <summary>Creates the view over the configs the compiler reads (not including the ones Standards.Sdk generates).</summary>
    public AnalyzerConfigPrecedence(IEnumerable<AnalyzerConfigDocument> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        var all = configs.ToList();
        globals = [.. all.Where(c => c.IsGlobal)];
        lockedLevel = AnalyzerConfigWriter.LockedLevelFor(globals.Select(g => g.GlobalLevel));
        editorConfigs = [.. all.Where(c => !c.IsGlobal)
            .OrderBy(c => c.Directory.Length)
            .Select(c => (c, (IReadOnlyList<(AnalyzerConfigSection, Func<string, bool>?)>)[.. c.Sections.Select(s => (s, AnalyzerConfigPaths.SectionMatcher(s.Name)))]))];
    }

    /// <summary>The analyzer config key of a diagnostic's severity.</summary>
    public static string SeverityKey(string id) => (Prefix + id + Suffix).ToLowerInvariant();

    /// <summary>
    /// The lines that set <paramref name="id"/> for any of <paramref name="files"/> below <paramref name="ours"/>
    /// (the severity Standards.Sdk gives it, or null when Standards.Sdk's config does not set it), each with the
    /// files it weakens. A line that ties with another global config at the same level is returned too: the tie
    /// unsets the key.
    /// </summary>
    public IReadOnlyList<DecidingEntry> Weakening(string id, IEnumerable<string> files, Severity? ours, Severity required)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(files);
        var key = SeverityKey(id);
        if (!Mentions(key))
        {
            return [];
        }

        var result = new DecidingLines();
        var global = GlobalWinners(globals.Select(g => (g, (IReadOnlyList<AnalyzerConfigEntry>)g.Preamble)), key, ours, lockedLevel);
        foreach (var file in files)
        {
            var deciding = TreeWinners(file, key);
            if (deciding.Count == 0)
            {
                deciding = global;
            }

            // Below the policy and below warning: a warning still fails every CI and Release build (warnings are
            // errors there), so only what silences the rule or keeps it from failing any build weakens the lock.
            var threshold = Math.Min(Rank(required), Rank(Severity.Warning));
            foreach (var (config, entry) in deciding.Where(d => Rank(d.Entry.Value) < threshold))
            {
                result.Add(config, entry, file);
            }
        }

        return result.Entries();
    }

    /// <summary>
    /// The lines that mark some of <paramref name="files"/> as generated (<c>generated_code = true</c>, by the same
    /// precedence), each with those files: analyzers skip generated code, locked rules included.
    /// </summary>
    public IReadOnlyList<DecidingEntry> MarkedGenerated(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        const string key = "generated_code";
        if (!Mentions(key))
        {
            return [];
        }

        static bool IsBoolean(string value) => value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase);
        var result = new DecidingLines();
        var global = GlobalWinners(globals.Select(g => (g, (IReadOnlyList<AnalyzerConfigEntry>)g.Preamble)), key, ours: null, lockedLevel, isValid: IsBoolean);
        foreach (var file in files)
        {
            var deciding = TreeWinners(file, key, IsBoolean);
            foreach (var (config, entry) in (deciding.Count == 0 ? global : deciding).Where(d => d.Entry.Value.Equals("true", StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(config, entry, file);
            }
        }

        return result.Entries();
    }

    /// <summary>Every line of the configs whose key is <paramref name="key"/> (any section), for keys only Standards.Sdk may set.</summary>
    public IEnumerable<(AnalyzerConfigDocument Config, AnalyzerConfigEntry Entry)> Lines(string key) =>
        globals.Concat(editorConfigs.Select(e => e.Config))
            .SelectMany(c => c.Preamble.Concat(c.Sections.SelectMany(s => s.Entries)).Where(e => e.Key == key).Select(e => (c, e)));

    /// <summary>The severity words the compiler accepts, weakest first (<c>default</c>: the rule's own default, treated as weaker than anything set).</summary>
    public static int Rank(string value) => value.ToLowerInvariant() switch
    {
        "error" => 4,
        "warning" or "warn" => 3,
        "suggestion" or "info" => 2,
        "silent" or "refactoring" or "hidden" => 1,
        "none" => 0,
        _ => -1,
    };

    /// <summary>Rank of a severity of the catalog.</summary>
    public static int Rank(Severity severity) => severity switch
    {
        Severity.Error => 4,
        Severity.Warning => 3,
        Severity.Info => 2,
        _ => 0,
    };

    private static bool IsValidSeverity(string value) =>
        value.ToLowerInvariant() is "error" or "warning" or "suggestion" or "silent" or "refactoring" or "none" or "default";

    private bool Mentions(string key) => Lines(key).Any();

    /// <summary>The lines that decide the key for one file through a section (editorconfig sections, global file sections).</summary>
    private List<(AnalyzerConfigDocument Config, AnalyzerConfigEntry Entry)> TreeWinners(string file, string key, Func<string, bool>? isValid = null)
    {
        var normalized = file.Replace('\\', '/');
        (AnalyzerConfigDocument Config, AnalyzerConfigEntry Entry)? last = null;
        foreach (var (config, sections) in editorConfigs)
        {
            if (!normalized.StartsWith(config.Directory, StringComparison.Ordinal))
            {
                continue;
            }

            if (config.IsRoot)
            {
                last = null;
            }

            var relative = normalized[(config.Directory.EndsWith('/') ? config.Directory.Length - 1 : config.Directory.Length)..];
            foreach (var (section, matches) in sections)
            {
                if (matches is null || !matches(relative))
                {
                    continue;
                }

                foreach (var entry in section.Entries.Where(e => e.Key == key && (isValid ?? IsValidSeverity)(e.Value)))
                {
                    last = (config, entry);
                }
            }
        }

        if (last is { } winner)
        {
            return [winner];
        }

        var keys = AnalyzerConfigPaths.CompilerKeys(normalized);
        var named = globals.Select(g => (g, (IReadOnlyList<AnalyzerConfigEntry>)[.. g.Sections
            .Where(s => AnalyzerConfigPaths.GlobalSectionPath(s.Name) is { } path && keys.Contains(path, StringComparer.Ordinal))
            .SelectMany(s => s.Entries)]));
        return GlobalWinners(named, key, ours: null, lockedLevel, topLevel: false, isValid);
    }

    /// <summary>
    /// The global lines that win for the key, by the compiler's merge: the highest level wins (Standards.Sdk's own
    /// entry at <paramref name="oursLevel"/> when <paramref name="ours"/> is set); two configs at that level cancel each other, and so does a
    /// winning value that is not a severity: the key is then unset. An unset top-level key leaves the rule at its own
    /// default (returned as a weakening when Standards.Sdk's config sets the rule); an unset file section falls
    /// back to the top-level entries (returned as nothing).
    /// </summary>
    private static List<(AnalyzerConfigDocument Config, AnalyzerConfigEntry Entry)> GlobalWinners(
        IEnumerable<(AnalyzerConfigDocument Config, IReadOnlyList<AnalyzerConfigEntry> Entries)> configs,
        string key,
        Severity? ours,
        int oursLevel,
        bool topLevel = true,
        Func<string, bool>? isValid = null)
    {
        var candidates = configs
            .Select(c => (c.Config, Entry: c.Entries.LastOrDefault(e => e.Key == key)))
            .Where(c => c.Entry is not null)
            .Select(c => (c.Config, Entry: c.Entry!))
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var top = candidates.Max(c => c.Config.GlobalLevel);
        if (ours is not null && top < oursLevel)
        {
            return [];
        }

        var winners = candidates.Where(c => c.Config.GlobalLevel == top).ToList();
        var unsetReportsDefault = topLevel && ours is not null;
        if (winners.Count > 1 || (ours is not null && top == oursLevel))
        {
            return unsetReportsDefault
                ? [.. winners.Select(w => (w.Config, w.Entry with { Value = $"unset (it ties with another global config at global_level {top}, and the compiler then drops both)" }))]
                : [];
        }

        var winner = winners[0];
        if (!(isValid ?? IsValidSeverity)(winner.Entry.Value))
        {
            return unsetReportsDefault
                ? [(winner.Config, winner.Entry with { Value = $"unset ('{winner.Entry.Value}' is not a severity, so the compiler drops the key)" })]
                : [];
        }

        return [winner];
    }

    /// <summary>Deciding lines, each once with the files it decides, in the order they were first met.</summary>
    private sealed class DecidingLines
    {
        private readonly Dictionary<(string Path, int Line), (AnalyzerConfigDocument Config, AnalyzerConfigEntry Entry, List<string> Files)> lines = [];

        public void Add(AnalyzerConfigDocument config, AnalyzerConfigEntry entry, string file)
        {
            var slot = (config.Path, entry.Line);
            if (!lines.TryGetValue(slot, out var found))
            {
                found = (config, entry, []);
                lines[slot] = found;
            }

            found.Files.Add(file);
        }

        public IReadOnlyList<DecidingEntry> Entries() => [.. lines.Values.Select(r => new DecidingEntry(r.Config, r.Entry, r.Files))];
    }
}
