using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// A weakening of a locked setting that the repo had before the adoption, as the build reports it (STD0101 or
/// STD0103), with the standards.json exception that keeps it: the rule to except and the narrowest scope that
/// covers it.
/// </summary>
/// <param name="Rule">The rule the exception names: STD0101 for nullable, the silenced locked rule (RS0030, CA5350...) for STD0103.</param>
/// <param name="Scope">The source file itself for a directive or attribute in source; the project's name for a project file, an imported file or an analyzer config, whose setting governs the whole project.</param>
/// <param name="Finding">The build's finding.</param>
public sealed record Weakening(string Rule, string Scope, BuildDiagnostic Finding)
{
    /// <summary>True for a weakening in a source file (a directive or an attribute), which a file-scoped exception covers.</summary>
    public bool InSource => string.Equals(Scope, Finding.File, StringComparison.Ordinal);
}

/// <summary>
/// Every pre-existing weakening of a locked setting (<c>#pragma warning disable</c>, <c>[SuppressMessage]</c>,
/// <c>#nullable disable</c> in source; <c>&lt;NoWarn&gt;</c> and the other properties in an MSBuild file; a severity
/// in an <c>.editorconfig</c> or global config) gets a dated standards.json exception with an owner to fill in and
/// its reason, scoped as narrowly as the weakening acts: the file for source, the project for a setting. The build
/// then passes on what the repo already is, and a new weakening (another file, another project, another rule) still
/// fails with STD0101 or STD0103.
/// </summary>
public static partial class WeakeningExceptions
{
    [GeneratedRegex(@"locked rule (?<id>[A-Za-z]{2,}[0-9]{4})\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LockedRule();

    [GeneratedRegex(@"[.;](\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();

    /// <summary>
    /// The weakening a finding reports, or null when it reports none or no exception can express it: a finding
    /// other than STD0101/STD0103, an STD0103 that names no rule (analyzers turned off: no rule to except), or a
    /// setting without a project to scope it to.
    /// </summary>
    public static Weakening? Of(BuildDiagnostic finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string rule;
        if (finding.Code == PolicyRuleIds.NullableLocked)
        {
            rule = PolicyRuleIds.NullableLocked;
        }
        else if (finding.Code == PolicyRuleIds.LockedRuleSilenced && LockedRule().Match(finding.Message) is { Success: true } match)
        {
            rule = match.Groups["id"].Value.ToUpperInvariant();
        }
        else
        {
            return null;
        }

        // A source file outside the repo (a linked file) has no repo-relative scope: its project's is the narrowest.
        if (finding.InRepoSource)
        {
            return new Weakening(rule, finding.File, finding);
        }

        var project = Path.GetFileNameWithoutExtension(finding.Project.Replace('\\', '/').Split("::")[0]);
        return project.Length == 0 ? null : new Weakening(rule, project, finding);
    }

    /// <summary>
    /// The weakenings of <paramref name="findings"/> that <paramref name="policy"/> (null: none yet) does not already
    /// except by the same rule and scope, one per rule and scope, in file order.
    /// </summary>
    public static IReadOnlyList<Weakening> New(string? policy, IEnumerable<BuildDiagnostic> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var excepted = NullableAdoption.Exceptions(policy);
        return findings.Select(Of).OfType<Weakening>()
            .Where(w => !excepted.Contains((w.Rule, w.Scope)))
            .DistinctBy(w => (w.Rule, w.Scope))
            .OrderBy(w => w.Finding.File, StringComparer.Ordinal).ThenBy(w => w.Finding.Line).ThenBy(w => w.Rule, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// standards.json (null: none yet) with a dated exception for <paramref name="weakening"/>, with its reason and an
    /// owner to fill in (other settings are kept), and the line adopt prints for it.
    /// </summary>
    public static (string Policy, string ChangeLine) Add(string? policy, Weakening weakening, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(weakening);
        if (weakening.InSource && weakening.Rule == PolicyRuleIds.NullableLocked)
        {
            return (NullableAdoption.AddFileException(policy, weakening.Scope, today),
                $"{weakening.Scope}: turns nullable off in its source (vendored or legacy code): kept under a dated, file-scoped STD0101 exception in {CoverageMinimums.PolicyFile} (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days); a new file that turns nullable off still fails");
        }

        return (NullableAdoption.AddException(policy, weakening.Rule, weakening.Scope, Reason(weakening), today), ChangeLine(weakening));
    }

    /// <summary>Why the exception exists: the place and what the weakening does, since before the adoption.</summary>
    public static string Reason(Weakening weakening)
    {
        ArgumentNullException.ThrowIfNull(weakening);
        var finding = weakening.Finding;
        var place = finding.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{finding.File}({finding.Line})") : finding.File;
        var what = What(finding.Message);
        return weakening.InSource
            ? $"{place} weakens {weakening.Rule} in its source since before the adoption ({what}): vendored code, or legacy code to fix. Name its owner; remove the weakening and this entry, or renew it with a reason, before the expiry."
            : $"{place} weakens {weakening.Rule} for the project {weakening.Scope} since before the adoption ({what}). Name its owner; remove the setting, fix what it hid and remove this entry, or renew it with a reason, before the expiry.";
    }

    /// <summary>The line adopt prints for the exception it writes.</summary>
    public static string ChangeLine(Weakening weakening)
    {
        ArgumentNullException.ThrowIfNull(weakening);
        var finding = weakening.Finding;
        var place = finding.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{finding.File}({finding.Line})") : finding.File;
        var scope = weakening.InSource ? "file-scoped" : "project-scoped";
        return $"{place}: {What(finding.Message)} since before the adoption: kept under a dated, {scope} {weakening.Rule} exception for \"{weakening.Scope}\" in {CoverageMinimums.PolicyFile} (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days); a new weakening elsewhere still fails with {finding.Code}";
    }

    /// <summary>The finding's first clause (what the weakening is), without the policy's fix hint that follows.</summary>
    private static string What(string message)
    {
        var end = ClauseEnd().Match(message);
        var what = (end.Success ? message[..end.Index] : message).Trim();
        return what.Length > 200 ? what[..200] + "..." : what;
    }
}
