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
        if (JsonFormats.VersionCache.Parse(text).Root is not JsonObjectNode root
            || root.Get("headCommit") is not JsonStringNode head
            || root.Get("height") is not JsonNumberNode height || !height.TryGetInt32(out var heightValue)
            || root.Get("headCommitTime") is not JsonNumberNode time
            || !long.TryParse(time.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeValue))
        {
            return null;
        }

        string? Text(JsonValueNode? node, string name) => (node as JsonObjectNode)?.Get(name) is JsonStringNode s ? s.Value : null;
        var items = (string name) => (root.Get(name) as JsonArrayNode)?.Items ?? [];
        return new VersionFacts
        {
            HeadCommit = head.Value,
            HeadCommitTime = timeValue,
            Height = heightValue,
            HistoryIncomplete = root.Get("historyIncomplete") is JsonBooleanNode { Value: true },
            AbbreviatedCommit = (root.Get("abbreviatedCommit") as JsonStringNode)?.Value,
            CommittedFiles = [.. items("committedFiles").Select(i => new KeyValuePair<string, string>(Text(i, "path") ?? string.Empty, Text(i, "content") ?? string.Empty))],
            HeadTags = [.. items("headTags").OfType<JsonStringNode>().Select(s => s.Value)],
            ReachableTags = [.. items("reachableTags").Select(i => new GitTag(Text(i, "name") ?? string.Empty, Text(i, "commit") ?? string.Empty))],
        };
    }
}
