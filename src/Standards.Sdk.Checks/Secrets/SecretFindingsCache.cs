using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Standards.Sdk.Checks.Secrets;

/// <summary>
/// The secret findings of each searched text, keyed by the SHA-256 of the text and whether names were searched too,
/// kept between builds: every tracked file is a content input of the repository checks, so one edited file re-runs
/// them all, and without this every file would be searched again. With it only a text not searched before is (an
/// edited, added or renamed-and-changed file); hashing a text costs a fraction of searching it. An entry is written
/// back only when a file of this run had that text, so the findings of a removed or changed file are dropped. The
/// cache holds only kinds, places and fingerprints, never a secret. It is valid only for the detector that wrote it:
/// <see cref="Version"/> (the checks assembly's build identity) heads the text, and a cache of another version, or a
/// damaged one, is empty.
/// </summary>
public sealed class SecretFindingsCache
{
    private const string Header = "standards-secret-findings v1";

    private readonly Dictionary<string, IReadOnlyList<SecretFinding>> entries;
    private readonly Dictionary<string, IReadOnlyList<SecretFinding>> used = new(StringComparer.Ordinal);
    private readonly string version;

    private SecretFindingsCache(Dictionary<string, IReadOnlyList<SecretFinding>> entries, string version)
    {
        this.entries = entries;
        this.version = version;
    }

    /// <summary>The detector's identity: the build of the assembly that holds it, so any change of a pattern or a rule gives a new one.</summary>
    public static string Version { get; } = typeof(SecretDetector).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Texts searched in this run (not found in the cache).</summary>
    public int Searched { get; private set; }

    /// <summary>Reads a cache from its text; null, damaged text or another <paramref name="version"/> gives an empty cache.</summary>
    public static SecretFindingsCache Parse(string? text, string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var entries = new Dictionary<string, IReadOnlyList<SecretFinding>>(StringComparer.Ordinal);
        var lines = (text ?? string.Empty).Split('\n');
        if (lines[0] != Header + "\t" + version)
        {
            return new SecretFindingsCache(entries, version);
        }

        foreach (var line in lines.Skip(1))
        {
            if (ParseEntry(line) is { } entry)
            {
                entries[entry.Key] = entry.Findings;
            }
        }

        return new SecretFindingsCache(entries, version);
    }

    /// <summary>
    /// The findings of <paramref name="text"/>: from the cache when this text was searched before with the same
    /// <paramref name="names"/>, else from <paramref name="find"/> (and remembered). An exception of
    /// <paramref name="find"/> (a pattern's time limit) passes through and nothing is remembered.
    /// </summary>
    public IReadOnlyList<SecretFinding> Find(string text, bool names, Func<string, bool, IReadOnlyList<SecretFinding>> find)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(find);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + (names ? "n" : "f");
        if (!used.TryGetValue(key, out var findings) && !entries.TryGetValue(key, out findings))
        {
            findings = find(text, names);
            Searched++;
        }

        used[key] = findings;
        return findings;
    }

    /// <summary>The text to store: the entries of the texts this run asked about, sorted by key.</summary>
    public string Write()
    {
        var sb = new StringBuilder(Header).Append('\t').Append(version).Append('\n');
        foreach (var (key, findings) in used.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sb.Append(key);
            foreach (var f in findings)
            {
                sb.Append('\t').Append(f.Kind).Append(' ')
                    .Append(f.Line.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(f.Column.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(f.Fingerprint);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static (string Key, IReadOnlyList<SecretFinding> Findings)? ParseEntry(string line)
    {
        var parts = line.Split('\t');
        if (parts[0].Length != 65)
        {
            return null;
        }

        var findings = new List<SecretFinding>();
        foreach (var part in parts.Skip(1))
        {
            var fields = part.Split(' ');
            if (fields.Length != 4
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lineNumber)
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
            {
                return null; // A damaged entry is searched again, never taken as "no findings".
            }

            findings.Add(new SecretFinding(fields[0], lineNumber, column, fields[3]));
        }

        return (parts[0], findings);
    }
}
