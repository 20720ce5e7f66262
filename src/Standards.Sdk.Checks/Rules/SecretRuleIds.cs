using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The rules of the secret check of committed files (STD304x), reported by the repository checks. Each constant is its
/// rule's one declaration ([Rule]: title, default severity, profile rows); code refers to a rule only through these
/// constants. The analyzer rule for secrets in C# (STD1010) is declared in StandardsAnalyzerRules.cs.
/// </summary>
[RuleArea("Repository checks")]
public static class SecretRuleIds
{
    /// <summary>A committed text file holds a secret (a known credential format, or a literal value under a secret name).</summary>
    [Rule("Secret in a committed file", Severity.Error, "no-secrets")]
    public const string SecretInFile = "STD3040";

    /// <summary>A certificate or key store with private keys (.pfx, .p12) is committed.</summary>
    [Rule("Key store committed", Severity.Error, "no-secrets")]
    public const string KeyStoreCommitted = "STD3041";

    /// <summary>A committed text file is larger than the secret check searches: only its first part was searched.</summary>
    [Rule("File too large to search for secrets in full", Severity.Warning, "no-secrets")]
    public const string FileTooLargeToSearch = "STD3042";

    /// <summary>The secret search of a committed text file ran past its time limit: the file was not searched in full.</summary>
    [Rule("File not searched for secrets in full within the time limit", Severity.Warning, "no-secrets")]
    public const string SearchTimedOut = "STD3043";
}
