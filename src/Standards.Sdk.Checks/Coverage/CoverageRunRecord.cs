using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// A test run the repo coverage gate judges again before its merge (Standards.Coverage.proj): one line of a run record
/// under artifacts/coverage/&lt;project&gt;/[&lt;framework&gt;/], fields separated by '|'.
/// <see cref="MtpFileName"/>: written by every build of a Microsoft.Testing.Platform test app,
/// <c>project|framework|configuration</c> (the MTP mode of dotnet test runs no MSBuild target after the tests, so the
/// app's per-run gate runs in the coverage step). <see cref="VSTestFileName"/>: written by the per-run gate after a
/// VSTest run, the same and the run's results folder (empty when dotnet test was given none).
/// </summary>
/// <param name="ProjectFile">The test project, a full path.</param>
/// <param name="TargetFramework">The framework the run tested.</param>
/// <param name="Configuration">The configuration it was built in.</param>
/// <param name="ResultsDirectory">The VSTest run's results folder; empty for an MTP app or a run given none.</param>
public sealed record CoverageRunRecord(string ProjectFile, string TargetFramework, string Configuration, string ResultsDirectory)
{
    /// <summary>The record of an MTP test app, written by its build.</summary>
    public const string MtpFileName = "coverage.mtp";

    /// <summary>The record of a VSTest run, written by its per-run gate.</summary>
    public const string VSTestFileName = "coverage.vstest";

    /// <summary>
    /// Reads a record file. A damaged line (a truncated write, a hand edit) is an STD4012 finding at its line and its
    /// run is not returned, so the step fails instead of skipping that run's gate; blank lines are skipped.
    /// </summary>
    /// <param name="file">The record's path, for the findings.</param>
    /// <param name="text">Its text.</param>
    /// <param name="vstest">True for <see cref="VSTestFileName"/> (four fields), false for <see cref="MtpFileName"/> (three).</param>
    public static (IReadOnlyList<CoverageRunRecord> Runs, IReadOnlyList<Finding> Findings) Read(string file, string text, bool vstest)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<CoverageRunRecord>();
        var findings = new List<Finding>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split('|');
            if (Problem(fields, vstest) is { } problem)
            {
                findings.Add(Damaged(file, i + 1, vstest, problem));
                continue;
            }

            runs.Add(new CoverageRunRecord(fields[0], fields[1], fields[2], vstest ? fields[3] : string.Empty));
        }

        if (runs.Count == 0 && findings.Count == 0)
        {
            findings.Add(Damaged(file, 1, vstest, "it is empty"));
        }

        return (runs, findings);
    }

    /// <summary>STD4012 for a record that exists but cannot be read (permissions, a link to nothing).</summary>
    public static Finding Unreadable(string file, bool vstest) =>
        new(CoverageRuleIds.RecordMalformed, Severity.Error,
            $"The coverage record {file} could not be read; check its permissions. {Fix(vstest)}", file);

    private static string? Problem(string[] fields, bool vstest)
    {
        var expected = vstest ? 4 : 3;
        if (fields.Length != expected)
        {
            return $"it has {fields.Length} field{(fields.Length == 1 ? string.Empty : "s")} where a line has {expected} ({Form(vstest)})";
        }

        if (!Path.IsPathRooted(fields[0]) || !fields[0].EndsWith("proj", StringComparison.OrdinalIgnoreCase))
        {
            return $"its first field '{fields[0]}' is not the full path of a project file";
        }

        if (fields[1].Length == 0 || fields[1].Any(char.IsWhiteSpace))
        {
            return $"its framework '{fields[1]}' is not a target framework";
        }

        return fields[2].Trim().Length == 0 ? "its configuration is empty" : null;
    }

    private static string Form(bool vstest) => vstest ? "project|framework|configuration|results folder" : "project|framework|configuration";

    private static Finding Damaged(string file, int line, bool vstest, string problem) =>
        new(CoverageRuleIds.RecordMalformed, Severity.Error,
            $"The coverage record {file} is damaged at line {line}: {problem}. The coverage step cannot tell which test run to judge, so it judges none of this record's runs. {Fix(vstest)}",
            file, line);

    private static string Fix(bool vstest) => vstest
        ? "Delete the file and run the project's tests again (`dotnet test`): the run writes it again."
        : "Delete the file and build the test project again (`dotnet build`): the build writes it again.";
}
