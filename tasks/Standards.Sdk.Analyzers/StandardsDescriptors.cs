using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Standards.Sdk.Analyzers;

// RS1032 wants a multi-sentence message to end with a period. Ours end with the help link, and a trailing period
// would become part of the link when a terminal or IDE makes it clickable.
#pragma warning disable RS1032

/// <summary>
/// The descriptors of all Standards.Sdk code rules. Severities are the defaults of the standards profile; users change
/// them with <c>dotnet_diagnostic.STD1001.severity</c>. The last message argument is always the help link built from
/// <c>standards.help_base_url</c>; <see cref="DiagnosticDescriptor.HelpLinkUri"/> uses the default base URL.
/// </summary>
public static class StandardsDescriptors
{
    /// <summary>The diagnostic category shared by all rules.</summary>
    public const string Category = "Standards";

    /// <summary>STD1001 Method is too long.</summary>
    public static readonly DiagnosticDescriptor MethodTooLong = new DiagnosticDescriptor(
        RuleIds.MethodTooLong,
        "Method is too long",
        "{0} '{1}' has {2} lines; the limit is {3}. Split it into smaller methods, or raise the limit in "
            + "standards.json: \"STD1001\": {{ \"maxLines\": N }}. See {4}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A member body counts its non-blank lines that are not comment-only, between the braces (or of "
            + "the expression of an expression-bodied member). Long members are hard to read, test and review.");

    /// <summary>STD1002 Method is far too long.</summary>
    public static readonly DiagnosticDescriptor MethodFarTooLong = new DiagnosticDescriptor(
        RuleIds.MethodFarTooLong,
        "Method is far too long",
        "{0} '{1}' has {2} lines; the error limit is {3}. Split it into smaller methods, or raise the limit in "
            + "standards.json: \"STD1002\": {{ \"maxLines\": N }}. See {4}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A member body longer than the error limit fails the build. Lines are counted as for STD1001, "
            + "which is not reported for the same member.");

    /// <summary>STD1003 Nesting is too deep.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep = new DiagnosticDescriptor(
        RuleIds.NestingTooDeep,
        "Nesting is too deep",
        "{0} '{1}' nests control flow {2} levels deep; the limit is {3}. Return or continue early (guard clauses) "
            + "or extract the inner block into a method, or raise the limit in standards.json: "
            + "\"STD1003\": {{ \"maxDepth\": N }}. See {4}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Counts nested if/else, loops, switch, try, using blocks, lock, fixed, checked, unchecked and "
            + "unsafe blocks, including those inside lambdas and local functions. An else-if chain does not add depth.");

    /// <summary>STD1004 File is too long.</summary>
    public static readonly DiagnosticDescriptor FileTooLong = new DiagnosticDescriptor(
        RuleIds.FileTooLong,
        "File is too long",
        "File '{0}' has {1} lines; the limit is {2}. Split it into smaller files (one type per file), or raise the "
            + "limit in standards.json: \"STD1004\": {{ \"maxLines\": N }}. See {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Counts the physical lines of a source file. Generated files are not checked.");

    /// <summary>STD1005 Generic name.</summary>
    public static readonly DiagnosticDescriptor GenericName = new DiagnosticDescriptor(
        RuleIds.GenericName,
        "Generic namespace or folder name",
        "{0} '{1}' is a generic name (generic names: {2}). Name it after what its code does, or change the list "
            + "in standards.json: \"STD1005\": {{ \"names\": [...] }}. See {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Namespaces and source folders named Util, Common, Helpers and the like collect unrelated code. "
            + "Name them after the capability they provide.");

    /// <summary>STD1006 TODO without owner and issue.</summary>
    public static readonly DiagnosticDescriptor TodoWithoutOwnerAndIssue = new DiagnosticDescriptor(
        RuleIds.TodoWithoutOwnerAndIssue,
        "TODO without owner and issue",
        "{0} comment {1}. Write it as '{0}(owner): what to do #123' (an issue URL containing /issues/<number> "
            + "works too), or resolve it now. See {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "TODO, FIXME and HACK comments must name an owner and the issue that tracks the work, "
            + "in the form TODO(owner): text #123.");

    /// <summary>STD0101 Nullable reference types turned off (in source).</summary>
    public static readonly DiagnosticDescriptor NullableTurnedOff = new DiagnosticDescriptor(
        RuleIds.NullableTurnedOff,
        "Nullable reference types turned off",
        "{0}; the policy keeps nullable reference types on with nullable warnings as errors. Remove it and fix the "
            + "warnings, or add an exception for STD0101 to standards.json scoped to this file or project. See {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A #nullable disable directive, or a #pragma warning or [SuppressMessage] that silences nullable "
            + "warnings, turns off in source what the build policy locks on.");

    /// <summary>STD0103 A locked rule silenced without an exception (in source).</summary>
    public static readonly DiagnosticDescriptor LockedRuleSilenced = new DiagnosticDescriptor(
        RuleIds.LockedRuleSilenced,
        "A locked rule silenced without an exception",
        "{0} silences locked rule {1}. Fix the code instead, or add an exception for {1} to standards.json scoped to "
            + "this file or project. See {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A #pragma warning disable or a [SuppressMessage] attribute that names a locked rule (RS0030, the "
            + "security rules) turns off in source what the build policy locks on.");

    /// <summary>All descriptors, in rule id order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        NullableTurnedOff,
        LockedRuleSilenced,
        MethodTooLong,
        MethodFarTooLong,
        NestingTooDeep,
        FileTooLong,
        GenericName,
        TodoWithoutOwnerAndIssue,
    ];
}
