#if STANDARDS_ANALYZERS
// The tool, which compiles this file too, has them as implicit usings; the analyzers have none.
using System;
using System.Collections.Generic;
#endif
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Analyzers.Baseline;

/// <summary>One accepted code diagnostic: the rule, the repo-relative file and the hash of the line's text.</summary>
internal sealed class CodeBaselineEntry
{
    public CodeBaselineEntry(string id, string file, string hash, string? expires = null)
    {
        Id = id;
        File = file;
        Hash = hash;
        Expires = expires;
    }

    /// <summary>The diagnostic id (CA1822, IDE0060, CS8618, STD1001...).</summary>
    public string Id { get; }

    /// <summary>Repo-relative, '/'-separated; "" for a diagnostic without a source location.</summary>
    public string File { get; }

    /// <summary>The <see cref="CodeBaselineFormat.HashLine"/> of the diagnostic's first line; "" without a location.</summary>
    public string Hash { get; }

    /// <summary>The last day the entry suppresses (yyyy-MM-dd), as written; null: it never expires.</summary>
    public string? Expires { get; }

    /// <summary>
    /// True when <paramref name="today"/> is after <see cref="Expires"/>. A date that cannot be read counts as
    /// expired: the entry then suppresses nothing, and the tool's strict reading names the line (STD7504).
    /// </summary>
    public bool IsExpired(DateTime today) =>
        Expires is not null
        && (!DateTime.TryParseExact(Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) || today.Date > last);
}

/// <summary>
/// The code baseline, <c>standards-code-baseline.json</c> at the repo root: analyzer and compiler warnings that
/// existed when the repo adopted Standards.Sdk, written by <c>dotnet standards adopt</c> and applied by
/// <c>CodeBaselineSuppressor</c>. Shared, as source, by the suppressor (netstandard2.0) and the tool, so
/// the hash the tool records is the hash the compiler checks.
/// <code>
/// { "version": 1, "diagnostics": [ { "id": "CA1822", "file": "src/Acme/Orders.cs", "hash": "9f0c2e51a7d3b846" } ] }
/// </code>
/// An entry may end with <c>"reason"</c> and <c>"expires"</c> (yyyy-MM-dd; <c>dotnet standards upgrade</c> writes
/// both): it suppresses through that day and not after. Entries without them never expire.
/// An entry holds no line number: it matches a diagnostic of that id in that file on any line with the same text
/// (trimmed, whitespace runs collapsed), so edits elsewhere in the file do not invalidate it.
/// </summary>
internal static class CodeBaselineFormat
{
    /// <summary>The file name at the repo root.</summary>
    public const string DefaultFileName = "standards-code-baseline.json";

    /// <summary>The format version written and read.</summary>
    public const int CurrentVersion = 1;

    // One entry per object, fields in the order the tool writes them. The tool validates the file strictly
    // (STD7504); the compiler side only needs to find the entries. An entry it cannot read suppresses nothing,
    // so a damaged file makes the build fail loudly rather than pass.
    private static readonly Regex EntryPattern = new(
        "\\{\\s*\"id\"\\s*:\\s*\"(?<id>[A-Za-z0-9_]+)\"\\s*,\\s*\"file\"\\s*:\\s*\"(?<file>(?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"hash\"\\s*:\\s*\"(?<hash>[0-9a-f]*)\""
        + "(?:\\s*,\\s*\"reason\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\")?(?:\\s*,\\s*\"expires\"\\s*:\\s*\"(?<expires>[^\"]*)\")?\\s*\\}",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(5));

    /// <summary>
    /// The hash of a source line: FNV-1a (64 bit) over the UTF-16 code units of the line with leading and
    /// trailing whitespace removed and every inner run of whitespace collapsed to one space; 16 hex digits.
    /// </summary>
    public static string HashLine(string lineText)
    {
        if (lineText is null)
        {
            throw new ArgumentNullException(nameof(lineText));
        }

        const ulong offsetBasis = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offsetBasis;
        var pendingSpace = false;
        var started = false;
        foreach (var c in lineText)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = started;
                continue;
            }

            if (pendingSpace)
            {
                hash = unchecked((hash ^ ' ') * prime);
                pendingSpace = false;
            }

            hash = unchecked((hash ^ c) * prime);
            started = true;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// True for the diagnostic ids a baseline entry can hold, which are the ids the suppressor declares: a
    /// <c>DiagnosticSuppressor</c> must name every id it may suppress
    /// up front. CA (code analysis, the security rules CA3xxx and CA5xxx included), IDE (code style), every CS id
    /// (nullable and the rest: CS4014 too, a warning the policy makes an error), RS0030 (banned APIs) and
    /// STD1001-STD1099: every diagnostic the policy turns on. Declaring a compiler error's id suppresses nothing:
    /// the compiler hands a suppressor only warnings (also those raised to errors), never its own errors.
    /// </summary>
    public static bool IsSuppressible(string id) => SuppressibleIds.Contains(id);

    /// <summary>Every id of <see cref="IsSuppressible"/>, in order.</summary>
    public static IReadOnlyList<string> AllSuppressibleIds { get; } = BuildIds();

    private static readonly HashSet<string> SuppressibleIds = new(AllSuppressibleIds, StringComparer.Ordinal);

    private static List<string> BuildIds()
    {
        var ids = new List<string>();
        void Range(string prefix, int from, int to)
        {
            for (var n = from; n <= to; n++)
            {
                ids.Add(prefix + n.ToString("D4", CultureInfo.InvariantCulture));
            }
        }

        Range("CA", 1000, 3999);
        Range("CA", 5000, 5999);
        Range("IDE", 0, 399);
        Range("IDE", 1000, 1099);
        Range("IDE", 2000, 2099);
        Range("IDE", 3000, 3099);
        Range("CS", 0, 9999);
        Range("STD", 1001, 1099);
        ids.Add("RS0030");
        return ids;
    }

    /// <summary>The entries of a code baseline's text (entries it cannot read are skipped; see the class remarks).</summary>
    public static IReadOnlyList<CodeBaselineEntry> ReadEntries(string text)
    {
        var entries = new List<CodeBaselineEntry>();
        foreach (Match match in EntryPattern.Matches(text ?? string.Empty))
        {
            var expires = match.Groups["expires"];
            entries.Add(new CodeBaselineEntry(match.Groups["id"].Value, Unescape(match.Groups["file"].Value), match.Groups["hash"].Value, expires.Success ? expires.Value : null));
        }

        return entries;
    }

    /// <summary>The path of <paramref name="filePath"/> relative to <paramref name="root"/>, '/'-separated; null when outside it.</summary>
    public static string? RelativePath(string root, string filePath)
    {
        var normalizedRoot = (root ?? string.Empty).Replace('\\', '/');
        if (normalizedRoot.Length == 0)
        {
            return null;
        }

        if (!normalizedRoot.EndsWith("/", StringComparison.Ordinal))
        {
            normalizedRoot += "/";
        }

        var normalizedFile = WithoutDotSegments((filePath ?? string.Empty).Replace('\\', '/'));
        return normalizedFile.StartsWith(normalizedRoot, StringComparison.Ordinal)
            ? normalizedFile.Substring(normalizedRoot.Length)
            : null;
    }

    /// <summary>
    /// A '/'-separated path with its "." and ".." segments resolved: the compiler gets a linked file
    /// (<c>&lt;Compile Include="../Other/File.cs" Link="..." /&gt;</c>) as the project folder joined with "../Other/File.cs",
    /// while the baseline holds the file once, by its place in the repo.
    /// </summary>
    internal static string WithoutDotSegments(string path)
    {
        if (path.IndexOf("/.", StringComparison.Ordinal) < 0)
        {
            return path;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] is not (".." or ""))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join("/", segments);
    }

    private static string Unescape(string value)
    {
        if (value.IndexOf('\\') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\\' || i + 1 >= value.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = value[++i];
            if (next == 'u' && i + 4 < value.Length
                && int.TryParse(value.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => next });
            }
        }

        return builder.ToString();
    }
}
