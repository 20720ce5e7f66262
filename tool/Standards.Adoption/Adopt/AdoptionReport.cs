using System.Globalization;
using System.Text;
using Standards.Sdk.Checks.Baseline;

namespace Standards.Adoption.Adopt;

/// <summary>What <c>dotnet standards adopt</c> prints after a run.</summary>
public static class AdoptionReport
{
    /// <summary>The report printed after a run: what changed, the findings per rule and the top files, what is left.</summary>
    /// <param name="result">The run's result.</param>
    /// <param name="dryRun">True when nothing was written.</param>
    /// <param name="survey">
    /// True for <c>survey</c>: the findings the repo's baselines do not hold are listed as CI reports them, and the
    /// verdict (<see cref="SurveyVerdict"/>) is the repo's as it is, not adopt's with the baselines it would write.
    /// </param>
    public static string Write(AdoptionResult result, bool dryRun, bool survey = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(dryRun ? "Changes (dry run: nothing written):" : "Changes:");
        foreach (var line in result.ChangeLines)
        {
            text.Append("  ").AppendLine(line);
        }

        // Lines such as "left alone" are information: the repo is already adopted when no file changes.
        if (result.Changes.Files.Count == 0)
        {
            text.AppendLine("  none: the repo is already adopted and its baselines are current.");
        }

        AppendFindings(text, result);
        text.AppendLine(CultureInfo.InvariantCulture, $"Baselines: {result.RepoEntries} repository finding(s) in {BaselineFile.DefaultFileName}, {result.CodeEntries.Count} code finding(s) in {CodeBaselineDocument.FileName}; {result.Added} added, {result.Removable.Count} removed as fixed.");
        foreach (var removed in result.Removable)
        {
            text.Append("  fixed, removed: ").AppendLine(removed);
        }

        foreach (var weakened in result.WeakenedRules)
        {
            text.Append("  weakened rule: ").AppendLine(weakened);
        }

        foreach (var left in result.NotBaselinable)
        {
            var where = left.Diagnostic.File.Length == 0 ? string.Empty : $"{left.Diagnostic.File}({left.Diagnostic.Line}): ";
            text.AppendLine(CultureInfo.InvariantCulture, $"  cannot be baselined: {where}{left.Diagnostic.Code}: {left.Diagnostic.Message} -> {left.Fix}");
        }

        if (survey)
        {
            AppendNotHeld(text, result);
            return text.ToString();
        }

        text.AppendLine(result.NotAnalysed.Count > 0
            ? $"Not done: the survey could not analyse {result.NotAnalysed.Count} project(s) (named above with why), so no build says their code passes. Fix what stops each one before the compiler (`CI=true dotnet build` shows it), then run `dotnet standards adopt --allow-dirty` again."
            : result.CiBuildGreen
            ? "The CI-mode build (CI=true dotnet build) is green with these baselines."
            : $"The CI-mode build still fails: fix the {result.NotBaselinable.Count} finding(s) above that cannot be baselined, then run `dotnet standards adopt --allow-dirty` again.");
        if (result.Written)
        {
            text.AppendLine("Next: review `git diff`, then commit everything (the lock files and both baselines too), and let CI build it.");
        }

        return text.ToString();
    }

    /// <summary>The last line of a survey: whether a CI build of the repo as it is passes, and why not; it agrees with <c>survey --check</c>'s exit code.</summary>
    public static string SurveyVerdict(AdoptionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.FailsCiAsItIs)
        {
            return "The CI build (CI=true dotnet build) is green: the baselines hold every finding.";
        }

        var reasons = new List<string>();
        if (result.Added > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{result.Added} finding(s) the baselines do not hold"));
        }

        if (result.NotBaselinable.Count > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{result.NotBaselinable.Count} error(s) no baseline can hold"));
        }
        else if (!result.CiBuildGreen)
        {
            reasons.Add("a build that fails even with every finding baselined");
        }

        if (result.NotAnalysed.Count > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{result.NotAnalysed.Count} project(s) not analysed"));
        }

        return $"The CI build (CI=true dotnet build) fails: {string.Join(", ", reasons)} (listed above). Fix them, or record the findings with `dotnet standards adopt`.";
    }

    /// <summary>The findings the repo's baselines do not hold, one per line as the CI build reports them.</summary>
    private static void AppendNotHeld(StringBuilder text, AdoptionResult result)
    {
        if (result.NotHeld.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Not in the baselines ({result.NotHeld.Count}; the CI build fails on each):");
        foreach (var finding in result.NotHeld)
        {
            var where = finding.File.Length == 0 ? string.Empty : finding.Line > 0 ? $"{finding.File}({finding.Line},{finding.Column}): " : $"{finding.File}: ";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {where}error {finding.Code}: {finding.Message}");
        }
    }

    /// <summary>The findings: how many, the projects not analysed, the count per rule and the top files.</summary>
    private static void AppendFindings(StringBuilder text, AdoptionResult result)
    {
        var findings = result.Findings;
        text.AppendLine(CultureInfo.InvariantCulture, $"Findings: {findings.Count} distinct (deduplicated across target frameworks){(result.NotAnalysed.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; PARTIAL: {result.NotAnalysed.Count} project(s) not analysed, whose code findings are missing") : string.Empty)}.");
        foreach (var project in result.NotAnalysed)
        {
            text.Append("  ").AppendLine(project);
        }

        foreach (var rule in findings.GroupBy(f => f.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {rule.Key,-8} {rule.Count(),5}");
        }

        var topFiles = findings.Where(f => f.File.Length > 0).GroupBy(f => f.File).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).ToList();
        if (topFiles.Count > 0)
        {
            text.AppendLine("Top files:");
            foreach (var file in topFiles)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {file.Count(),5}  {file.Key}");
            }
        }
    }
}
