using System.Globalization;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// Members longer than STD1002's limit that the repo had before the adoption. The code baseline cannot hold them: a
/// suppressor reaches warnings only, and STD1002 is an error by its rule. So each file that has one gets a dated,
/// file-scoped STD1002 exception in standards.json, with its reason and an owner to fill in. In an excepted file the
/// build lifts STD1002's limit, and the same members are reported as STD1001 at the same places (a warning CI fails
/// on), which the code baseline holds entry by entry: CI is green on the code as it is, and a new long member in the
/// file still fails.
/// </summary>
public static class LongMemberExceptions
{
    /// <summary>
    /// The STD1002 findings of <paramref name="findings"/> by source file in the repo, for the files
    /// <paramref name="policy"/> (null: none yet) does not already except from STD1002 (by that exact scope), in
    /// file order. A member of a file outside the repo (a linked file) has no repo-relative scope and is left out: it
    /// stays a finding adopt cannot baseline.
    /// </summary>
    public static IReadOnlyList<IGrouping<string, BuildDiagnostic>> New(string? policy, IEnumerable<BuildDiagnostic> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var excepted = NullableAdoption.Exceptions(policy);
        return findings
            .Where(f => f.Code == CodeRuleIds.MethodFarTooLong && f.InRepoSource)
            .Where(f => !excepted.Contains((CodeRuleIds.MethodFarTooLong, f.File)))
            .DistinctBy(f => (f.File, f.Line, f.Column))
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line)
            .GroupBy(f => f.File, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The STD1001 finding the build reports for the same member once its file is excepted from STD1002: same place, the target's code.</summary>
    public static BuildDiagnostic AsTargetFinding(BuildDiagnostic farTooLong)
    {
        ArgumentNullException.ThrowIfNull(farTooLong);
        return farTooLong with { Code = CodeRuleIds.MethodTooLong };
    }

    /// <summary>
    /// standards.json (null: none yet) with a dated STD1002 exception for <paramref name="members"/>' file, with its
    /// reason and an owner to fill in (other settings are kept), and the line adopt prints for it.
    /// </summary>
    public static (string Policy, string ChangeLine) Add(string? policy, IGrouping<string, BuildDiagnostic> members, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(members);
        var file = members.Key;
        var count = members.Count();
        var places = string.Join(", ", members.Select(m => m.Line.ToString(CultureInfo.InvariantCulture)));
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{file} has {count} member(s) longer than STD1002's limit since before the adoption (at line {places}); they are held in the code baseline as STD1001, and a new member in this file longer than STD1001's limit still fails CI. Name its owner; split them and remove this entry, or renew it with a reason, before the expiry.");
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{file}: {count} member(s) longer than STD1002's limit (at line {places}) since before the adoption: kept under a dated, file-scoped STD1002 exception in {CoverageMinimums.PolicyFile} (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days) and recorded in the code baseline as STD1001; a new long member still fails");
        return (NullableAdoption.AddException(policy, CodeRuleIds.MethodFarTooLong, file, reason, today), line);
    }
}
