using System.Globalization;
using System.Text;
using System.Text.Json;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>A tag reachable from HEAD, with the commit it points at.</summary>
/// <param name="Name">The full ref name (<c>refs/tags/v1.2.3</c>).</param>
/// <param name="Commit">The commit (annotated tags peeled).</param>
public sealed record GitTag(string Name, string Commit);

/// <summary>
/// What the git history says about a version.json folder at one commit: the height and the few facts the
/// checks need. Computed with the git CLI once per commit (<see cref="GitHistoryReader"/>) and cached on disk
/// and in memory by <see cref="VersionFactsCache"/>, so a no-op build never starts git.
/// </summary>
public sealed record VersionFacts
{
    /// <summary>The commit HEAD points at.</summary>
    public required string HeadCommit { get; init; }

    /// <summary>The committer date of HEAD (Unix seconds): the SBOM timestamp when SOURCE_DATE_EPOCH is not set.</summary>
    public long HeadCommitTime { get; init; }

    /// <summary>The version.json files (repo paths) and their committed content at HEAD, nearest first.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CommittedFiles { get; init; } = [];

    /// <summary>The git height of the committed version at HEAD (0 when version.json is not committed).</summary>
    public int Height { get; init; }

    /// <summary>True when the count reached the boundary of a shallow clone: the real height may be larger.</summary>
    public bool HistoryIncomplete { get; init; }

    /// <summary>The tags on HEAD.</summary>
    public IReadOnlyList<string> HeadTags { get; init; } = [];

    /// <summary>Every tag reachable from HEAD.</summary>
    public IReadOnlyList<GitTag> ReachableTags { get; init; } = [];

    /// <summary>git's shortest unique abbreviation of HEAD when version.json asks for one (gitCommitIdShortAutoMinimum).</summary>
    public string? AbbreviatedCommit { get; init; }

    /// <summary>Serialises for the cache file.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("headCommit", HeadCommit);
            writer.WriteNumber("headCommitTime", HeadCommitTime);
            writer.WriteNumber("height", Height);
            writer.WriteBoolean("historyIncomplete", HistoryIncomplete);
            if (AbbreviatedCommit is not null)
            {
                writer.WriteString("abbreviatedCommit", AbbreviatedCommit);
            }

            writer.WriteStartArray("committedFiles");
            foreach (var (path, content) in CommittedFiles)
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                writer.WriteString("content", content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("headTags");
            foreach (var tag in HeadTags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("reachableTags");
            foreach (var tag in ReachableTags)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tag.Name);
                writer.WriteString("commit", tag.Commit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads a cache file; null when it is not one (a damaged cache is recomputed, never trusted).</summary>
    public static VersionFacts? FromJson(string text)
    {
        if (JsonFormats.VersionCache.Parse(text).Root is not JsonObjectNode root || !TryReadHead(root, out var head, out var time, out var height))
        {
            return null;
        }

        return new VersionFacts
        {
            HeadCommit = head,
            HeadCommitTime = time,
            Height = height,
            HistoryIncomplete = root.Get("historyIncomplete") is JsonBooleanNode { Value: true },
            AbbreviatedCommit = (root.Get("abbreviatedCommit") as JsonStringNode)?.Value,
            CommittedFiles = [.. Items(root, "committedFiles").Select(i => new KeyValuePair<string, string>(Text(i, "path"), Text(i, "content")))],
            HeadTags = [.. Items(root, "headTags").OfType<JsonStringNode>().Select(s => s.Value)],
            ReachableTags = [.. Items(root, "reachableTags").Select(i => new GitTag(Text(i, "name"), Text(i, "commit")))],
        };
    }

    /// <summary>The required fields: the head commit, its time and the height; false when one is missing or not of its type.</summary>
    private static bool TryReadHead(JsonObjectNode root, out string head, out long time, out int height)
    {
        head = (root.Get("headCommit") as JsonStringNode)?.Value ?? string.Empty;
        time = 0;
        height = 0;
        return root.Get("headCommit") is JsonStringNode
            && root.Get("height") is JsonNumberNode heightNode && heightNode.TryGetInt32(out height)
            && root.Get("headCommitTime") is JsonNumberNode timeNode
            && long.TryParse(timeNode.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out time);
    }

    /// <summary>A string member of an array item; empty when the item is not an object or the member not a string.</summary>
    private static string Text(JsonValueNode? node, string name) => (node as JsonObjectNode)?.Get(name) is JsonStringNode s ? s.Value : string.Empty;

    /// <summary>The items of an array member; none when it is missing or not an array.</summary>
    private static IReadOnlyList<JsonValueNode> Items(JsonObjectNode root, string name) => (root.Get(name) as JsonArrayNode)?.Items ?? [];
}
