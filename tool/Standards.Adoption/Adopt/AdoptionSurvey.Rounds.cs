using System.Globalization;
using Standards.Sdk.Checks.Baseline;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The survey rounds: a project the survey build could not compile (stopped before the compiler by a finding adopt
/// then records or excepts: a licence finding, a file that turns nullable off) is surveyed again with what the round
/// wrote applied, so one run of adopt analyses every project; a project still not analysed makes the run not green.
/// </summary>
internal sealed partial class AdoptionSurvey
{
    /// <summary>
    /// Most survey builds. Another round runs only while a project is not analysed and the previous round wrote
    /// something new (a baseline entry or an exception), which is what can let the project compile.
    /// </summary>
    public const int MaxSurveyRounds = 3;

    /// <summary>The survey rounds; returns the diagnostics of the last one.</summary>
    private IReadOnlyList<BuildDiagnostic> SurveyRounds(string workspace, string solution, IReadOnlyList<string> projects, ChangeSet changes)
    {
        for (var round = 1; ; round++)
        {
            var before = RecordedState(workspace);
            var (surveyed, compilations) = SurveyBuild(workspace, solution, projects, round);
            ExceptWeakenings(workspace, surveyed.Where(compilations.FailsInCi), changes);
            ExceptLongMembers(workspace, surveyed.Where(compilations.FailsInCi), changes);
            if (notAnalysed.Count == 0)
            {
                return surveyed;
            }

            var progressed = !RecordedState(workspace).SequenceEqual(before, StringComparer.Ordinal);
            if (!progressed || round == MaxSurveyRounds)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Survey round {round}: {notAnalysed.Count} project(s) still not analysed{(progressed ? $" after {MaxSurveyRounds} rounds" : ", and the round recorded nothing that could change that")}."));
                return surveyed;
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Survey round {round}: {notAnalysed.Count} project(s) not analysed; what the round recorded may let them compile, so the survey runs again."));
        }
    }

    /// <summary>The files a round records into (the two baselines, standards.json), as text: a round that changed none made no progress.</summary>
    private static string[] RecordedState(string workspace) =>
        [.. new[] { BaselineFile.DefaultFileName, CodeBaselineDocument.FileName, CoverageMinimums.PolicyFile }
            .Select(file => WorkspaceCommands.ReadOrNull(Path.Combine(workspace, file)) ?? string.Empty)];
}
