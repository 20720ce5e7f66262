using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Secrets;

/// <summary>
/// The secret scan of the files a commit is about to record (the pre-commit hook of the host templates): the secret
/// check (STD3040, STD3041) over a snapshot that holds the staged files only, as git's index has them, with
/// standards.json's severities and exceptions and the adoption baseline as in the build. The other repository checks
/// judge the whole repo and stay the build's, so only the secret check's findings (STD3042 included: a staged file too
/// large to search in full is named before the commit too; and STD0007 for a staged file that
/// could not be read, STD0000 for a check that failed) are kept.
/// </summary>
public static class StagedSecretScan
{
    /// <summary>Scans <paramref name="staged"/> (repo-relative paths of the staged files, under a copy of the index).</summary>
    public static RepositoryCheckOutcome Run(RepositorySnapshot staged, StandardsPolicy policy, DateOnly today, BaselineInput? baseline)
    {
        var outcome = RepositoryCheckRunner.Run(staged, policy, today, [new SecretsCheck()], baseline);
        return outcome with
        {
            Reported = [.. outcome.Reported.Where(IsScanFinding)],
            Baselined = [.. outcome.Baselined.Where(IsScanFinding)],
            Current = [.. outcome.Current.Where(IsScanFinding)],
        };
    }

    private static bool IsScanFinding(Finding finding) =>
        finding.Code is SecretRuleIds.SecretInFile or SecretRuleIds.KeyStoreCommitted or SecretRuleIds.FileTooLargeToSearch or PolicyRuleIds.InputUnreadable or PolicyRuleIds.InternalError;
}
