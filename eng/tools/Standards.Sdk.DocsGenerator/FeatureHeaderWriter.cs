using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// The two lines that open each policy feature file of the SDK (sdk/features/*), after its description: the properties
/// of ours it reads that other files of the SDK set, and the properties it sets that other files read, as Arcade's
/// targets files open. They are computed from the files themselves (a property is set by an element of a
/// PropertyGroup, a task Output's PropertyName, or a "Name=" of an MSBuild task's Properties; read where "$(Name)"
/// appears), so they cannot drift from what the files do; GeneratedFilesTests fails when a committed header does.
/// </summary>
public static partial class FeatureHeaderWriter
{
    private const string ReadsLead = "    Reads (set in other files of the SDK): ";
    private const string SetsLead = "    Sets (read by other files of the SDK): ";
    private const string Continuation = "      ";
    private const int Width = 118;

    /// <summary>The feature files (repo-relative) with the text each must have.</summary>
    public static IReadOnlyList<(string Path, Func<string, string> Write)> Files(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return [.. FeatureFiles(root).Select(path => (path, (Func<string, string>)(r => Write(r, path))))];
    }

    /// <summary>The feature file's text with its header lines as the SDK's files give them.</summary>
    public static string Write(string root, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePath);
        var files = SdkFiles(root).ToDictionary(path => path, path => Read(root, path), StringComparer.Ordinal);
        var own = files[relativePath];
        var others = files.Where(f => f.Key != relativePath).Select(f => f.Value).ToList();
        var reads = own.Reads.Where(p => !own.Sets.Contains(p) && others.Any(o => o.Sets.Contains(p))).Order(StringComparer.Ordinal).ToList();
        var sets = own.Sets.Where(p => others.Any(o => o.Reads.Contains(p))).Order(StringComparer.Ordinal).ToList();
        return WithHeader(File.ReadAllText(Path.Combine(root, relativePath)).Replace("\r\n", "\n", StringComparison.Ordinal), reads, sets);
    }

    private static IEnumerable<string> FeatureFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "sdk", "features"))
            .Select(f => "sdk/features/" + Path.GetFileName(f))
            .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".proj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> SdkFiles(string root) =>
        FeatureFiles(root).Concat(Directory.EnumerateFiles(Path.Combine(root, "sdk", "Sdk")).Select(f => "sdk/Sdk/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));

    private static (HashSet<string> Reads, HashSet<string> Sets) Read(string root, string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(root, relativePath));
        var document = XDocument.Parse(text);
        var sets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.Descendants())
        {
            if (element.Parent?.Name.LocalName == "PropertyGroup")
            {
                sets.Add(element.Name.LocalName);
            }

            if (element.Name.LocalName == "Output" && element.Attribute("PropertyName") is { } output)
            {
                sets.Add(output.Value);
            }

            if (element.Name.LocalName == "MSBuild" && element.Attribute("Properties") is { } properties)
            {
                sets.UnionWith(PassedProperty().Matches(properties.Value).Select(m => m.Groups[1].Value));
            }
        }

        // The header lines themselves name properties; they are not reads.
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        StripHeader(lines);
        var body = string.Join('\n', lines);
        var reads = PropertyReference().Matches(body).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return (new HashSet<string>(reads.Where(IsOurs), StringComparer.Ordinal), new HashSet<string>(sets.Where(IsOurs), StringComparer.Ordinal));
    }

    private static bool IsOurs(string property) =>
        property.StartsWith("Standards", StringComparison.Ordinal) || property.StartsWith("_Standards", StringComparison.Ordinal);

    /// <summary>Replaces the header lines inside the file's first comment, or adds them before the comment's end.</summary>
    private static string WithHeader(string text, List<string> reads, List<string> sets)
    {
        var lines = text.Split('\n').ToList();
        var close = StripHeader(lines);
        if (close < 0)
        {
            throw new InvalidOperationException("A feature file opens with a comment of its own lines that describes it.");
        }

        var header = new List<string> { string.Empty };
        header.AddRange(Wrapped(ReadsLead, reads));
        header.AddRange(Wrapped(SetsLead, sets));
        lines.InsertRange(close, header);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Removes the header lines written before (they end the first comment: the blank line before them, each lead line
    /// and its continuations) and gives the line index of the comment's end (-1 when the file opens with no such comment).
    /// </summary>
    private static int StripHeader(List<string> lines)
    {
        var open = lines.FindIndex(line => line.TrimStart().StartsWith("<!--", StringComparison.Ordinal));
        var close = open < 0 ? -1 : lines.FindIndex(open, line => line.TrimEnd().EndsWith("-->", StringComparison.Ordinal));
        if (open < 0 || close <= open)
        {
            return -1;
        }

        var start = lines.FindIndex(open, close - open, line => line.StartsWith(ReadsLead.TrimEnd(), StringComparison.Ordinal));
        if (start >= 0)
        {
            var from = start > open + 1 && lines[start - 1].Trim().Length == 0 ? start - 1 : start;
            lines.RemoveRange(from, close - from);
            close = from;
        }

        return close;
    }

    private static IEnumerable<string> Wrapped(string lead, List<string> names)
    {
        var words = names.Count == 0 ? ["none."] : names.Select((n, i) => i == names.Count - 1 ? n + "." : n + ",").ToList();
        var line = new StringBuilder(lead.TrimEnd());
        foreach (var word in words)
        {
            if (line.Length + 1 + word.Length > Width && line.Length > Continuation.Length)
            {
                yield return line.ToString();
                line.Clear().Append(Continuation[..^1]);
            }

            line.Append(' ').Append(word);
        }

        yield return line.ToString();
    }

    [GeneratedRegex(@"\$\((_?Standards\w*)\)")]
    private static partial Regex PropertyReference();

    [GeneratedRegex(@"(?:^|;)\s*(_?Standards\w*)\s*=")]
    private static partial Regex PassedProperty();
}
