using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Baseline;

/// <summary>
/// The adoption baseline for the findings only a project's own build can make: the package licences of its
/// dependencies, after its restore (STD2011, STD2012), and its own package metadata, when it is packed
/// (STD6050-STD6054).
/// Their entries name the repo-relative project file. The project's build applies them (a matched finding becomes
/// a message prefixed <see cref="BaselineMatcher.AcceptedPrefix"/>, a new one is reported as usual) and reports
/// its own entries that no finding matches any more as STD3902; the repository checks neither judge these entries
/// nor drop them when they rewrite the file. A build judges only the entries of the rules it ran: the dependency check
/// the licence entries, the pack's metadata check the package entries (a build that does not pack runs none of
/// those), each without the rules standards.json turns off; an entry of a rule that did not run is neither matched
/// nor stale. <c>dotnet standards adopt</c> records them from its survey build.
/// </summary>
public static class ProjectFindingsBaseline
{
    /// <summary>The licence rules: the dependency check of every build runs them, after restore.</summary>
    public static IReadOnlyList<string> LicenceCodes { get; } = [DependencyRuleIds.LicenseNotAllowed, DependencyRuleIds.LicenseDenied];

    /// <summary>The package metadata rules: only a build that packs the project runs them.</summary>
    public static IReadOnlyList<string> PackageMetadataCodes { get; } =
        [ReleaseRuleIds.PackageDescriptionMissing, ReleaseRuleIds.PackageLicenseMissing, ReleaseRuleIds.PackageReadmeMissing,
         ReleaseRuleIds.PackageRepositoryMissing, ReleaseRuleIds.PackageAuthorsMissing];

    /// <summary>The codes whose entries the project builds judge.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. LicenceCodes, .. PackageMetadataCodes];

    /// <summary>True for a code whose baseline entries the project builds judge, not the repository checks.</summary>
    public static bool IsJudgedByProjects(string code) => Codes.Contains(code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies the baseline to one project's findings.</summary>
    /// <param name="findings">The project's findings, after severities.</param>
    /// <param name="baseline">The repo's adoption baseline, or null when there is none.</param>
    /// <param name="projectFile">The project file relative to the repo root, '/'-separated: what an entry names.</param>
    /// <param name="baselinePath">The baseline file, for STD3902 findings.</param>
    /// <param name="staleSeverity">The severity of STD3902 for this project (None: off).</param>
    /// <param name="ran">The codes the calling check ran in this build (<see cref="LicenceCodes"/> or <see cref="PackageMetadataCodes"/>, without those turned off): only their entries are judged.</param>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, BaselineFile? baseline, string projectFile, string baselinePath, Severity staleSeverity, IReadOnlyCollection<string> ran)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(projectFile);
        ArgumentNullException.ThrowIfNull(ran);
        if (baseline is null)
        {
            return findings;
        }

        bool Ran(string code) => IsJudgedByProjects(code) && ran.Contains(code, StringComparer.OrdinalIgnoreCase);
        var entries = baseline.Entries.Where(e => Ran(e.Code) && string.Equals(e.File, projectFile, StringComparison.Ordinal)).ToList();
        var judged = findings.Select((f, i) => (Finding: f, Index: i)).Where(p => Ran(p.Finding.Code) && BaselineFile.IsBaselinable(p.Finding)).ToList();
        var asEntries = judged.Select(p => p.Finding with { File = projectFile }).ToList();
        var applied = BaselineMatcher.Apply(asEntries, new BaselineFile(entries));
        var suppressed = new HashSet<int>();
        var free = applied.Suppressed.ToList();
        for (var i = 0; i < asEntries.Count; i++)
        {
            var at = free.IndexOf(asEntries[i]);
            if (at >= 0)
            {
                free.RemoveAt(at);
                suppressed.Add(judged[i].Index);
            }
        }

        var result = findings.Select((f, i) => suppressed.Contains(i)
            ? f with { Severity = Severity.Info, Message = BaselineMatcher.AcceptedPrefix + f.Message }
            : f).ToList();
        if (staleSeverity != Severity.None)
        {
            result.AddRange(applied.Stale.Select(entry => new Finding(BaselineRuleIds.EntryNoLongerNeeded, staleSeverity,
                $"{Path.GetFileName(baselinePath)}: the entry for {entry.Code} in {entry.File} (\"{Shorten(entry.Message)}\") matches no finding of this project any more: the problem was fixed. Remove the entry, or run `dotnet standards adopt --allow-dirty` to rewrite the baselines, so the baseline cannot hide the problem if it comes back.",
                baselinePath, entry.Line)));
        }

        return result;
    }

    /// <summary>The entries of <paramref name="previous"/> the project builds judge, as findings to write back when the repository checks rewrite the file.</summary>
    public static IEnumerable<Finding> Kept(BaselineFile previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous.Entries.Where(e => IsJudgedByProjects(e.Code)).Select(e => new Finding(e.Code, Severity.Warning, e.Message, e.File));
    }

    private static string Shorten(string message) => message.Length <= 100 ? message : message[..97] + "...";
}
