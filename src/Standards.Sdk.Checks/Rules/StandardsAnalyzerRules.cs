// The rules the Standards.Sdk analyzers report, each declared once: id, title, message, category, default severity,
// the standards profile rows it enforces, whether it is locked, and its numbers with their analyzer config keys.
//
// This one file is compiled into two assemblies (docs/architecture.md, "One declaration per rule"):
// - Standards.Sdk.Analyzers (STANDARDS_ANALYZERS), where each rule is the analyzer's DiagnosticDescriptor. The
//   declarations are descriptor-creation calls with constant ids, categories and DiagnosticSeverity fields, so
//   Microsoft.CodeAnalysis.Analyzers reads them as it reads any analyzer's descriptors: release tracking (RS2000-RS2008
//   against AnalyzerReleases.*.md) and the title, message and description checks (RS1031-RS1033).
// - Standards.Sdk.Checks, where each rule is the RuleDefinition the rule catalog lists, and from which the schema,
//   the rules index, the analyzer config and AnalyzerReleases.Unshipped.md are generated.
// The analyzer assembly is loaded by the compiler and cannot depend on the checks assembly, hence one source
// compiled twice rather than a reference. Each assembly supplies its own Declare, Number and List
// (StandardsAnalyzerRules.Descriptors.cs in the analyzers, StandardsAnalyzerRules.Catalog.cs here).
#if STANDARDS_ANALYZERS
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using RuleDeclaration = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace Standards.Sdk.Analyzers;
#else
using System.Reflection;
using DiagnosticSeverity = Standards.Sdk.Checks.Diagnostics.Severity;
using RuleDeclaration = Standards.Sdk.Checks.Rules.RuleDefinition;

namespace Standards.Sdk.Checks.Rules;
#endif

// RS1032 wants a multi-sentence message to end with a period. Ours end with the help link, and a trailing period
// would become part of the link when a terminal or IDE makes it clickable.
#pragma warning disable RS1032

/// <summary>
/// The Standards.Sdk analyzer rules (STD0101 and STD0103, which the policy task reports too, and the code-shape rules
/// STD1001-STD1006). The last message argument is always the help link built from
/// <see cref="AnalyzerConfigKeys.HelpBaseUrl"/>; the descriptors carry no help link of their own, since the compiler
/// would append it to every message after ours. A rule is added here and nowhere else (docs/contributing.md, "Adding
/// a rule"): <see cref="All"/> finds it by reflection.
/// </summary>
public static partial class StandardsAnalyzerRules
{
    /// <summary>The diagnostic category shared by all rules.</summary>
    public const string Category = "Standards";

    /// <summary>The default list of generic names (STD1005; STD1007 and STD3021 use the same list).</summary>
    public const string DefaultGenericNames = "Util,Utils,Common,Helper,Helpers,Misc";

    /// <summary>STD0101 Nullable reference types turned off (in source).</summary>
    public static readonly RuleDeclaration NullableTurnedOff = Declare(
        id: PolicyRuleIds.NullableLocked,
        title: "Nullable reference types turned off",
        messageFormat: "{0}; the policy keeps nullable reference types on with nullable warnings as errors. Remove it and fix the "
            + "warnings, or add an exception for STD0101 to standards.json scoped to this file or project. See {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A #nullable disable directive, or a #pragma warning or [SuppressMessage] that silences nullable "
            + "warnings, turns off in source what the build policy locks on.",
        profile: "nullable, locked-settings",
        locked: true);

    /// <summary>STD0103 A locked rule silenced without an exception (in source).</summary>
    public static readonly RuleDeclaration LockedRuleSilenced = Declare(
        id: PolicyRuleIds.LockedRuleSilenced,
        title: "A locked rule silenced without an exception",
        messageFormat: "{0} silences locked rule {1}. Fix the code instead, or add an exception for {1} to standards.json scoped to "
            + "this file or project. See {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A #pragma warning disable or a [SuppressMessage] attribute that names a locked rule (RS0030, the "
            + "security rules) turns off in source what the build policy locks on.",
        profile: "locked-settings, exceptions",
        locked: true);

    /// <summary>STD1001's limit: body lines above which a member is reported.</summary>
    public static readonly RuleParameter MethodLengthWarning = Number(
        "maxLines", 50, "Largest number of code lines a method body may have before a warning.", "standards.method_length.warning");

    /// <summary>STD1001 Method is too long.</summary>
    public static readonly RuleDeclaration MethodTooLong = Declare(
        id: CodeRuleIds.MethodTooLong,
        title: "Method is too long",
        messageFormat: "{0} '{1}' has {2} lines; the limit is {3}. Split it into smaller methods; if it must stay this long, "
            + "add an exception for this file to standards.json with the reason (the limit of the whole repo is \"STD1001\": {{ \"maxLines\": N }}). See {4}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A member body counts its non-blank lines that are not comment-only, between the braces (or of "
            + "the expression of an expression-bodied member). Long members are hard to read, test and review.",
        profile: "method-length",
        parameters: [MethodLengthWarning]);

    /// <summary>STD1002's limit: body lines above which a member is reported as an error instead of STD1001.</summary>
    public static readonly RuleParameter MethodLengthError = Number(
        "maxLines", 100, "Largest number of code lines a method body may have before an error.", "standards.method_length.error");

    /// <summary>STD1002 Method is far too long.</summary>
    public static readonly RuleDeclaration MethodFarTooLong = Declare(
        id: CodeRuleIds.MethodFarTooLong,
        title: "Method is far too long",
        messageFormat: "{0} '{1}' has {2} lines; the error limit is {3}. Split it into smaller methods; if it must stay this long, "
            + "add an exception for this file to standards.json with the reason (the limit of the whole repo is \"STD1002\": {{ \"maxLines\": N }}). See {4}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A member body longer than the error limit fails the build. Lines are counted as for STD1001, "
            + "which is not reported for the same member.",
        profile: "method-length",
        parameters: [MethodLengthError]);

    /// <summary>STD1003's limit: the control-flow nesting depth above which a member is reported.</summary>
    public static readonly RuleParameter NestingDepthWarning = Number(
        "maxDepth", 4, "Deepest control-flow nesting allowed in a member.", "standards.nesting_depth.warning");

    /// <summary>STD1003 Nesting is too deep.</summary>
    public static readonly RuleDeclaration NestingTooDeep = Declare(
        id: CodeRuleIds.NestingTooDeep,
        title: "Nesting is too deep",
        messageFormat: "{0} '{1}' nests control flow {2} levels deep; the limit is {3}. Return or continue early (guard clauses) "
            + "or extract the inner block into a method; if it must stay this deep, add an exception for this file to "
            + "standards.json with the reason (the limit of the whole repo is \"STD1003\": {{ \"maxDepth\": N }}). See {4}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Counts nested if/else, loops, switch, try, using blocks, lock, fixed, checked, unchecked and "
            + "unsafe blocks, including those inside lambdas and local functions. An else-if chain does not add depth.",
        profile: "nesting-depth",
        parameters: [NestingDepthWarning]);

    /// <summary>STD1004's limit: the physical lines above which a source file is reported.</summary>
    public static readonly RuleParameter FileLengthWarning = Number(
        "maxLines", 500, "Largest number of lines a source file may have.", "standards.file_length.warning");

    /// <summary>STD1004 File is too long.</summary>
    public static readonly RuleDeclaration FileTooLong = Declare(
        id: CodeRuleIds.FileTooLong,
        title: "File is too long",
        messageFormat: "File '{0}' has {1} lines; the limit is {2}. Split it into smaller files (one type per file); if it must "
            + "stay this long, add an exception for this file to standards.json with the reason (the limit of the whole repo is \"STD1004\": {{ \"maxLines\": N }}). See {3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Counts the physical lines of a source file. Generated files are not checked.",
        profile: "file-length",
        parameters: [FileLengthWarning]);

    /// <summary>STD1005's list: the namespace segments and folder names reported as generic (comma-separated, case-insensitive).</summary>
    public static readonly RuleParameter GenericNames = List(
        "names", DefaultGenericNames, "Names that say nothing about what the code does.", "standards.generic_names");

    /// <summary>STD1005 Generic name.</summary>
    public static readonly RuleDeclaration GenericName = Declare(
        id: CodeRuleIds.GenericName,
        title: "Generic namespace or folder name",
        messageFormat: "{0} '{1}' is a generic name (generic names: {2}). Name it after what its code does, or change the list "
            + "in standards.json: \"STD1005\": {{ \"names\": [...] }}. See {3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Namespaces and source folders named Util, Common, Helpers and the like collect unrelated code. "
            + "Name them after the capability they provide.",
        profile: "generic-names",
        parameters: [GenericNames]);

    /// <summary>STD1006: a to-do marker comment without owner and issue.</summary>
    public static readonly RuleDeclaration TodoWithoutOwnerAndIssue = Declare(
        id: CodeRuleIds.TodoWithoutOwnerAndIssue,
        title: "TODO without owner and issue",
        messageFormat: "{0} comment {1}. Write it as '{0}(owner): what to do #123' (an issue URL containing /issues/<number> "
            + "works too), or resolve it now. See {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "TODO, FIXME and HACK comments must name an owner and the issue that tracks the work, "
            + "in the form TODO(owner): text #123.",
        profile: "todo-comments");

    /// <summary>STD1010's list: values a test project may write under a secret name (a value equal to one or starting with one).</summary>
    public static readonly RuleParameter SecretTestValues = List(
        "testValues", "test,fake,dummy,sample,example,pass,password,secret,P@ssw0rd,Password1,wrong,invalid",
        "Values a test project may assign to a member, local, parameter or attribute named like a secret: a literal equal to one of them, or starting with one (any case), is not reported there.",
        "standards.secret_literal.test_values");

    /// <summary>STD1010 Secret in source code.</summary>
    public static readonly RuleDeclaration SecretInSource = Declare(
        id: CodeRuleIds.SecretInSource,
        title: "Secret in source code",
        messageFormat: "{0} is a secret ({1}, fingerprint {2}). Remove it, rotate it, and load it at run time from configuration "
            + "fed by the environment or a secret manager; if it is not a secret, add an exception for STD1010 to "
            + "standards.json scoped to this file, or, for a test value in a test project, list it in standards.json: "
            + "\"STD1010\": {{ \"testValues\": [...] }}. See {3}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string literal in a known credential format (cloud access keys, GitHub, GitLab, Slack, Stripe, npm, "
            + "SendGrid and Twilio tokens, private key blocks, JWTs, connection strings and URLs with a literal password, "
            + "storage account keys), or a literal that is not a placeholder assigned to a member, local, parameter or "
            + "attribute argument named like a secret (password, secret, api key, token, credential, connection string).",
        profile: "no-secrets",
        parameters: [SecretTestValues]);

    /// <summary>
    /// Every rule declared above, in id order, found by reflection so that a new declaration cannot be left out of
    /// the list (it must stay the last member initialised: it reads the fields above).
    /// </summary>
    public static System.Collections.Generic.IReadOnlyList<RuleDeclaration> All { get; } =
        typeof(StandardsAnalyzerRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(RuleDeclaration))
            .Select(field => (RuleDeclaration)field.GetValue(null)!)
            .OrderBy(rule => rule.Id, System.StringComparer.Ordinal)
            .ToList();
}

/// <summary>The ids of the code-shape rules the analyzers report (the rest of the STD10xx ids are in CodeRuleIds.cs of the checks).</summary>
public static partial class CodeRuleIds
{
    /// <summary>A member body is longer than the warning limit.</summary>
    public const string MethodTooLong = "STD1001";

    /// <summary>A member body is longer than the error limit.</summary>
    public const string MethodFarTooLong = "STD1002";

    /// <summary>Control flow nests too deep.</summary>
    public const string NestingTooDeep = "STD1003";

    /// <summary>A source file is too long.</summary>
    public const string FileTooLong = "STD1004";

    /// <summary>A generic namespace or folder name.</summary>
    public const string GenericName = "STD1005";

    /// <summary>A to-do marker comment without owner and issue.</summary>
    public const string TodoWithoutOwnerAndIssue = "STD1006";

    /// <summary>A secret in a C# string literal.</summary>
    public const string SecretInSource = "STD1010";
}

/// <summary>The ids of the locked-setting rules that the analyzers report for what source does (the rest of the STD0xxx ids are in PolicyRuleIds.cs of the checks).</summary>
public static partial class PolicyRuleIds
{
    /// <summary>Nullable reference types turned off or nullable warnings no longer errors.</summary>
    public const string NullableLocked = "STD0101";

    /// <summary>A locked rule silenced without an exception.</summary>
    public const string LockedRuleSilenced = "STD0103";
}

/// <summary>
/// The analyzer config keys (global config or .editorconfig) that every project's generated config carries besides
/// the rules' own numbers (<see cref="StandardsAnalyzerRules"/> parameters): written by Standards.Sdk, read by the analyzers.
/// </summary>
public static class AnalyzerConfigKeys
{
    /// <summary>Base URL of the rule pages; a message links to base + id + ".md".</summary>
    public const string HelpBaseUrl = "standards.help_base_url";

    /// <summary>The help base URL when standards.json sets none (also the default of <c>StandardsHelpBaseUrl</c> in Sdk.props).</summary>
    public const string DefaultHelpBaseUrl = "https://github.com/standards-sdk/standards-sdk/blob/main/docs/rules/";

    /// <summary>
    /// Comma-separated locked rule ids the source may not silence (<c>#pragma warning disable</c>,
    /// <c>[SuppressMessage]</c>) in this file; a file-scoped exception removes ids.
    /// </summary>
    public const string LockedRules = "standards.locked_rules";

    /// <summary><c>true</c> when the source may not turn nullable off (<c>#nullable disable</c>) in this file.</summary>
    public const string NullableLocked = "standards.nullable_locked";

    /// <summary><c>true</c> in a test project, supplied by the .NET SDK (<c>CompilerVisibleProperty</c> IsTestProject).</summary>
    public const string IsTestProject = "build_property.istestproject";

    /// <summary>The project directory, supplied by the .NET SDK (<c>CompilerVisibleProperty</c> ProjectDir).</summary>
    public const string ProjectDir = "build_property.projectdir";
}
