using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// A small approval helper (Verify is not available here). The approved text of a snapshot is
/// tests/Standards.Templates.Tests/Snapshots/&lt;name&gt;.approved.txt; a mismatch writes &lt;name&gt;.received.txt next to
/// it and fails; with STANDARDS_APPROVE_SNAPSHOTS=1 the received text is written as the approved one instead.
/// Volatile values (the SDK version and feed of the run, today's date, GUIDs, temp paths) are normalised first.
/// The workflow for template authors is in templates/README.md.
/// </summary>
public static partial class Snapshot
{
    /// <summary>The environment variable that accepts received snapshots.</summary>
    public const string ApproveVariable = "STANDARDS_APPROVE_SNAPSHOTS";

    /// <summary>The folder of the snapshot files, in the source tree.</summary>
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "Standards.Templates.Tests", "Snapshots");

    /// <summary>Compares <paramref name="text"/> (normalised) with the approved snapshot <paramref name="name"/>.</summary>
    public static void Match(string name, string text, params string[] volatilePaths)
    {
        var received = Normalize(text, volatilePaths);
        var approvedPath = Path.Combine(Folder, name + ".approved.txt");
        var receivedPath = Path.Combine(Folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(Folder);
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(approvedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(
            $"Snapshot '{name}' differs from the approved one{FirstDifference(approved, received)}\n" +
            $"  approved: {approvedPath}{(approved is null ? " (missing)" : string.Empty)}\n" +
            $"  received: {receivedPath}\n" +
            $"Review the difference (e.g. diff -u the two files). If the change is intended, rename the received file to the approved one, " +
            $"or run the tests again with {ApproveVariable}=1, and commit the approved file.");
    }

    /// <summary>The snapshot text of a file tree and some key files: "=== tree" then "=== &lt;file&gt;" sections.</summary>
    public static string Of(GeneratedRepo repo, params string[] keyFiles)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var text = new StringBuilder();
        text.Append("=== tree\n");
        foreach (var file in repo.Files())
        {
            text.Append(file).Append('\n');
        }

        foreach (var file in keyFiles)
        {
            text.Append("\n=== ").Append(file).Append('\n');
            text.Append(repo.Exists(file) ? repo.Read(file).ReplaceLineEndings("\n") : "<missing>\n");
        }

        return text.ToString();
    }

    /// <summary>Replaces the values that change from run to run with stable placeholders.</summary>
    public static string Normalize(string text, params string[] volatilePaths)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sdk = PackedSdk.Instance;
        var result = text.ReplaceLineEndings("\n");
        foreach (var path in volatilePaths.Where(p => !string.IsNullOrEmpty(p)).OrderByDescending(p => p.Length))
        {
            // A generated repo names the run's feed by its path relative to the repo (--sdk-feed).
            result = result.Replace($"\"{Path.GetRelativePath(path, sdk.Feed)}\"", "\"<sdk-feed>\"", StringComparison.Ordinal)
                .Replace(path, "<path>", StringComparison.Ordinal);
        }

        result = result.Replace(sdk.Feed, "<sdk-feed>", StringComparison.Ordinal)
            .Replace(sdk.Version, "<sdk-version>", StringComparison.Ordinal);
        // The run's temp folder only as the folder of a path: a template's own "/tmp" (a container's mount path) is
        // content, and a run with another TMPDIR must see the same snapshot.
        var temp = Path.GetTempPath().TrimEnd('/', '\\');
        result = Regex.Replace(result, Regex.Escape(temp) + @"(?=[/\\])", "<temp>", RegexOptions.None, TimeSpan.FromSeconds(5));

        // The date generators of the templates write today's date (local or UTC, and a run may cross midnight).
        var now = DateTimeOffset.Now;
        foreach (var day in new[] { now, now.UtcDateTime, now.AddDays(-1), now.AddDays(1) })
        {
            result = result.Replace(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "<today>", StringComparison.Ordinal);
        }

        result = Guid().Replace(result, "<guid>");
        return result.EndsWith('\n') ? result : result + "\n";
    }

    private static string FirstDifference(string? approved, string received)
    {
        if (approved is null)
        {
            return " (there is no approved snapshot yet).";
        }

        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < r.Length ? r[i] : "<end of file>";
            if (left != right)
            {
                return $"; first difference at line {i + 1}:\n  approved: {left}\n  received: {right}";
            }
        }

        return ".";
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();
}
