using System.Text;
using System.Text.Json;

namespace Standards.Sdk.Checks.Json;

/// <summary>The outcome of parsing: a tree, or the position and text of the first syntax error.</summary>
public sealed record JsonParseResult(JsonValueNode? Root, string? Error, int ErrorLine, int ErrorColumn)
{
    /// <summary>True when the text was valid JSON.</summary>
    public bool Succeeded => Root is not null;
}

/// <summary>
/// Parses JSON (comments and trailing commas allowed, as editors write them) into <see cref="JsonValueNode"/>s
/// that carry 1-based line and column numbers. The one entry point every JSON format of Standards.Sdk reads
/// through (standards.json, lock files, global.json, the baseline, project.assets.json): it never throws on bad
/// input. Every failure of the reader becomes a <see cref="JsonParseResult"/> error with its line and column, not
/// only <see cref="JsonException"/>: <see cref="Utf8JsonReader.GetString"/> throws
/// <see cref="InvalidOperationException"/> for an escaped lone UTF-16 surrogate (<c>"\ud800"</c>), which would
/// otherwise escape as a crash. Each format turns the error into its own coded finding.
/// </summary>
public static class PositionedJsonParser
{
    private const int MaxDepth = 256;

    /// <summary>Parses a whole document.</summary>
    public static JsonParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = HasBom(bytes) ? 3 : 0;
        var lineStarts = ComputeLineStarts(bytes);
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        };
        var reader = new Utf8JsonReader(bytes.AsSpan(start), options);
        try
        {
            if (!reader.Read())
            {
                return new JsonParseResult(null, "The file is empty; it must contain a JSON object.", 1, 1);
            }

            var root = ReadValue(ref reader, lineStarts, start);
            if (reader.Read())
            {
                var (line, column) = Position(lineStarts, start + (int)reader.TokenStartIndex);
                return new JsonParseResult(null, "Unexpected content after the end of the JSON value.", line, column);
            }

            return new JsonParseResult(root, null, 0, 0);
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

    private static JsonValueNode ReadValue(ref Utf8JsonReader reader, int[] lineStarts, int offset)
    {
        var (line, column) = Position(lineStarts, offset + (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonPropertyNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nameLine, nameColumn) = Position(lineStarts, offset + (int)reader.TokenStartIndex);
                    var name = reader.GetString() ?? string.Empty;
                    reader.Read();
                    properties.Add(new JsonPropertyNode(name, nameLine, nameColumn, ReadValue(ref reader, lineStarts, offset)));
                }

                return new JsonObjectNode(line, column, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonValueNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lineStarts, offset));
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

        return message.Trim();
    }
}
