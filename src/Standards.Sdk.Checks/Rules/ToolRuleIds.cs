using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The codes of `dotnet standards` (STD75xx), reported by Standards.Adoption; each has a page under docs/rules. Each
/// constant is its rule's one declaration ([Rule]); the catalog reads it from here.
/// </summary>
[RuleArea("dotnet standards tool")]
public static class ToolRuleIds
{
    /// <summary>The git working tree has uncommitted changes.</summary>
    [Rule("The git tree has uncommitted changes", Severity.Error, "adoption-baseline")]
    public const string DirtyTree = "STD7501";

    /// <summary>A project file is not well-formed XML.</summary>
    [Rule("A project file cannot be parsed", Severity.Error, "adoption-baseline")]
    public const string ProjectUnparsable = "STD7502";

    /// <summary>No project file under the path.</summary>
    [Rule("No project to adopt", Severity.Error, "adoption-baseline")]
    public const string NoProjects = "STD7503";

    /// <summary>A baseline file (repo or code) is malformed.</summary>
    [Rule("A baseline file is malformed", Severity.Error, "adoption-baseline")]
    public const string BaselineMalformed = "STD7504";

    /// <summary>global.json or Directory.Packages.props is malformed.</summary>
    [Rule("global.json or Directory.Packages.props is malformed", Severity.Error, "adoption-baseline")]
    public const string ConfigurationMalformed = "STD7505";

    /// <summary>A restore or build the tool runs failed to start or to restore.</summary>
    [Rule("A restore or build the tool runs failed", Severity.Error, "adoption-baseline")]
    public const string BuildFailed = "STD7506";

    /// <summary>A finding that cannot be baselined (a compiler error, a configuration error, an unknown analyzer).</summary>
    [Rule("A finding cannot be baselined", Severity.Error, "adoption-baseline")]
    public const string NotBaselinable = "STD7507";

    /// <summary>The command line is wrong (unknown command or option, missing value, path not found).</summary>
    [Rule("Wrong command line", Severity.Error, "adoption-baseline")]
    public const string Usage = "STD7508";

    /// <summary>Writing the change set failed; every file was put back.</summary>
    [Rule("The change set could not be written", Severity.Error, "adoption-baseline")]
    public const string WriteFailed = "STD7509";

    /// <summary>The rule catalog of an SDK package cannot be read.</summary>
    [Rule("A rule catalog cannot be read", Severity.Error, "adoption-baseline")]
    public const string CatalogMalformed = "STD7510";

    /// <summary>The requested Standards.Sdk version is not served (unknown, unlisted) by the configured feeds.</summary>
    [Rule("The requested version is not on the feeds", Severity.Error, "adoption-baseline")]
    public const string VersionUnavailable = "STD7511";

    /// <summary>A configured package feed cannot be reached or read.</summary>
    [Rule("A package feed cannot be reached", Severity.Error, "adoption-baseline")]
    public const string FeedUnreachable = "STD7512";

    /// <summary>The repo does not pin Standards.Sdk in global.json, so there is nothing to upgrade.</summary>
    [Rule("The repo is not on Standards.Sdk", Severity.Error, "adoption-baseline")]
    public const string NotOnSdk = "STD7513";

    /// <summary>The target version is older than the pinned one and the downgrade was not asked for.</summary>
    [Rule("The target version is older than the pinned one", Severity.Error, "adoption-baseline")]
    public const string Downgrade = "STD7514";

    /// <summary>The feeds serve Standards.Sdk at the target version but not a package that moves with it (the tool, another Standards.* package).</summary>
    [Rule("A Standards package is missing at the target version", Severity.Error, "adoption-baseline")]
    public const string PackagesOutOfStep = "STD7515";

    /// <summary>A restore or build the tool runs in its copy of the repo did not build it (SDK, import, package or feed not found, a project not loaded): it measured nothing.</summary>
    [Rule("A build the tool runs did not build the repo", Severity.Error, "adoption-baseline")]
    public const string BuildDidNotRun = "STD7516";

    /// <summary>The survey build compiled the code of no project on Standards.Sdk: there is nothing to count.</summary>
    [Rule("The survey build analysed no code", Severity.Error, "adoption-baseline")]
    public const string NothingAnalysed = "STD7517";

    /// <summary>A compliance.json given to `dotnet standards report` is not valid JSON or lacks a member of its schema.</summary>
    [Rule("A compliance file is malformed", Severity.Error, "adoption-baseline")]
    public const string ComplianceMalformed = "STD7520";

    /// <summary>A compliance.json was written with a schema version newer than the tool reads.</summary>
    [Rule("A compliance file has a newer schema version", Severity.Error, "adoption-baseline")]
    public const string ComplianceFutureVersion = "STD7521";

    /// <summary>Two compliance files describe the same repo and commit.</summary>
    [Rule("Two compliance files for the same commit", Severity.Error, "adoption-baseline")]
    public const string ComplianceDuplicate = "STD7522";

    /// <summary>A path given to `dotnet standards report` has no compliance.json (a folder with none, a missing file).</summary>
    [Rule("No compliance file at a path", Severity.Error, "adoption-baseline")]
    public const string ComplianceNotFound = "STD7523";

    /// <summary>No usable compliance file among the inputs, or the report cannot be written: nothing is written.</summary>
    [Rule("The fleet report cannot be made", Severity.Error, "adoption-baseline")]
    public const string ReportNotWritten = "STD7524";

    /// <summary>A compliance file, or the inputs of `dotnet standards report` together, exceed the report's documented limits (size of a file, size in all, number of files).</summary>
    [Rule("A report input exceeds the limits", Severity.Error, "adoption-baseline")]
    public const string ComplianceTooLarge = "STD7525";

    /// <summary>A path under an input folder of `dotnet standards report` is not read: a link out of the folder, a link loop or dangling link, or not a regular file (FIFO, socket, device).</summary>
    [Rule("A report input path is not followed or not read", Severity.Error, "adoption-baseline")]
    public const string ComplianceNotRegular = "STD7526";

    /// <summary>`dotnet standards update` finds no .standards/template-record.json (or the earlier .standards/template.json): the repo does not say what generated it.</summary>
    [Rule("The repo has no template record", Severity.Error, "adoption-baseline")]
    public const string TemplateRecordMissing = "STD7530";

    /// <summary>.standards/template-record.json is not a template record (not JSON, a missing or wrong value).</summary>
    [Rule("The template record is malformed", Severity.Error, "adoption-baseline")]
    public const string TemplateRecordMalformed = "STD7531";

    /// <summary>The template pack cannot be installed into the private hive, or the template cannot be generated from the record.</summary>
    [Rule("The template cannot be generated from the record", Severity.Error, "adoption-baseline")]
    public const string TemplateGenerationFailed = "STD7532";

    /// <summary>A binary file both the team and the template changed: left as the team has it, listed.</summary>
    [Rule("A binary file changed on both sides", Severity.Error, "adoption-baseline")]
    public const string TemplateBinaryConflict = "STD7533";

    /// <summary>The template changed a file the team deleted or renamed: nothing is written there, listed.</summary>
    [Rule("A file the template changed was deleted or renamed", Severity.Error, "adoption-baseline")]
    public const string TemplateFileGone = "STD7534";

    /// <summary>The template changed lines the team also changed: written with conflict markers, listed.</summary>
    [Rule("A template change conflicts with the team's edit", Severity.Error, "adoption-baseline")]
    public const string TemplateMergeConflict = "STD7535";

    /// <summary>The template removed a file the team changed: kept, listed.</summary>
    [Rule("The template removed a file the team changed", Severity.Error, "adoption-baseline")]
    public const string TemplateRemovedChanged = "STD7536";

    /// <summary>`update --init` on a repo that already has a template record.</summary>
    [Rule("The repo already has a template record", Severity.Error, "adoption-baseline")]
    public const string TemplateRecordExists = "STD7537";

    /// <summary>A read-only command (survey, --check, --dry-run) finds the journal of a change an earlier command was stopped in: the tree is half written, so nothing is checked or written.</summary>
    [Rule("A change was interrupted and is not put back yet", Severity.Error, "adoption-baseline")]
    public const string JournalPending = "STD7540";

    /// <summary>git tracks files under .standards-journal: a journal is local state and one from a commit is never replayed.</summary>
    [Rule("The change journal is committed", Severity.Error, "adoption-baseline")]
    public const string JournalCommitted = "STD7541";

    /// <summary>The change journal cannot be read or names a file outside the repo: the whole journal is refused and nothing is touched.</summary>
    [Rule("The change journal is refused", Severity.Error, "adoption-baseline")]
    public const string JournalRefused = "STD7542";

    /// <summary>A path read from the repo (a listing, a record, a baseline) resolves outside the repo root, into .git or to a device or pipe.</summary>
    [Rule("A path in the repo leads outside it", Severity.Error, "adoption-baseline")]
    public const string PathOutsideRepo = "STD7543";

    /// <summary>adopt would record a finding about a file it wrote itself in this run; it must write that file right instead.</summary>
    [Rule("adopt would baseline a file it wrote", Severity.Error, "adoption-baseline")]
    public const string BaselinedOwnFile = "STD7544";
}
