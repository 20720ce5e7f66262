using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Baseline;

namespace Standards.Adoption.Adopt;

/// <summary>One diagnostic from a build's console output, with its file relative to the repo ("" without one).</summary>
public sealed record BuildDiagnostic(string Code, bool IsError, string File, int Line, int Column, string Message)
{
    /// <summary>The project that reported it (repo-relative when under the root), "" when the line names none.</summary>
    public string Project { get; init; } = string.Empty;

    /// <summary>
    /// True when it is reported in a C# source file of the repo (a repo-relative path), which a file-scoped exception
    /// can name; false for a linked file outside the repo, or no file.
    /// </summary>
    public bool InRepoSource =>
        File.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !Path.IsPathRooted(File) && !File.StartsWith("../", StringComparison.Ordinal);

    /// <summary>
    /// What makes two diagnostics one finding: the code at a file, line and column (the message can differ between
    /// target frameworks); without a line, the message too. A finding a project's build judges against the baseline
    /// (<see cref="ProjectFindingsBaseline"/>: a package licence, package metadata) is told apart by its message
    /// always: every transitive package a PackageReference brings in is reported at that one line, each with its own
    /// message, and each is its own baseline entry.
    /// </summary>
    public (string Code, string File, int Line, int Column, string Message) Identity =>
        (Code, File, Line, Column, Line > 0 && !ProjectFindingsBaseline.IsJudgedByProjects(Code) ? string.Empty : Message);
}

/// <summary>
/// Reads the diagnostics of a <c>dotnet build</c>'s console output, MSBuild's canonical format
/// (https://learn.microsoft.com/visualstudio/msbuild/msbuild-diagnostic-format-for-tasks):
/// <c>origin(line,col): warning CODE: message [project::TargetFramework=x]</c>. The same finding of a file compiled
/// for several target frameworks (or printed again in the closing summary) is kept once: a code at a file, line and
/// column is one finding even when its message differs between target frameworks (a signature in it is printed
/// with nullable annotations for net8.0 and without for netstandard2.0); findings without a line are told apart by
/// their message too, and so are the package findings each project's build judges against the baseline.
/// </summary>
public static partial class BuildOutput
{
    [GeneratedRegex("^\\s*(?:(?<origin>.*?)(?:\\((?<line>\\d+)(?:,(?<col>\\d+))?(?:,\\d+,\\d+)?\\))?\\s*:\\s+)?(?<sev>warning|error)\\s+(?<code>[A-Za-z]+[0-9]+)\\s*:\\s*(?<message>.*?)(?:\\s+\\[(?<project>[^\\]]+)\\])?\\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CanonicalLine();

    [GeneratedRegex("\\s+See https?://\\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingHelpLink();

    /// <summary>The distinct diagnostics of the output, in first-seen order.</summary>
    /// <param name="output">The console output.</param>
    /// <param name="root">The folder the build ran in; paths under it become repo-relative.</param>
    /// <param name="byMessage">
    /// Tell diagnostics at one place apart by their message too: the coverage gates of one step (a run's, each
    /// project's, the merge's) all point at the least covered file, each with its own number.
    /// </param>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output, string root, bool byMessage = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seen = new HashSet<(string Code, string File, int Line, int Column, string Message)>();
        var result = new List<BuildDiagnostic>();
        foreach (var rawLine in output.Split('\n'))
        {
            var match = CanonicalLine().Match(rawLine.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var origin = match.Groups["origin"].Value.Trim();
            var file = Relative(origin, root);
            var diagnostic = new BuildDiagnostic(
                match.Groups["code"].Value,
                match.Groups["sev"].Value == "error",
                file,
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
                match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : 0,
                TrailingHelpLink().Replace(match.Groups["message"].Value, string.Empty).Replace(Slash(root), string.Empty, StringComparison.Ordinal))
            {
                Project = match.Groups["project"].Success ? Relative(match.Groups["project"].Value.Split("::")[0].Trim(), root) : string.Empty,
            };
            if (seen.Add(byMessage ? diagnostic.Identity with { Message = diagnostic.Message } : diagnostic.Identity))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    private static string Slash(string root) => root.EndsWith('/') ? root : root + "/";

    internal static string Relative(string origin, string root)
    {
        if (origin.Length == 0 || !Path.IsPathRooted(origin))
        {
            // "CSC", "MSBUILD" and other tool names are not files.
            return string.Empty;
        }

        var relative = Path.GetRelativePath(root, origin).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? origin.Replace('\\', '/') : relative;
    }
}
