using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Layout;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    private const string LayoutArea = "Repository layout";

    /// <summary>The generic names the layout check reports as folder names (same default list as STD1005/STD1007).</summary>
    internal const string GenericFolderNames = StandardsAnalyzerRules.DefaultGenericNames;

    /// <summary>The files every repo has at its root (profile §3, first row).</summary>
    internal const string RequiredRootFiles = "README.md,CHANGELOG.md,.editorconfig,global.json,Directory.Packages.props";

    /// <summary>Repository layout rules (profile §3), STD3xxx. Reported once per build by the layout check.</summary>
    private static IEnumerable<RuleDefinition> LayoutRules()
    {
        const string rootFiles = "required-files";
        const string owners = "codeowners";
        const string folders = "source-and-test-folders";
        const string adrFormat = "adr-format";
        const string runbookFormat = "runbook-format";
        string[] hosts = [ProjectKinds.Service, ProjectKinds.Worker];

        yield return Layout(LayoutRuleIds.RequiredFileMissing, "Required repository file missing", Severity.Error, rootFiles) with
        {
            Parameters = [new RuleParameter("files", RequiredRootFiles, null, "Files every repo has at its root (layout.requiredPaths in standards.json adds more).", IsList: true)],
        };
        yield return Layout(LayoutRuleIds.CodeOwnersMissing, "CODEOWNERS missing", Severity.Error, owners);
        yield return Layout(LayoutRuleIds.ProjectWithoutOwner, "Project folder without a code owner", Severity.Error, owners);
        yield return Layout(LayoutRuleIds.CriticalProjectTooFewOwners, "Critical project with too few owners", Severity.Error, owners) with
        {
            Parameters = [new RuleParameter("minOwners", "2", null, "Owners (users, teams or e-mail addresses) the CODEOWNERS rule for a critical project must name.")],
        };
        yield return Layout(LayoutRuleIds.CodeOwnersMalformed, "Malformed CODEOWNERS line", Severity.Error, owners);
        yield return Layout(LayoutRuleIds.SourceOrTestsFolderMissing, "src/ or tests/ folder missing", Severity.Error, folders);
        yield return Layout(LayoutRuleIds.ExecutableOutsideCmd, "Executable outside cmd/<App>/", Severity.Error, "executables-under-cmd") with { Kinds = hosts };
        yield return Layout(LayoutRuleIds.ProjectWithoutTests, "Project without a test project", Severity.Error, "test-projects");
        yield return Layout(LayoutRuleIds.NoAdrs, "No architecture decision records", Severity.Error, "adrs");
        yield return Layout(LayoutRuleIds.AdrFileName, "ADR file name not NNNN-kebab-case-title.md", Severity.Error, adrFormat);
        yield return Layout(LayoutRuleIds.AdrNumbering, "ADR numbers duplicated or with gaps", Severity.Error, adrFormat);
        yield return Layout(LayoutRuleIds.AdrHeader, "ADR Status or Date header missing or invalid", Severity.Error, adrFormat);
        yield return Layout(LayoutRuleIds.AdrSectionMissing, "ADR section missing", Severity.Error, adrFormat);
        yield return Layout(LayoutRuleIds.AdrReplacementLinkMissing, "Deprecated or superseded ADR without a link to its replacement", Severity.Error, adrFormat);
        yield return Layout(LayoutRuleIds.NoRunbooks, "No runbooks", Severity.Error, "runbooks") with { Kinds = hosts };
        yield return Layout(LayoutRuleIds.RunbookHeader, "Runbook Owner or Last Validated header missing or invalid", Severity.Error, runbookFormat);
        yield return Layout(LayoutRuleIds.RunbookSectionMissing, "Runbook section missing", Severity.Error, runbookFormat);
        yield return Layout(LayoutRuleIds.PullRequestTemplate, "Pull request template missing or incomplete", Severity.Warning, "pull-request-template");
        yield return Layout(LayoutRuleIds.SecurityPolicyMissing, "SECURITY.md missing", Severity.Warning, "security-policy");
        yield return Layout(LayoutRuleIds.DocumentPastReview, "Document past its review date", Severity.Warning, "documentation-freshness");
        yield return Layout(LayoutRuleIds.GenericFolderName, "Generic folder name under src/ or cmd/", Severity.Warning, "generic-names") with
        {
            Parameters = [new RuleParameter("names", GenericFolderNames, null, "Folder name segments that say nothing about what the code in them does.", IsList: true)],
        };
    }

    private static RuleDefinition Layout(string id, string title, Severity severity, string source) =>
        Task(id, title, LayoutArea, severity, source);
}
