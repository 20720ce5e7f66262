namespace Standards.Sdk.Checks.Json;

/// <summary>
/// The one wording for a key an object of a JSON file does not know, with the nearest known key as a suggestion:
/// <c>Unknown setting 'maxLine' in 'rules.STD1001'. Did you mean 'maxLines'? Known settings: maxLines.</c>
/// The edit distance is hand-written: the checks take no dependency beyond System.Text.Json (MSBuild's process).
/// </summary>
public static class UnknownKeys
{
    /// <summary>Each property of <paramref name="obj"/> not in <paramref name="known"/> ($schema and $comment are always known), with its message.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="where">Where the object is, for the message ("standards.json", "'coverage'").</param>
    /// <param name="known">The keys the object accepts.</param>
    public static IEnumerable<(JsonPropertyNode Property, string Message)> Find(JsonObjectNode obj, string where, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(known);
        return obj.Properties
            .Where(p => p.Name is not ("$schema" or "$comment") && !known.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => (p, Message(p.Name, where, known)));
    }

    /// <summary>The message for <paramref name="key"/>.</summary>
    public static string Message(string key, string where, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var listed = known.Where(k => k is not ("$schema" or "$comment")).ToList();
        var suggestion = Nearest(key, listed) is { } nearest ? $" Did you mean '{nearest}'?" : string.Empty;
        return $"Unknown setting '{JsonText.Shown(key)}' in {where}.{suggestion} Known settings: {string.Join(", ", listed)}.";
    }

    /// <summary>The known key closest to <paramref name="key"/> (ignoring case), when it is close enough to be a typo.</summary>
    public static string? Nearest(string key, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(known);
        var limit = Math.Max(2, key.Length / 3);
        var upper = key.ToUpperInvariant();

        // The distance is at least the difference in length: a key that much longer or shorter is no typo of it, and
        // is not compared (a key of megabytes would otherwise cost its length times each known key's).
        return known
            .Where(k => Math.Abs(k.Length - key.Length) <= limit)
            .Select(k => (Key: k, Distance: Distance(upper, k.ToUpperInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance (insert, delete, substitute), two rows; also the tool's typo suggestions.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
