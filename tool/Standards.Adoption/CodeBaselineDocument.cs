using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Standards.Sdk.Analyzers.Baseline;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>One code baseline entry (see <see cref="CodeBaselineFormat"/>).</summary>
public sealed record CodeEntry(string Id, string File, string Hash);

/// <summary>Writes and strictly reads <c>standards-code-baseline.json</c> (the suppressor's reading is lenient).</summary>
public static class CodeBaselineDocument
{
    /// <summary>The file name at the repo root.</summary>
    public const string FileName = CodeBaselineFormat.DefaultFileName;

    private static readonly string[] Fields = ["id", "file", "hash"];

    /// <summary>
    /// The entry for a diagnostic: its id, file and the hash of the line it starts on, or null when the
    /// suppressor cannot hold it (an id it does not declare, or a file that cannot be read).
    /// </summary>
    public static CodeEntry? EntryFor(BuildDiagnostic diagnostic, Func<string, string[]?> readLines)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(readLines);
        if (!CodeBaselineFormat.IsSuppressible(diagnostic.Code))
        {
            return null;
        }

        if (diagnostic.File.Length == 0)
        {
            return new CodeEntry(diagnostic.Code, string.Empty, string.Empty);
        }

        var lines = readLines(diagnostic.File);
        return lines is null || diagnostic.Line < 1 || diagnostic.Line > lines.Length
            ? null
            : new CodeEntry(diagnostic.Code, diagnostic.File, CodeBaselineFormat.HashLine(lines[diagnostic.Line - 1]));
    }

    /// <summary>The file's text: entries distinct and sorted, one per line, so regenerating gives the same bytes and diffs stay readable.</summary>
    public static string Write(IEnumerable<CodeEntry> entries)
    {
        var sorted = entries.Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Hash, StringComparer.Ordinal)
            .ToList();
        var builder = new StringBuilder();
        builder.Append("{\n  \"$comment\": ");
        builder.Append(Quote("Standards.Sdk code baseline: analyzer and compiler warnings accepted when the repo adopted the standards, suppressed at the line whose text has the hash. New findings fail the build. Regenerate with `dotnet standards adopt`, which drops fixed entries."));
        builder.Append(",\n  \"version\": 1,\n  \"diagnostics\": [");
        for (var i = 0; i < sorted.Count; i++)
        {
            var e = sorted[i];
            builder.Append(i == 0 ? "\n" : ",\n");
            builder.Append("    { \"id\": ").Append(Quote(e.Id)).Append(", \"file\": ").Append(Quote(e.File)).Append(", \"hash\": ").Append(Quote(e.Hash)).Append(" }");
        }

        builder.Append(sorted.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return builder.ToString();
    }

    /// <summary>Reads the file strictly (<see cref="JsonFormats.CodeBaseline"/>): any problem is STD7504 with the line.</summary>
    public static IReadOnlyList<CodeEntry> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = JsonFormats.CodeBaseline.Parse(text);
        if (!parsed.Succeeded)
        {
            throw Malformed($"not valid JSON ({parsed.Error})", parsed.ErrorLine);
        }

        if (parsed.Root is not JsonObjectNode root
            || root.Get("version") is not JsonNumberNode version || !version.TryGetInt32(out var number) || number != CodeBaselineFormat.CurrentVersion)
        {
            throw Malformed($"the top level must be an object with \"version\": {CodeBaselineFormat.CurrentVersion} and \"diagnostics\"", parsed.Root!.Line);
        }

        if (root.Get("diagnostics") is not JsonArrayNode diagnostics)
        {
            throw Malformed("\"diagnostics\" must be an array", root.Get("diagnostics")?.Line ?? root.Line);
        }

        var entries = new List<CodeEntry>();
        var index = 0;
        foreach (var item in diagnostics.Items)
        {
            index++;
            var fields = (item as JsonObjectNode)?.Properties ?? [];
            if (!fields.Select(p => p.Name).SequenceEqual(Fields, StringComparer.Ordinal) || fields.Any(p => p.Value is not JsonStringNode))
            {
                throw Malformed($"entry {index} must be {{ \"id\": \"...\", \"file\": \"...\", \"hash\": \"...\" }} (strings, in this order, as the tool writes them)", item.Line);
            }

            var entry = new CodeEntry(Text(fields[0]), Text(fields[1]), Text(fields[2]));
            if (!CodeBaselineFormat.IsSuppressible(entry.Id))
            {
                throw Malformed($"entry {index}: \"{entry.Id}\" is not an id the baseline can suppress (CA, IDE, CS warnings, STD1001-STD1099)", item.Line);
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static string Text(JsonPropertyNode field) => ((JsonStringNode)field.Value).Value;

    private static ToolException Malformed(string problem, int line) =>
        new(ToolRuleIds.BaselineMalformed, $"{FileName}: {problem}. Restore it from git, or delete it and run `dotnet standards adopt` to record the current findings again.", FileName, line);

    private static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
