using System.Globalization;
using System.Text;
using CsCheck;

namespace Standards.Sdk.Checks.Tests.Properties;

/// <summary>
/// Generators of the hostile text a file in a repo can hold, for the property tests of every reader of repo input:
/// random JSON built from the reader's own keys (so the reader gets past the syntax and meets wrong types, duplicate
/// keys, huge and negative numbers, control characters, NUL, paths with <c>..</c>, absolute paths, <c>\\?\</c> and
/// device names), documents with a valid skeleton and hostile values in its slots, random bytes decoded as the
/// readers' callers decode a file (BOMs, invalid UTF-8), and documents nested 10,000 levels deep. Shared by the tool's
/// tests (linked into Standards.Tool.Tests).
/// </summary>
internal static class HostileJson
{
    /// <summary>Keys and values a reader must survive: control characters, NUL, paths that leave the repo, devices, bidi, surrogates.</summary>
    public static readonly string[] Strings =
    [
        "", " ", "\0", "a\0b", "\u0001\u001f\u007f", "\t\r\n", "\u0085\u2028\u2029", ".", "..", "../../etc/passwd",
        "..\\..\\Windows\\win.ini", "src/../../outside", "/etc/passwd", "/", "C:\\Windows\\System32", "C:", "c:relative",
        "\\\\?\\C:\\secret", "\\\\.\\PhysicalDrive0", "//server/share/x", "CON", "nul", "COM1", "LPT9.txt", "aux.Orders", "PRN.",
        "\u202e\u2066evil", "\ufeff", "\uffff\ufffe", "\ud800", "\udc00", "\ud83d\ude00", "%00", "${HOME}", "$(MSBuildProjectDirectory)",
        "@response.rsp", "--output=/tmp/x", "-o", "--force", "output", "debug:custom-hive", "std-", "std-service", "std-../x",
        "9999-99-99", "2026-02-30", "0000-01-01", "2026-1-1", "1.2.3", "1.2.3-", "latest", "STD1001", "std1001", "CS8602",
        "CA1502", "IDE0005", "STD0000", "STD9999", "error", "none", "default", "strict", "library", "true", "null", "0",
    ];

    /// <summary>Numbers valid in JSON but hostile to a reader: huge, tiny, negative, just past int, with exponents.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-0", "-1", "1", "2", "60", "1.5", "-0.0", "1e400", "-1e400", "1e-400", "2147483647", "2147483648", "-2147483648",
        "-2147483649", "9223372036854775808", "99999999999999999999999999999999999999999", "1E+2", "0.000001", "100.0000001", "101",
    ];

    /// <summary>Text that is not JSON where a value belongs: NaN and friends, raw control characters and NUL in strings.</summary>
    public static readonly string[] NotJson =
    [
        "NaN", "Infinity", "-Infinity", "+1", "01", ".5", "0x10", "1e", "--1", "undefined", "'single'", "\"raw\0nul\"",
        "\"raw\ttab\"", "\"unterminated", "\"\\x41\"", "\"\\u12\"", "{", "]", ",", ":", "//", "/*",
    ];

    /// <summary>A string value quoted as JSON; control characters, quotes and surrogates escaped (a lone surrogate stays an escape).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate(c) || c == 0x7f)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A leaf value: a hostile or random string, a hostile or random number, a literal, sometimes not JSON at all.</summary>
    public static Gen<string> Leaf { get; } = Gen.OneOf<string>(
        Gen.OneOf(Strings).Select(Quote),
        Gen.OneOf(Strings).Select(Quote),
        Gen.String.Select(Quote),
        Gen.OneOf(Numbers),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf("true", "false", "null"),
        Gen.OneOf(NotJson),
        Gen.Int[0, 20_000].Select(n => Quote(new string('x', n))));

    /// <summary>A key: one of the reader's own (most of the time, so the reader gets past it), hostile or random.</summary>
    public static Gen<string> Key(IReadOnlyList<string> keys) => Gen.OneOf<string>(
        Gen.OneOf(keys.ToArray()), Gen.OneOf(keys.ToArray()), Gen.OneOf(keys.ToArray()), Gen.OneOf(Strings), Gen.String);

    /// <summary>A JSON value up to <paramref name="depth"/> levels deep whose objects use <paramref name="keys"/> (duplicates included).</summary>
    public static Gen<string> Value(IReadOnlyList<string> keys, int depth) => depth == 0
        ? Leaf
        : Gen.OneOf<string>(Leaf, Leaf, Value(keys, depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"), Object(keys, depth - 1));

    /// <summary>A JSON object up to <paramref name="depth"/> levels deep.</summary>
    public static Gen<string> Object(IReadOnlyList<string> keys, int depth) =>
        Gen.Select(Key(keys), Value(keys, depth)).Array[0, 7]
            .Select(members => "{" + string.Join(",\n", members.Select(m => Quote(m.Item1) + ": " + m.Item2)) + "}");

    /// <summary>
    /// A whole file: a random object of <paramref name="keys"/> (mostly), any value, random bytes decoded as a file is,
    /// deep nesting, and each of them possibly with a BOM, cut short, or with a character changed.
    /// </summary>
    public static Gen<string> Document(IReadOnlyList<string> keys) =>
        Gen.OneOf<string>(Object(keys, 4), Object(keys, 4), Object(keys, 4), Value(keys, 3), Bytes, Nested)
            .SelectMany(text => Mutation(text));

    /// <summary>
    /// <paramref name="skeleton"/> with each <c>§</c> replaced by the valid value of its slot (from
    /// <paramref name="valid"/>, in order) most of the time, and by a hostile value otherwise; then possibly mutated.
    /// </summary>
    public static Gen<string> Skeleton(string skeleton, IReadOnlyList<string> keys, params string[] valid)
    {
        ArgumentNullException.ThrowIfNull(skeleton);
        ArgumentNullException.ThrowIfNull(valid);
        // One slot in four gets a hostile value; the others keep theirs, so the reader gets as far as that slot.
        var slots = Gen.Select(Gen.Int[0, 3].Array[valid.Length], Value(keys, 2).Array[valid.Length]);
        return slots.Select((choices, hostile) =>
        {
            var parts = skeleton.Split('§');
            var builder = new StringBuilder(parts[0]);
            for (var i = 1; i < parts.Length; i++)
            {
                builder.Append(choices[i - 1] == 0 ? hostile[i - 1] : valid[i - 1]).Append(parts[i]);
            }

            return builder.ToString();
        }).SelectMany(text => Gen.OneOf<string>(Gen.Const(text), Gen.Const(text), Mutation(text)));
    }

    /// <summary>Random bytes (sometimes behind a BOM) decoded as File.ReadAllText decodes a file: invalid UTF-8 becomes U+FFFD.</summary>
    public static Gen<string> Bytes { get; } = Gen.Select(Gen.OneOf<byte[]>(Gen.Const(Array.Empty<byte>()), Gen.Const(new byte[] { 0xEF, 0xBB, 0xBF }), Gen.Const(new byte[] { 0xFF, 0xFE }), Gen.Const(new byte[] { 0xFE, 0xFF })), Gen.Byte.Array[0, 300])
        .Select((bom, bytes) => Decode([.. bom, .. bytes]));

    /// <summary>Arrays and objects nested up to 10,000 levels deep, closed or not.</summary>
    public static Gen<string> Nested { get; } = Gen.Select(Gen.Int[1, 10_000], Gen.Bool, Gen.Bool)
        .Select((depth, objects, closed) => Nest(depth, objects, closed));

    /// <summary>Text nested <paramref name="depth"/> levels: <c>[[[...]]]</c> or <c>{"a":{"a":...}}</c>.</summary>
    public static string Nest(int depth, bool objects, bool closed)
    {
        var open = objects ? "{\"a\":" : "[";
        var builder = new StringBuilder(depth * open.Length * 2);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append(objects ? "1" : string.Empty);
        return closed ? builder.Append(objects ? '}' : ']', depth).ToString() : builder.ToString();
    }

    /// <summary>
    /// Fails when a message carries what a file holds as it is: a control character (a line break would start a forged
    /// log line or CI annotation), a bidirectional control, a line separator, a lone surrogate, or more than 2,000 characters.
    /// </summary>
    public static void AssertShown(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length > 2000)
        {
            Xunit.Assert.Fail($"a message of {message.Length} characters: {message[..200]}...");
        }

        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (char.IsHighSurrogate(c) && i + 1 < message.Length && char.IsLowSurrogate(message[i + 1]))
            {
                i++;
                continue;
            }

            var hidden = char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
            Xunit.Assert.False(hidden, $"U+{(int)c:X4} at {i} of the message: {message}");
        }
    }

    /// <summary>Decodes as File.ReadAllText does: a BOM picks the encoding (and is dropped), otherwise UTF-8 with replacement characters.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The text unchanged, behind one or two BOMs, cut at a random place, or with one character replaced.</summary>
    private static Gen<string> Mutation(string text) => Gen.Select(Gen.Int[0, 5], Gen.Int[0, Math.Max(0, text.Length)], Gen.Char)
        .Select((how, at, c) => how switch
        {
            1 => "\ufeff" + text,
            2 => "\ufeff\ufeff" + text,
            3 => text[..at],
            4 when text.Length > 0 => text[..Math.Min(at, text.Length - 1)] + c + text[(Math.Min(at, text.Length - 1) + 1)..],
            _ => text,
        });
}
