using System.Globalization;
using System.Text.Encodings.Web;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Baseline;

/// <summary>One accepted finding in the baseline.</summary>
/// <param name="Code">The rule code.</param>
/// <param name="File">Repo-relative file ('/'-separated), "" for a finding without a file.</param>
/// <param name="Message">The message when the entry was recorded (compared with digits and spacing normalised).</param>
/// <param name="Line">Where the entry is written in the baseline file (for STD3902), 0 for entries made in memory.</param>
/// <param name="Reason">Why the entry is there (e.g. the upgrade that recorded it); null when the file gives none.</param>
/// <param name="Expires">The last day the entry suppresses its finding; null: it never expires.</param>
public sealed record BaselineEntry(string Code, string File, string Message, int Line = 0, string? Reason = null, DateOnly? Expires = null)
{
    /// <summary>True when <paramref name="today"/> is after <see cref="Expires"/>: the entry no longer suppresses.</summary>
    public bool IsExpired(DateOnly today) => Expires is { } expires && today > expires;
}

/// <summary>
/// The adoption baseline, <c>standards-baseline.json</c> at the repo root: the repo findings that existed when
/// the repo adopted Standards.Sdk. Written only by <c>dotnet build -p:StandardsUpdateBaseline=true</c>, which
/// rewrites it with the current findings; read on every run of the repository checks.
/// <code>
/// {
///   "version": 1,
///   "findings": [
///     { "code": "STD3014", "file": "docs/adr/0002-use-postgres.md", "message": "docs/adr/0002-use-postgres.md lacks ..." },
///     { "code": "STD3001", "file": "CHANGELOG.md", "message": "...", "reason": "Standards.Sdk 1.4.0 -> 1.5.0", "expires": "2027-03-01" }
///   ]
/// }
/// </code>
/// An entry may carry a reason and an expiry date (<c>dotnet standards upgrade</c> records both): it suppresses its
/// finding through that day, and from the next day on it no longer does (STD3050). An entry without one never expires.
/// Entries carry no line numbers, so editing a file does not invalidate them; the message is matched with its
/// numbers blanked out, and an entry whose message changed still matches a finding of the same code and file.
/// </summary>
public sealed class BaselineFile
{
    /// <summary>The file name at the repo root.</summary>
    public const string DefaultFileName = "standards-baseline.json";

    /// <summary>The command that writes the file, as messages and docs print it.</summary>
    public const string UpdateCommand = "dotnet build -p:StandardsUpdateBaseline=true";

    /// <summary>The format version this SDK writes and reads.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonShape Top = new(DefaultFileName, VersionedJsonFile.VersionKey(CurrentVersion), new JsonKey("findings", JsonType.Array, Required: true));

    private static readonly JsonShape Entry = new(
        "a finding",
        new JsonKey("code", JsonType.Text, Required: true) { NotBlank = true },
        new JsonKey("file", JsonType.Text, Required: true) { Hint = "It is \"\" for a finding without a file." },
        new JsonKey("message", JsonType.Text, Required: true),
        new JsonKey("reason", JsonType.Text),
        new JsonKey("expires", JsonType.Text) { Hint = "Write " + DateFormat });

    private const string DateFormat = "the date as a string YYYY-MM-DD, e.g. \"2027-03-31\" (the last day the entry suppresses its finding).";

    /// <summary>Creates a baseline from entries.</summary>
    public BaselineFile(IReadOnlyList<BaselineEntry> entries) => Entries = entries;

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>An empty baseline.</summary>
    public static BaselineFile Empty { get; } = new([]);

    /// <summary>
    /// True for findings the baseline may hold: rule findings of the repo. Configuration errors (STD0xxx), the
    /// runner's own findings (STD39xx) and infos are never baselined: they must be fixed, or they do not fail.
    /// </summary>
    public static bool IsBaselinable(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Severity >= Severity.Warning
            && !finding.Code.StartsWith("STD0", StringComparison.Ordinal)
            && !finding.Code.StartsWith("STD39", StringComparison.Ordinal);
    }

    /// <summary>Reads a baseline; every problem is an STD3901 finding with the line, and valid entries still count.</summary>
    /// <param name="path">The path to report (repo-relative).</param>
    /// <param name="text">The file's text.</param>
    public static (BaselineFile Baseline, IReadOnlyList<Finding> Problems) Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<Finding>();
        void Report(string message, int line, int column) =>
            problems.Add(new(BaselineRuleIds.Malformed, Severity.Error, $"{path}: {message} Fix it, or regenerate the file with `{UpdateCommand}`.", path, line, column));

        if (VersionedJsonFile.ReadObject(JsonFormats.AdoptionBaseline, text, Report, value => $"the top level must be an object with \"version\" and \"findings\", not {value.Kind}.") is not { } root)
        {
            return (Empty, problems);
        }

        var top = Top.Read(root);
        VersionedJsonFile.ReportEach(top.Problems, Report);
        if (top.GetArray("findings") is not { } array)
        {
            return (Empty, problems);
        }

        var entries = new List<BaselineEntry>();
        foreach (var item in array.Items)
        {
            var entry = Entry.Read(item);
            VersionedJsonFile.ReportEach(entry.Problems, Report);
            if (entry.IsValid && Expiry(entry, Report, out var expires))
            {
                entries.Add(new BaselineEntry(entry.GetString("code")!.Trim(), entry.GetString("file")!.Replace('\\', '/'), entry.GetString("message")!, item.Line, entry.GetString("reason"), expires));
            }
        }

        return (new BaselineFile(entries), problems);
    }

    /// <summary>
    /// An entry's optional expiry date; false (with a problem) when it is present but not a date: a date that cannot
    /// be read must not leave an entry that never expires.
    /// </summary>
    private static bool Expiry(JsonRead entry, VersionedJsonFile.Report report, out DateOnly? expires)
    {
        expires = null;
        if (entry.Node("expires") is not JsonStringNode node)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            report($"\"expires\" is '{JsonText.Shown(node.Value)}'; write {DateFormat}", node.Line, node.Column);
            return false;
        }

        expires = date;
        return true;
    }

    /// <summary>
    /// The file's text for these findings (the baselinable ones), sorted so that regenerating an unchanged repo
    /// gives the same bytes. <paramref name="root"/> is removed from messages so no machine path is committed. A
    /// finding that an entry of <paramref name="previous"/> covers keeps that entry's reason and expiry date, so
    /// rewriting the file never turns an expiring entry into one that never expires.
    /// </summary>
    public static string Write(IEnumerable<Finding> findings, string root, BaselineFile? previous = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(root);
        var accepted = findings.Where(IsBaselinable).Select(f => f with { Message = Sanitize(f.Message, root) }).ToList();
        var kept = previous?.Entries ?? [];
        var pair = BaselineMatcher.Pair(accepted, kept);
        var entries = accepted
            .Select((f, i) => new BaselineEntry(f.Code, f.File ?? string.Empty, f.Message, 0, pair[i] < 0 ? null : kept[pair[i]].Reason, pair[i] < 0 ? null : kept[pair[i]].Expires))
            .OrderBy(e => e.Code, StringComparer.Ordinal)
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
        return VersionedJsonFile.Write(
            $"Standards.Sdk adoption baseline: findings accepted when the repo adopted the standards. They are reported as messages and do not fail the build; new findings do. Fix an entry and the build asks you to remove it. Regenerate with `{UpdateCommand}` (it rewrites this file with the current findings).",
            CurrentVersion,
            writer =>
            {
                writer.WriteStartArray("findings");
                foreach (var entry in entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", entry.Code);
                    writer.WriteString("file", entry.File);
                    writer.WriteString("message", entry.Message);
                    if (entry.Reason is not null)
                    {
                        writer.WriteString("reason", entry.Reason);
                    }

                    if (entry.Expires is { } expires)
                    {
                        writer.WriteString("expires", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            },
            JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>The message with the repo root removed (absolute paths become repo-relative).</summary>
    internal static string Sanitize(string message, string root)
    {
        if (root.Length == 0)
        {
            return message;
        }

        var withSlash = root.EndsWith('/') || root.EndsWith('\\') ? root : root + "/";
        return message.Replace(withSlash, string.Empty, StringComparison.Ordinal)
            .Replace(withSlash.Replace('/', '\\'), string.Empty, StringComparison.Ordinal)
            .Replace(root.TrimEnd('/', '\\'), ".", StringComparison.Ordinal);
    }
}
