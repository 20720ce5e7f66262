using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The repository layout rules (profile §3), STD30xx. Each constant is its rule's one declaration ([Rule]: title, default severity, profile rows; [RuleParameter]: its numbers); code refers to a rule only through these constants.
/// </summary>
[RuleArea("Repository layout")]
public static class LayoutRuleIds
{
    /// <summary>The files every repo has at its root (profile §3, first row): STD3001's default.</summary>
    public const string RequiredRootFiles = "README.md,CHANGELOG.md,.editorconfig,global.json,Directory.Packages.props";

    /// <summary>A file every repo has at its root is missing.</summary>
    [Rule("Required repository file missing", Severity.Error, "required-files")]
    [RuleParameter("files", RequiredRootFiles, "Files every repo has at its root (layout.requiredPaths in standards.json adds more).", IsList = true)]
    public const string RequiredFileMissing = "STD3001";

    /// <summary>The repo has no CODEOWNERS file.</summary>
    [Rule("CODEOWNERS missing", Severity.Error, "codeowners")]
    public const string CodeOwnersMissing = "STD3002";

    /// <summary>A project folder no CODEOWNERS rule covers.</summary>
    [Rule("Project folder without a code owner", Severity.Error, "codeowners")]
    public const string ProjectWithoutOwner = "STD3003";

    /// <summary>A critical project whose CODEOWNERS rule names too few owners.</summary>
    [Rule("Critical project with too few owners", Severity.Error, "codeowners")]
    [RuleParameter("minOwners", "2", "Owners (users, teams or e-mail addresses) the CODEOWNERS rule for a critical project must name.")]
    public const string CriticalProjectTooFewOwners = "STD3004";

    /// <summary>A CODEOWNERS line that is not a valid rule.</summary>
    [Rule("Malformed CODEOWNERS line", Severity.Error, "codeowners")]
    public const string CodeOwnersMalformed = "STD3005";

    /// <summary>The src/ or tests/ folder is missing.</summary>
    [Rule("src/ or tests/ folder missing", Severity.Error, "source-and-test-folders")]
    public const string SourceOrTestsFolderMissing = "STD3006";

    /// <summary>An executable project outside cmd/&lt;App&gt;/.</summary>
    [Rule("Executable outside cmd/<App>/", Severity.Error, "executables-under-cmd", Kinds = [ProjectKinds.Service, ProjectKinds.Worker])]
    public const string ExecutableOutsideCmd = "STD3007";

    /// <summary>A project no test project references.</summary>
    [Rule("Project without a test project", Severity.Error, "test-projects")]
    public const string ProjectWithoutTests = "STD3008";

    /// <summary>The repo has no architecture decision records.</summary>
    [Rule("No architecture decision records", Severity.Error, "adrs")]
    public const string NoAdrs = "STD3010";

    /// <summary>An ADR file name that is not NNNN-kebab-case-title.md.</summary>
    [Rule("ADR file name not NNNN-kebab-case-title.md", Severity.Error, "adr-format")]
    public const string AdrFileName = "STD3011";

    /// <summary>ADR numbers duplicated or with gaps.</summary>
    [Rule("ADR numbers duplicated or with gaps", Severity.Error, "adr-format")]
    public const string AdrNumbering = "STD3012";

    /// <summary>An ADR Status or Date header missing or invalid.</summary>
    [Rule("ADR Status or Date header missing or invalid", Severity.Error, "adr-format")]
    public const string AdrHeader = "STD3013";

    /// <summary>An ADR section missing.</summary>
    [Rule("ADR section missing", Severity.Error, "adr-format")]
    public const string AdrSectionMissing = "STD3014";

    /// <summary>A deprecated or superseded ADR without a link to its replacement.</summary>
    [Rule("Deprecated or superseded ADR without a link to its replacement", Severity.Error, "adr-format")]
    public const string AdrReplacementLinkMissing = "STD3015";

    /// <summary>A service or worker repo without runbooks.</summary>
    [Rule("No runbooks", Severity.Error, "runbooks", Kinds = [ProjectKinds.Service, ProjectKinds.Worker])]
    public const string NoRunbooks = "STD3020";

    /// <summary>A runbook Owner or Last Validated header missing or invalid.</summary>
    [Rule("Runbook Owner or Last Validated header missing or invalid", Severity.Error, "runbook-format")]
    public const string RunbookHeader = "STD3021";

    /// <summary>A runbook section missing.</summary>
    [Rule("Runbook section missing", Severity.Error, "runbook-format")]
    public const string RunbookSectionMissing = "STD3022";

    /// <summary>The pull request template is missing or incomplete.</summary>
    [Rule("Pull request template missing or incomplete", Severity.Warning, "pull-request-template")]
    public const string PullRequestTemplate = "STD3030";

    /// <summary>SECURITY.md is missing.</summary>
    [Rule("SECURITY.md missing", Severity.Warning, "security-policy")]
    public const string SecurityPolicyMissing = "STD3031";

    /// <summary>A document past its review date.</summary>
    [Rule("Document past its review date", Severity.Warning, "documentation-freshness")]
    public const string DocumentPastReview = "STD3032";

    /// <summary>A generic folder name under src/ or cmd/.</summary>
    [Rule("Generic folder name under src/ or cmd/", Severity.Warning, "generic-names")]
    [RuleParameter("names", StandardsAnalyzerRules.DefaultGenericNames, "Folder name segments that say nothing about what the code in them does.", IsList = true)]
    public const string GenericFolderName = "STD3033";
}
