namespace Standards.Sdk.Checks.Layout;

/// <summary>
/// The repository layout rules (profile §3), STD30xx. Titles, defaults and parameters are declared with these ids in
/// RuleCatalog.Layout.cs; code refers to a rule only through these constants.
/// </summary>
public static class LayoutRuleIds
{
    /// <summary>A file every repo has at its root is missing.</summary>
    public const string RequiredFileMissing = "STD3001";

    /// <summary>The repo has no CODEOWNERS file.</summary>
    public const string CodeOwnersMissing = "STD3002";

    /// <summary>A project folder no CODEOWNERS rule covers.</summary>
    public const string ProjectWithoutOwner = "STD3003";

    /// <summary>A critical project whose CODEOWNERS rule names too few owners.</summary>
    public const string CriticalProjectTooFewOwners = "STD3004";

    /// <summary>A CODEOWNERS line that is not a valid rule.</summary>
    public const string CodeOwnersMalformed = "STD3005";

    /// <summary>The src/ or tests/ folder is missing.</summary>
    public const string SourceOrTestsFolderMissing = "STD3006";

    /// <summary>An executable project outside cmd/&lt;App&gt;/.</summary>
    public const string ExecutableOutsideCmd = "STD3007";

    /// <summary>A project no test project references.</summary>
    public const string ProjectWithoutTests = "STD3008";

    /// <summary>The repo has no architecture decision records.</summary>
    public const string NoAdrs = "STD3010";

    /// <summary>An ADR file name that is not NNNN-kebab-case-title.md.</summary>
    public const string AdrFileName = "STD3011";

    /// <summary>ADR numbers duplicated or with gaps.</summary>
    public const string AdrNumbering = "STD3012";

    /// <summary>An ADR Status or Date header missing or invalid.</summary>
    public const string AdrHeader = "STD3013";

    /// <summary>An ADR section missing.</summary>
    public const string AdrSectionMissing = "STD3014";

    /// <summary>A deprecated or superseded ADR without a link to its replacement.</summary>
    public const string AdrReplacementLinkMissing = "STD3015";

    /// <summary>A service or worker repo without runbooks.</summary>
    public const string NoRunbooks = "STD3020";

    /// <summary>A runbook Owner or Last Validated header missing or invalid.</summary>
    public const string RunbookHeader = "STD3021";

    /// <summary>A runbook section missing.</summary>
    public const string RunbookSectionMissing = "STD3022";

    /// <summary>The pull request template is missing or incomplete.</summary>
    public const string PullRequestTemplate = "STD3030";

    /// <summary>SECURITY.md is missing.</summary>
    public const string SecurityPolicyMissing = "STD3031";

    /// <summary>A document past its review date.</summary>
    public const string DocumentPastReview = "STD3032";

    /// <summary>A generic folder name under src/ or cmd/.</summary>
    public const string GenericFolderName = "STD3033";
}
