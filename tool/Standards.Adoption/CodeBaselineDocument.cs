using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Standards.Adoption.Adopt;
using Standards.Sdk.Analyzers.Baseline;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// One code baseline entry (see <see cref="CodeBaselineFormat"/>). Two entries are equal when their id, file and
/// hash are: the reason and expiry date describe the entry, they do not make another one.
/// </summary>
public sealed record CodeEntry(string Id, string File, string Hash, string? Reason = null, DateOnly? Expires = null)
{
    /// <inheritdoc />
    public bool Equals(CodeEntry? other) => other is not null && (Id, File, Hash) == (other.Id, other.File, other.Hash);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, File, Hash);
}

/// <summary>Writes and strictly reads <c>standards-code-baseline.json</c> (the suppressor's reading is lenient).</summary>
public static class CodeBaselineDocument
{
    /// <summary>The file name at the repo root.</summary>
    public const string FileName = CodeBaselineFormat.DefaultFileName;

    private static readonly string[] Fields = ["id", "file", "hash"];
    private static readonly string[] Optional = ["reason", "expires"];

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
            builder.Append("    { \"id\": ").Append(Quote(e.Id)).Append(", \"file\": ").Append(Quote(e.File)).Append(", \"hash\": ").Append(Quote(e.Hash));
            if (e.Reason is not null)
            {
                builder.Append(", \"reason\": ").Append(Quote(e.Reason));
            }

            if (e.Expires is { } expires)
            {
                builder.Append(", \"expires\": ").Append(Quote(expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }

            builder.Append(" }");
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
            entries.Add(Entry(item, ++index));
        }

        return entries;
    }

    /// <summary>One entry of the file, strictly: the fields in the order the tool writes them, a suppressible id, a readable date.</summary>
    private static CodeEntry Entry(JsonValueNode item, int index)
    {
        var fields = (item as JsonObjectNode)?.Properties ?? [];
        var names = fields.Select(p => p.Name).ToList();
        if (names.Count < Fields.Length || !names.Take(Fields.Length).SequenceEqual(Fields, StringComparer.Ordinal)
            || !names.Skip(Fields.Length).SequenceEqual(Optional.Where(names.Contains), StringComparer.Ordinal) || fields.Any(p => p.Value is not JsonStringNode))
        {
            throw Malformed($"entry {index} must be {{ \"id\": \"...\", \"file\": \"...\", \"hash\": \"...\" }}, optionally followed by \"reason\" and \"expires\" (strings, in this order, as the tool writes them)", item.Line);
        }

        var entry = new CodeEntry(Text(fields[0]), Text(fields[1]), Text(fields[2]), Field(fields, "reason"), Expires(fields, index));
        return CodeBaselineFormat.IsSuppressible(entry.Id)
            ? entry
            : throw Malformed($"entry {index}: \"{JsonText.Shown(entry.Id)}\" is not an id the baseline can suppress (CA, IDE, CS warnings, STD1001-STD1099)", item.Line);
    }

    private static string Text(JsonPropertyNode field) => ((JsonStringNode)field.Value).Value;

    private static string? Field(IReadOnlyList<JsonPropertyNode> fields, string name) => fields.FirstOrDefault(p => p.Name == name) is { } field ? Text(field) : null;

    /// <summary>The entry's expiry date; STD7504 at its line when it is not a yyyy-MM-dd date.</summary>
    private static DateOnly? Expires(IReadOnlyList<JsonPropertyNode> fields, int index)
    {
        if (fields.FirstOrDefault(p => p.Name == "expires") is not { } field)
        {
            return null;
        }

        return DateOnly.TryParseExact(Text(field), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw Malformed($"entry {index}: \"expires\" is '{JsonText.Shown(Text(field))}'; write the date as YYYY-MM-DD, e.g. \"2027-03-31\" (the last day the entry suppresses its finding)", field.Value.Line);
    }

    private static ToolException Malformed(string problem, int line) =>
        new(ToolRuleIds.BaselineMalformed, $"{FileName}: {problem}. Restore it from git, or delete it and run `dotnet standards adopt` to record the current findings again.", FileName, line);

    private static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
