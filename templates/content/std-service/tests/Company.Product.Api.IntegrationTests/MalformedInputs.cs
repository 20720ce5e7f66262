using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using CompanyProduct.Items;

namespace CompanyProduct.Api.IntegrationTests;

/// <summary>
/// Generates what a careless or hostile client sends: malformed cursors (random bytes, padding, truncation, the
/// wrong base64 alphabet, control characters), text with control characters or unpaired surrogates, over-long text
/// and wrong JSON types. Each case is a request the API must answer with a 400 problem, never touching the store.
/// </summary>
internal static class MalformedInputs
{
    /// <summary>A request to send and what it is, for the failure message.</summary>
    /// <param name="What">The case.</param>
    /// <param name="Method">GET (a query) or POST (a body).</param>
    /// <param name="Target">The path and query.</param>
    /// <param name="Json">The POST body, raw JSON.</param>
    public sealed record Case(string What, HttpMethod Method, string Target, string? Json = null);

    /// <summary>Every case; the random ones from <paramref name="seed"/> (in the failure message, to reproduce them).</summary>
    /// <param name="seed">A random seed for the generated cases.</param>
    /// <returns>The cases.</returns>
    public static IReadOnlyList<Case> All(int seed) =>
        [.. Cursors(new Random(seed)), .. Limits(), .. Texts(), .. WrongTypes()];

    /// <summary>Malformed cursors: none is in the one form the service issues.</summary>
    /// <param name="random">The source of the random cases.</param>
    /// <returns>The cases.</returns>
    public static IEnumerable<Case> Cursors(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        string valid = new ItemCursor(DateTimeOffset.UnixEpoch.AddDays(20_000), Guid.CreateVersion7()).Encode();
        var cursors = new List<(string What, string Value)>
        {
            ("padded with =", valid + "="),
            ("padded with ==", valid + "=="),
            ("padding inside", valid[..10] + "=" + valid[11..]),
            ("one character longer", valid + "A"),
            ("leading space", " " + valid),
            ("trailing newline", valid + "\n"),
            ("NUL inside", valid[..5] + "\0" + valid[6..]),
            ("NUL appended", valid + "\0"),
            ("standard base64 of the same bytes", Convert.ToBase64String(Base64Url.DecodeFromChars(valid))),
            ("fullwidth letter", valid[..3] + "\uFF21" + valid[4..]),
        };
        cursors.AddRange(Enumerable.Range(1, valid.Length - 1).Select(n => ($"truncated to {n}", valid[..n])));
        foreach (char wrong in "+/.~!*%$ ")
        {
            int at = random.Next(valid.Length);
            cursors.Add(($"'{wrong}' at {at}", valid[..at] + wrong + valid[(at + 1)..]));
        }

        for (int i = 0; i < 20; i++)
        {
            // Random bytes of any length but the cursor's, as Latin-1 characters (controls included).
            int length = random.Next(1, 80);
            length = length == valid.Length ? length + 1 : length;
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            cursors.Add(($"random bytes #{i}", Encoding.Latin1.GetString(bytes)));

            // Random bytes in the right alphabet and length, but not a version this service writes.
            byte[] body = new byte[25];
            random.NextBytes(body);
            body[0] = (byte)random.Next(2, 256);
            cursors.Add(($"random cursor-shaped #{i}", Base64Url.EncodeToString(body)));
        }

        return cursors.Select(c => new Case("cursor " + c.What, HttpMethod.Get, "/api/v1/items?cursor=" + Uri.EscapeDataString(c.Value)));
    }

    /// <summary>Page sizes that are not an integer in range.</summary>
    /// <returns>The cases.</returns>
    public static IEnumerable<Case> Limits() =>
        new[] { "abc", "1.5", "-1", "0", "101", "99999999999", "1e3", "%00", "0x10" }
            .Select(l => new Case("limit " + l, HttpMethod.Get, "/api/v1/items?limit=" + l));

    /// <summary>Names and descriptions with control characters, unpaired surrogates or over the length limits.</summary>
    /// <returns>The cases.</returns>
    public static IEnumerable<Case> Texts()
    {
        IEnumerable<int> controls = Enumerable.Range(0, 0x20).Concat([0x7F]).Concat(Enumerable.Range(0x80, 0x20));
        foreach (int control in controls)
        {
            string escaped = "\\u" + control.ToString("X4", CultureInfo.InvariantCulture);
            yield return Create($"name with U+{control:X4}", $$"""{"name":"a{{escaped}}b"}""");
            if (control is not (9 or 10 or 13))
            {
                yield return Create($"description with U+{control:X4}", $$"""{"name":"ok","description":"a{{escaped}}b"}""");
            }
        }

        foreach (string surrogate in new[] { "\\uD800", "\\uDFFF", "\\uDC00\\uD800", "x\\uD83D" })
        {
            yield return Create($"name with unpaired surrogate {surrogate}", $$"""{"name":"{{surrogate}}"}""");
            yield return Create($"description with unpaired surrogate {surrogate}", $$"""{"name":"ok","description":"{{surrogate}}"}""");
        }

        yield return Create("name of 101 characters", $$"""{"name":"{{new string('n', ItemRules.NameMaxLength + 1)}}"}""");
        yield return Create("name of 51 emoji (102 UTF-16 units)", $$"""{"name":"{{string.Concat(Enumerable.Repeat("\\uD83D\\uDE00", 51))}}"}""");
        yield return Create("name of 5000 characters", $$"""{"name":"{{new string('n', 5000)}}"}""");
        yield return Create("description of 1001 characters", $$"""{"name":"ok","description":"{{new string('d', ItemRules.DescriptionMaxLength + 1)}}"}""");
    }

    /// <summary>Bodies whose JSON types are not the contract's.</summary>
    /// <returns>The cases.</returns>
    public static IEnumerable<Case> WrongTypes() =>
        new[]
        {
            """{"name":5}""", """{"name":true}""", """{"name":["a"]}""", """{"name":{"a":1}}""", """{"name":1e400}""",
            """{"name":"ok","description":5}""", """{"name":"ok","description":["a"]}""", """{"name":"ok","description":{}}""",
            "[]", "\"name\"", "42", "null", "true", """{"name":"ok",}""", """{"name":"a\u0000""",
        }.Select(json => Create("body " + json, json));

    /// <summary>Sends a case and returns the response.</summary>
    /// <param name="client">The client.</param>
    /// <param name="input">The case.</param>
    /// <returns>The response.</returns>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Case input)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        using var request = new HttpRequestMessage(input.Method, new Uri(input.Target, UriKind.Relative));
        if (input.Json is not null)
        {
            request.Content = new StringContent(input.Json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>Sends every case and returns the ones not answered with a 400 problem, with what they got.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cases">The cases.</param>
    /// <returns>One line per case that was not rejected.</returns>
    public static async Task<IReadOnlyList<string>> NotRejectedAsync(HttpClient client, IEnumerable<Case> cases)
    {
        var failures = new List<string>();
        foreach (Case input in cases)
        {
            using HttpResponseMessage response = await SendAsync(client, input);
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode != HttpStatusCode.BadRequest || mediaType != "application/problem+json")
            {
                failures.Add($"{input.What}: {(int)response.StatusCode} {mediaType} {await response.Content.ReadAsStringAsync()}");
            }
        }

        return failures;
    }

    private static Case Create(string what, string json) => new(what, HttpMethod.Post, "/api/v1/items", json);
}
