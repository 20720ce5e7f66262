using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Repository;

namespace Standards.Sdk.Checks.Reports;

/// <summary>A finding as the reports show it.</summary>
/// <param name="Finding">The finding, with the severity it was logged with (warnings are errors in CI).</param>
/// <param name="Baselined">True when the adoption baseline accepts it (logged as a message, not failing).</param>
public sealed record ReportItem(Finding Finding, bool Baselined);

/// <summary>The counts of one run, as the summary line and the reports print them.</summary>
/// <param name="Checks">Checks run.</param>
/// <param name="Errors">Findings logged as errors.</param>
/// <param name="Warnings">Findings logged as warnings.</param>
/// <param name="Infos">Findings logged as messages (infos; baselined findings are counted separately).</param>
/// <param name="Milliseconds">Wall time of the run.</param>
/// <param name="HasBaseline">True when a baseline file was used.</param>
/// <param name="Baselined">Findings the baseline accepted.</param>
/// <param name="Removable">Baseline entries that match nothing any more.</param>
/// <param name="Excepted">Findings dropped by exception entries.</param>
public sealed record RunSummary(int Checks, int Errors, int Warnings, int Infos, long Milliseconds, bool HasBaseline, int Baselined, int Removable, int Excepted)
{
    /// <summary>The counts of an outcome, with warnings counted as errors when they are logged as errors.</summary>
    public static RunSummary From(RepositoryCheckOutcome outcome, bool warningsAsErrors, long milliseconds)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var errors = outcome.Reported.Count(f => f.Severity == Severity.Error || (warningsAsErrors && f.Severity == Severity.Warning));
        var warnings = warningsAsErrors ? 0 : outcome.Reported.Count(f => f.Severity == Severity.Warning);
        var infos = outcome.Reported.Count(f => f.Severity == Severity.Info);
        return new RunSummary(outcome.Timings.Count, errors, warnings, infos, milliseconds, outcome.Baseline is not null,
            outcome.Baselined.Count, outcome.Removable, outcome.Excepted);
    }

    /// <summary>What <see cref="Line"/> starts with: the counts are the repository checks', never the build's.</summary>
    public const string LinePrefix = "Standards: repository checks: ";

    /// <summary>What <see cref="Line"/> ends with: next to a failing compile, "0 errors" must not read as the build's count.</summary>
    public const string LineScope = ". Compiler and analyzer findings are the build's own, not counted here.";

    /// <summary>
    /// The one line a build prints, e.g.
    /// <c>Standards: repository checks: 2 ran, 0 errors, 3 warnings, 1 info in 42 ms (baseline: 2 suppressed, 1 removable). Compiler and analyzer findings are the build's own, not counted here.</c>.
    /// </summary>
    public string Line()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{LinePrefix}{Checks} ran, {Errors} {Plural(Errors, "error")}, {Warnings} {Plural(Warnings, "warning")}, {Infos} info in {Milliseconds} ms");
        var notes = new List<string>();
        if (HasBaseline)
        {
            notes.Add(Removable > 0 ? $"baseline: {Baselined} suppressed, {Removable} removable" : $"baseline: {Baselined} suppressed");
        }

        if (Excepted > 0)
        {
            notes.Add($"{Excepted} excepted by standards.json");
        }

        return (notes.Count == 0 ? text : $"{text} ({string.Join("; ", notes)})") + LineScope;
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
