using System.Text;
using System.Text.Json;

namespace Standards.Sdk.Checks.Json;

/// <summary>The outcome of parsing: a tree, or the position and text of the first syntax error.</summary>
public sealed record JsonParseResult(JsonValueNode? Root, string? Error, int ErrorLine, int ErrorColumn)
{
    /// <summary>True when the text was valid JSON.</summary>
    public bool Succeeded => Root is not null;
}

/// <summary>What a format accepts beyond strict JSON.</summary>
/// <param name="AllowComments">Comments and trailing commas (as editors write them) are accepted.</param>
/// <param name="RejectDuplicateKeys">A key written twice in one object is a syntax error at the second one.</param>
public sealed record JsonParseOptions(bool AllowComments = true, bool RejectDuplicateKeys = true);

/// <summary>
/// Parses JSON into <see cref="JsonValueNode"/>s that carry 1-based line and column numbers. Every JSON format of
/// Standards.Sdk reads through it by way of its <see cref="JsonFormat"/> (<see cref="JsonFormats.All"/>): it never
/// throws on bad input. A UTF-8 BOM is skipped; a key written twice in one object is an error at the second one
/// (readers keep the last value, so the first would be ignored without a word); a lone UTF-16 surrogate, escaped or
/// in the text, is an error. Every failure of the reader becomes a <see cref="JsonParseResult"/> error with its line and column, not
/// only <see cref="JsonException"/>: <see cref="Utf8JsonReader.GetString"/> throws
/// <see cref="InvalidOperationException"/> for an escaped lone UTF-16 surrogate (<c>"\ud800"</c>), which would
/// otherwise escape as a crash. Each format turns the error into its own coded finding.
/// </summary>
public static class PositionedJsonParser
{
    private const int MaxDepth = 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a whole document, accepting comments and trailing commas, rejecting duplicate keys.</summary>
    public static JsonParseResult Parse(string text) => Parse(text, new JsonParseOptions());

    /// <summary>Parses a whole document as <paramref name="parseOptions"/> say.</summary>
    public static JsonParseResult Parse(string text, JsonParseOptions parseOptions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parseOptions);
        if (LoneSurrogate(text) is { } lone)
        {
            return new JsonParseResult(null, "The text holds a lone UTF-16 surrogate (half of a character); save the file as UTF-8.", lone.Line, lone.Column);
        }

        var bytes = StrictUtf8.GetBytes(text);
        var start = HasBom(bytes) ? 3 : 0;
        var lineStarts = ComputeLineStarts(bytes);
        var options = new JsonReaderOptions
        {
            CommentHandling = parseOptions.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            AllowTrailingCommas = parseOptions.AllowComments,
            MaxDepth = MaxDepth,
        };
        var reader = new Utf8JsonReader(bytes.AsSpan(start), options);
        try
        {
            if (!reader.Read())
            {
                return new JsonParseResult(null, "The file is empty; it must contain a JSON object.", 1, 1);
            }

            var at = new Positions(lineStarts, start, parseOptions.RejectDuplicateKeys);
            var root = ReadValue(ref reader, at);
            if (reader.Read())
            {
                var (line, column) = Position(lineStarts, start + (int)reader.TokenStartIndex);
                return new JsonParseResult(null, "Unexpected content after the end of the JSON value.", line, column);
            }

            return at.Duplicate is { } duplicate ? duplicate : new JsonParseResult(root, null, 0, 0);
        }
        catch (JsonException ex)
        {
            // LineNumber and BytePositionInLine are 0-based.
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return new JsonParseResult(null, FirstSentence(ex.Message), line, column);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or DecoderFallbackException)
        {
            // A token the tokenizer accepted but cannot be turned into text (an escaped lone surrogate, invalid
            // UTF-8 inside a string): reported at the token.
            var (line, column) = Position(lineStarts, start + (int)reader.TokenStartIndex);
            return new JsonParseResult(null, $"A string cannot be read: {FirstSentence(ex.Message)} (a \\uD800-\\uDFFF escape must be one half of a surrogate pair).", line, column);
        }
    }

    private static JsonValueNode ReadValue(ref Utf8JsonReader reader, Positions at)
    {
        var (line, column) = at.Of(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, at, line, column);
            case JsonTokenType.StartArray:
                var items = new List<JsonValueNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, at));
                }

                return new JsonArrayNode(line, column, items);
            case JsonTokenType.String:
                return new JsonStringNode(line, column, reader.GetString() ?? string.Empty);
            case JsonTokenType.Number:
                return new JsonNumberNode(line, column, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JsonBooleanNode(line, column, true);
            case JsonTokenType.False:
                return new JsonBooleanNode(line, column, false);
            default:
                return new JsonNullNode(line, column);
        }
    }

    private static JsonObjectNode ReadObject(ref Utf8JsonReader reader, Positions at, int line, int column)
    {
        var properties = new List<JsonPropertyNode>();
        var seen = at.RejectDuplicateKeys ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var (nameLine, nameColumn) = at.Of(reader.TokenStartIndex);
            var name = reader.GetString() ?? string.Empty;
            if (seen is not null && seen.TryGetValue(name, out var firstLine))
            {
                at.Duplicate ??= new JsonParseResult(
                    null,
                    $"\"{JsonText.Shown(name)}\" is written twice in the same object (first at line {firstLine}); a JSON reader keeps only the last value, so the first would be ignored without a word. Remove one of them.",
                    nameLine,
                    nameColumn);
            }
            else
            {
                seen?.Add(name, nameLine);
            }

            reader.Read();
            properties.Add(new JsonPropertyNode(name, nameLine, nameColumn, ReadValue(ref reader, at)));
        }

        return new JsonObjectNode(line, column, properties);
    }

    /// <summary>The first unpaired UTF-16 surrogate in <paramref name="text"/>, with its 1-based line and column.</summary>
    private static (int Line, int Column)? LoneSurrogate(string text)
    {
        var (line, lineStart) = (1, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                (line, lineStart) = (line + 1, i + 1);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return (line, i - lineStart + 1);
            }
        }

        return null;
    }

    private static bool HasBom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;

    private static int[] ComputeLineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static (int Line, int Column) Position(int[] lineStarts, int byteOffset)
    {
        var index = Array.BinarySearch(lineStarts, byteOffset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, byteOffset - lineStarts[index] + 1);
    }

    /// <summary>
    /// The reader's message without its position, escaped: System.Text.Json quotes the text of a bad literal or
    /// token as it is in the file, line breaks and control characters included.
    /// </summary>
    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 3 | BytePositionInLine: 4."; we report the position ourselves.
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return JsonText.Escaped(message.Trim(), 300);
    }

    /// <summary>Turns reader offsets into positions in the file (the BOM, when skipped, still counts).</summary>
    private sealed class Positions(int[] lineStarts, int offset, bool rejectDuplicateKeys)
    {
        public bool RejectDuplicateKeys { get; } = rejectDuplicateKeys;

        /// <summary>The first key written twice in one object, as the error to return; null while there is none.</summary>
        public JsonParseResult? Duplicate { get; set; }

        public (int Line, int Column) Of(long tokenStart) => Position(lineStarts, offset + (int)tokenStart);
    }
}
