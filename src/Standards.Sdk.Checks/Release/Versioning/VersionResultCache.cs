using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// The whole outcome of a version computation, kept by everything it depends on (HEAD, branch, tags and shallow
/// state, every version.json's content, the CI variables, the overrides): the no-op path. A build whose inputs did
/// not change reads a few small files, hashes them and gets the outcome back from memory or from one text file in
/// the state folder, without parsing JSON or touching git. Shared by every project under the same version.json.
/// The file format is private to this class (line-based, so reading it needs no parser).
/// </summary>
public static class VersionResultCache
{
    private const string FormatVersion = "2";

    private static readonly ConcurrentDictionary<string, VersionOutcome> Memory = new(StringComparer.Ordinal);

    /// <summary>Changes with the code that computes versions (deterministic builds), so a new Standards.Sdk never reuses an old result.</summary>
    internal static readonly string EngineId = typeof(VersionResultCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The key of a computation.</summary>
    public static string Key(VersionRequest request, GitWorkTree? workTree, GitHead? head, IReadOnlyList<VersionFileCandidate> files)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder()
            .Append("format " + FormatVersion).Append(' ').Append(EngineId).Append('\n')
            .Append(workTree?.Root ?? "no-git").Append('\n')
            .Append(head?.Commit).Append('|').Append(head?.SymbolicRef).Append('|').Append(head?.RefsFingerprint).Append('\n')
            .Append(request.Cloud.System).Append('|').Append(request.Cloud.BuildingRef).Append('|').Append(request.Cloud.CommitId).Append('\n')
            .Append(request.PublicReleaseOverride?.ToString() ?? "-").Append('|').Append(request.FallbackHeight?.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n');
        foreach (var file in files)
        {
            text.Append(file.DisplayPath).Append('=').Append(file.Content is null ? "-" : Hash(file.Content)).Append('\n');
        }

        return Hash(text.ToString());
    }

    /// <summary>The cached outcome for <paramref name="key"/>, from memory or the state folder.</summary>
    public static VersionOutcome? Get(string key, string? stateDirectory)
    {
        if (Memory.TryGetValue(key, out var outcome))
        {
            return outcome with { FactsSource = "memory" };
        }

        if (string.IsNullOrEmpty(stateDirectory) || GitWorkTree.ReadText(FileOf(stateDirectory, key)) is not { } text || Parse(text) is not { } loaded)
        {
            return null;
        }

        Memory[key] = loaded;
        return loaded with { FactsSource = "cache file" };
    }

    /// <summary>Keeps an outcome; one that failed because git failed is not kept (that may pass next time).</summary>
    public static void Store(string key, string? stateDirectory, VersionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Findings.Any(f => f.Code == ReleaseRuleIds.GitFailed))
        {
            return;
        }

        if (Memory.Count > 256)
        {
            Memory.Clear();
        }

        Memory[key] = outcome;
        if (string.IsNullOrEmpty(stateDirectory))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(stateDirectory);
            var file = FileOf(stateDirectory, key);
            GitWorkTree.WriteWhole(file, Serialize(outcome));
            VersionFactsCache.Prune(stateDirectory, "version-result-*.txt");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the next build's speed depends on it.
        }
    }

    /// <summary>Forgets what is in memory (tests).</summary>
    public static void ClearMemory() => Memory.Clear();

    private static string FileOf(string stateDirectory, string key) => Path.Combine(stateDirectory, $"version-result-{key}.txt");

    private static string Serialize(VersionOutcome outcome)
    {
        var lines = new List<string> { "format=" + FormatVersion };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                lines.Add(name + "=" + Escape(value));
            }
        }

        if (outcome.Version is { } v)
        {
            Add("BuildVersion", v.BuildVersion);
            Add("SimpleVersion", v.SimpleVersion);
            Add("AssemblyVersion", v.AssemblyVersion);
            Add("FileVersion", v.FileVersion);
            Add("InformationalVersion", v.InformationalVersion);
            Add("NuGetPackageVersion", v.NuGetPackageVersion);
            Add("SemVer2", v.SemVer2);
            Add("PrereleaseVersion", v.PrereleaseVersion);
            Add("CloudBuildNumber", v.CloudBuildNumber);
            Add("VersionHeight", v.VersionHeight.ToString(CultureInfo.InvariantCulture));
            Add("VersionHeightOffset", v.VersionHeightOffset.ToString(CultureInfo.InvariantCulture));
            Add("PublicRelease", v.PublicRelease ? "true" : "false");
            Add("GitCommitId", v.GitCommitId);
            Add("GitCommitIdShort", v.GitCommitIdShort);
        }

        Add("SetCloudBuildVariables", outcome.SetCloudBuildVariables ? "true" : "false");
        Add("BuildingRef", outcome.BuildingRef);
        Add("CommitTime", outcome.CommitTime?.ToString(CultureInfo.InvariantCulture));
        Add("LatestRelease", outcome.LatestRelease);
        lines.AddRange(outcome.Explanation.Select(e => "why=" + Escape(e)));
        // Fields are escaped one by one, so the tabs between them are the only raw ones.
        lines.AddRange(outcome.Findings.Select(f => "finding=" + string.Join('\t',
            Escape(f.Code), ((int)f.Severity).ToString(CultureInfo.InvariantCulture), f.Line.ToString(CultureInfo.InvariantCulture),
            f.Column.ToString(CultureInfo.InvariantCulture), Escape(f.File ?? string.Empty), Escape(f.Message))));
        return string.Join('\n', lines) + "\n";
    }

    private static VersionOutcome? Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var why = new List<string>();
        var findings = new List<Finding>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var (name, raw) = (line[..equals], line[(equals + 1)..]);
            switch (name)
            {
                case "why":
                    why.Add(Unescape(raw));
                    break;
                case "finding":
                    if (ParseFinding(raw) is not { } finding)
                    {
                        return null;
                    }

                    findings.Add(finding);
                    break;
                default:
                    values[name] = Unescape(raw);
                    break;
            }
        }

        if (values.GetValueOrDefault("format") != FormatVersion)
        {
            return null;
        }

        string? Value(string name) => values.GetValueOrDefault(name);
        return new VersionOutcome
        {
            Version = ParseVersion(values),
            Findings = findings,
            Explanation = why,
            BuildingRef = Value("BuildingRef"),
            CommitTime = long.TryParse(Value("CommitTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var time) ? time : null,
            SetCloudBuildVariables = Value("SetCloudBuildVariables") == "true",
            LatestRelease = Value("LatestRelease"),
        };
    }

    /// <summary>A finding line's six tab-separated fields; null when it is not one.</summary>
    private static Finding? ParseFinding(string raw)
    {
        var parts = raw.Split('\t');
        if (parts.Length != 6 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var severity)
            || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var findingLine) || !int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var column))
        {
            return null;
        }

        var file = Unescape(parts[4]);
        return new Finding(Unescape(parts[0]), (Severity)severity, Unescape(parts[5]), file.Length == 0 ? null : file, findingLine, column);
    }

    /// <summary>The computed version, when the cache holds one (it has a NuGetPackageVersion).</summary>
    private static ComputedVersion? ParseVersion(Dictionary<string, string> values)
    {
        string? Value(string name) => values.GetValueOrDefault(name);
        if (Value("NuGetPackageVersion") is not { } nuget)
        {
            return null;
        }

        return new ComputedVersion
        {
            BuildVersion = Value("BuildVersion") ?? string.Empty,
            SimpleVersion = Value("SimpleVersion") ?? string.Empty,
            AssemblyVersion = Value("AssemblyVersion") ?? string.Empty,
            FileVersion = Value("FileVersion") ?? string.Empty,
            InformationalVersion = Value("InformationalVersion") ?? string.Empty,
            NuGetPackageVersion = nuget,
            SemVer2 = Value("SemVer2") ?? string.Empty,
            PrereleaseVersion = Value("PrereleaseVersion") ?? string.Empty,
            CloudBuildNumber = Value("CloudBuildNumber"),
            VersionHeight = int.TryParse(Value("VersionHeight"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) ? h : 0,
            VersionHeightOffset = int.TryParse(Value("VersionHeightOffset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0,
            PublicRelease = Value("PublicRelease") == "true",
            GitCommitId = Value("GitCommitId"),
            GitCommitIdShort = Value("GitCommitIdShort"),
        };
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Unescape(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                result.Append(value[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var c => c });
            }
            else
            {
                result.Append(value[i]);
            }
        }

        return result.ToString();
    }

    private static string Hash(string text) => StableHash.Of(text);
}
