using System.Globalization;
using System.Text.Json;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>Committed coverage of one project (or of the repo total) in percent.</summary>
/// <param name="Name">The project (assembly) name, or <see cref="CoverageBaseline.TotalKey"/>.</param>
/// <param name="Line">Line coverage.</param>
/// <param name="Branch">Branch coverage.</param>
/// <param name="FileLine">Where the entry is written (for findings), 0 for entries made in memory.</param>
public sealed record CoverageBaselineEntry(string Name, double Line, double Branch, int FileLine = 0);

/// <summary>
/// The coverage ratchet, <c>standards-coverage-baseline.json</c> at the repo root: per project the line and
/// branch coverage that may not drop (more than the tolerance). Written only by
/// <c>dotnet build -t:StandardsCoverage -p:StandardsUpdateCoverageBaseline=true</c>, which only raises numbers:
/// <code>
/// { "version": 1, "total": { "line": 84.2, "branch": 71.0 }, "projects": { "Acme.Orders": { "line": 84.2, "branch": 71.0 } } }
/// </code>
/// </summary>
public sealed class CoverageBaseline
{
    /// <summary>The default file name at the repo root.</summary>
    public const string DefaultFileName = "standards-coverage-baseline.json";

    /// <summary>The entry name of the repo total.</summary>
    public const string TotalKey = "(total)";

    /// <summary>The command that raises the ratchet.</summary>
    public const string UpdateCommand = "dotnet build -t:StandardsCoverage -p:StandardsUpdateCoverageBaseline=true";

    /// <summary>Creates a baseline.</summary>
    public CoverageBaseline(IReadOnlyList<CoverageBaselineEntry> entries) => Entries = entries;

    /// <summary>An empty baseline.</summary>
    public static CoverageBaseline Empty { get; } = new([]);

    /// <summary>The entries; the total, when present, has the name <see cref="TotalKey"/>.</summary>
    public IReadOnlyList<CoverageBaselineEntry> Entries { get; }

    /// <summary>The entry for a project (or the total), or null.</summary>
    public CoverageBaselineEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private static readonly JsonShape Top = new(
        DefaultFileName,
        VersionedJsonFile.VersionKey(1),
        new JsonKey("total", JsonType.KeyedObject) { Hint = EntryHint },
        new JsonKey("projects", JsonType.KeyedObject) { Hint = "It maps each project's name to { \"line\": <0-100>, \"branch\": <0-100> }." });

    private const string EntryHint = "Write it as { \"line\": <0-100>, \"branch\": <0-100> }.";

    /// <summary>Reads the file; every problem is an STD4006 finding with the line, valid entries still apply.</summary>
    public static (CoverageBaseline Baseline, IReadOnlyList<Finding> Problems) Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<Finding>();
        void Report(string message, int line, int column) =>
            problems.Add(new(CoverageRuleIds.BaselineMalformed, Severity.Error, $"{Path.GetFileName(path)}: {message} Fix it, or write it again with `{UpdateCommand}`.", path, line, column));

        if (VersionedJsonFile.ReadObject(JsonFormats.CoverageBaseline, text, Report, _ => "the top level must be an object with \"version\", \"total\" and \"projects\".") is not { } root)
        {
            return (Empty, problems);
        }

        var top = Top.Read(root);
        VersionedJsonFile.ReportEach(top.Problems, Report);
        var entries = new List<CoverageBaselineEntry>();
        if (top.Node("total") is { } total && Entry(TotalKey, "\"total\"", total, Report) is { } totalEntry)
        {
            entries.Add(totalEntry);
        }

        foreach (var project in top.GetObject("projects")?.Properties ?? [])
        {
            if (Entry(project.Name, $"the entry for '{project.Name}'", project.Value, Report) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return (new CoverageBaseline(entries), problems);
    }

    /// <summary>An entry; null (with its problems) when anything in it is wrong, an unknown key included.</summary>
    private static CoverageBaselineEntry? Entry(string name, string where, JsonValueNode node, VersionedJsonFile.Report report)
    {
        var percent = new JsonShape(
            where,
            new JsonKey("line", JsonType.Number, Required: true) { Minimum = 0, Maximum = 100, Hint = EntryHint },
            new JsonKey("branch", JsonType.Number, Required: true) { Minimum = 0, Maximum = 100, Hint = EntryHint });
        var read = percent.Read(node);
        VersionedJsonFile.ReportEach(read.Problems, report);
        return read.Problems.Count == 0 ? new CoverageBaselineEntry(name, read.GetNumber("line")!.Value, read.GetNumber("branch")!.Value, node.Line) : null;
    }

    /// <summary>The file's text (sorted, numbers with one decimal, no machine path).</summary>
    public static string Write(IEnumerable<CoverageBaselineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        return VersionedJsonFile.Write(
            $"Standards.Sdk coverage ratchet: line and branch coverage (percent) per project that may not drop by more than coverage.tolerance. Raise it with `{UpdateCommand}`.",
            1,
            writer =>
            {
                if (list.FirstOrDefault(e => e.Name == TotalKey) is { } total)
                {
                    writer.WritePropertyName("total");
                    WriteEntry(writer, total);
                }

                writer.WriteStartObject("projects");
                foreach (var entry in list.Where(e => e.Name != TotalKey).OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(entry.Name);
                    WriteEntry(writer, entry);
                }

                writer.WriteEndObject();
            });
    }

    private static void WriteEntry(Utf8JsonWriter writer, CoverageBaselineEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteNumber("line", Math.Round(entry.Line, 1));
        writer.WriteNumber("branch", Math.Round(entry.Branch, 1));
        writer.WriteEndObject();
    }

    /// <summary>Formats a percentage for messages.</summary>
    public static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
