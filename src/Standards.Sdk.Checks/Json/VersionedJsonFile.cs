using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Standards.Sdk.Checks.Json;

/// <summary>
/// The envelope of the JSON files Standards.Sdk writes into a repo and reads back on later builds (the adoption
/// baseline, the coverage ratchet, the benchmark baseline): an object with a <c>$comment</c> that says what the file
/// is and how to regenerate it, a format <c>version</c>, and the content. Reading reports every problem through the
/// caller's finding (its rule, its fix hint) with the line and column, and never throws; writing gives the same
/// bytes for the same content ('\n' line ends, indented, a final newline).
/// </summary>
internal static class VersionedJsonFile
{
    /// <summary>Reports a problem of the file: the message, then its 1-based line and column.</summary>
    public delegate void Report(string message, int line, int column);

    /// <summary>
    /// The top-level object of <paramref name="text"/> read as <paramref name="format"/>, or null when the text is not JSON or not an object (both
    /// reported; <paramref name="notAnObject"/> words the second for the value found).
    /// </summary>
    public static JsonObjectNode? ReadObject(JsonFormat format, string text, Report problem, Func<JsonValueNode, string> notAnObject)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(notAnObject);
        var parsed = format.Parse(text);
        if (!parsed.Succeeded)
        {
            problem($"not valid JSON: {parsed.Error}", parsed.ErrorLine, parsed.ErrorColumn);
            return null;
        }

        if (parsed.Root is not JsonObjectNode root)
        {
            problem(notAnObject(parsed.Root!), parsed.Root!.Line, parsed.Root.Column);
            return null;
        }

        return root;
    }

    /// <summary>
    /// Reports a <c>version</c> that is not <paramref name="expected"/> at its place (the object's when absent);
    /// <paramref name="missing"/>, when given, words the case where there is none.
    /// </summary>
    public static void CheckVersion(JsonObjectNode root, int expected, Report problem, string? missing = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(problem);
        var version = root.Get("version");
        if (version is JsonNumberNode number && number.TryGetInt32(out var value) && value == expected)
        {
            return;
        }

        var where = version ?? root;
        problem(version is null && missing is not null ? missing : $"\"version\" must be {expected}, the format this SDK reads.", where.Line, where.Column);
    }

    /// <summary>The required <c>version</c> key for <see cref="JsonShape"/>: an integer that must be <paramref name="current"/>.</summary>
    public static JsonKey VersionKey(int current) => new("version", JsonType.WholeNumber, Required: true)
    {
        Minimum = current,
        Maximum = current,
        Hint = $"It is the file's format; this SDK reads version {current}.",
    };

    /// <summary>Reports each problem the typed reader found, with its line and column.</summary>
    public static void ReportEach(IEnumerable<JsonProblem> problems, Report report)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var problem in problems)
        {
            report(problem.Message, problem.Line, problem.Column);
        }
    }

    /// <summary>The file's text: <c>$comment</c>, <c>version</c>, then what <paramref name="writeContent"/> writes into the object.</summary>
    public static string Write(string comment, int version, Action<Utf8JsonWriter> writeContent, JavaScriptEncoder? encoder = null)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(writeContent);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("$comment", comment);
            writer.WriteNumber("version", version);
            writeContent(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
