using System.Text.RegularExpressions;

namespace Standards.Sdk.Testing;

/// <summary>One error or warning as MSBuild printed it.</summary>
/// <param name="File">The file, as printed (absolute), or the tool name ("CSC") when there is none.</param>
/// <param name="Line">1-based line, 0 when none.</param>
/// <param name="Column">1-based column, 0 when none.</param>
/// <param name="Severity">"error" or "warning".</param>
/// <param name="Code">The code (STD0101, CA1502, NU1004...).</param>
/// <param name="Message">The message text.</param>
/// <param name="Project">The project file it was reported for.</param>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message, string Project)
{
    /// <summary>The file name without its folder.</summary>
    public string FileName => Path.GetFileName(File);

    /// <inheritdoc />
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Code}: {Message}";
}

/// <summary>The outcome of a build: exit code, full output and the parsed diagnostics.</summary>
public sealed partial class BuildResult(int exitCode, string output)
{
    /// <summary>The exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>Everything the build printed.</summary>
    public string Output { get; } = output;

    /// <summary>True when the build succeeded.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Distinct errors and warnings, in the order printed.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; } = Parse(output);

    /// <summary>Errors only.</summary>
    public IEnumerable<BuildDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error");

    /// <summary>Warnings only.</summary>
    public IEnumerable<BuildDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == "warning");

    /// <summary>Diagnostics with a code.</summary>
    public IEnumerable<BuildDiagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code);

    /// <summary>True when MSBuild printed that it skipped the target as up to date (needs -v:n).</summary>
    public bool Skipped(string target) =>
        Output.Contains($"Skipping target \"{target}\" because all output files are up-to-date", StringComparison.Ordinal);

    /// <summary>True when the target's body ran (needs -v:n; the target's name is printed as a heading).</summary>
    public bool Ran(string target) =>
        Regex.IsMatch(Output, $@"^\s*(?:\d+>)?{Regex.Escape(target)}:\s*$", RegexOptions.Multiline) && !Skipped(target);

    /// <summary>Number of times a target's body ran (once per project/TFM).</summary>
    public int RunCount(string target) =>
        Regex.Count(Output, $@"^\s*(?:\d+>)?{Regex.Escape(target)}:\s*$", RegexOptions.Multiline);

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n{Output}";

    private static List<BuildDiagnostic> Parse(string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<BuildDiagnostic>();
        foreach (var raw in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(raw.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["sev"].Value,
                match.Groups["code"].Value,
                match.Groups["msg"].Value.Trim(),
                match.Groups["proj"].Value);
            if (seen.Add(diagnostic.ToString() + diagnostic.Project))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>[^:]*?)(?:\((?<line>\d+)(?:,(?<col>\d+))?(?:,\d+,\d+)?\))?\s*:\s*(?<sev>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<msg>.*?)(?:\s+\[(?<proj>[^\[\]]+)\])?$")]
    private static partial Regex DiagnosticLine();
}
