using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// STD0101 and STD0103 for what the source does to drop a locked rule, which the build's own checks cannot see:
/// <c>#pragma warning disable</c> of a locked rule, of a nullable warning or of everything (no ids),
/// <c>#nullable disable</c> (any form), and <c>[SuppressMessage]</c> / <c>[UnconditionalSuppressMessage]</c> naming a
/// locked rule or a nullable warning, on a member or at assembly or module level. Which rules are locked comes
/// from the analyzer config Standards.Sdk generates (<see cref="AnalyzerConfigKeys.LockedRules"/>,
/// <see cref="AnalyzerConfigKeys.NullableLocked"/>); a file-scoped exception removes ids for its files. The
/// analyzer inspects directives and attributes itself, so a <c>#pragma warning disable</c> cannot hide itself.
/// Generated code is not checked (EF Core migrations and the like write <c>#nullable disable</c> by design).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LockedRuleSuppressionAnalyzer : DiagnosticAnalyzer
{
    private const string NullableKeyword = "nullable";

    private static readonly HashSet<string> SuppressionAttributes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute",
        "System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessageAttribute",
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StandardsAnalyzerRules.NullableTurnedOff, StandardsAnalyzerRules.LockedRuleSilenced);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeDirectives);
        context.RegisterSyntaxNodeAction(AnalyzeAttribute, SyntaxKind.Attribute);
    }

    /// <summary>True for the C# nullable warnings (CS8597-CS9264 as the compiler groups them under "nullable").</summary>
    internal static bool IsNullableWarning(string id) =>
        string.Equals(id, NullableKeyword, StringComparison.OrdinalIgnoreCase) || NullableWarningIds.Contains(id);

    private static readonly HashSet<string> NullableWarningIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CS8597", "CS8600", "CS8601", "CS8602", "CS8603", "CS8604", "CS8605", "CS8607", "CS8608", "CS8609",
        "CS8610", "CS8611", "CS8612", "CS8613", "CS8614", "CS8615", "CS8616", "CS8617", "CS8618", "CS8619",
        "CS8620", "CS8621", "CS8622", "CS8624", "CS8625", "CS8629", "CS8631", "CS8632", "CS8633", "CS8634",
        "CS8643", "CS8644", "CS8645", "CS8655", "CS8667", "CS8669", "CS8670", "CS8714", "CS8762", "CS8763",
        "CS8764", "CS8765", "CS8766", "CS8767", "CS8768", "CS8769", "CS8770", "CS8774", "CS8775", "CS8776",
        "CS8777", "CS8819", "CS8824", "CS8825", "CS8847", "CS9158", "CS9159", "CS9264",
    };

    private static void AnalyzeDirectives(SyntaxTreeAnalysisContext context)
    {
        try
        {
            if (GeneratedCode.IsGenerated(context.Tree, context.CancellationToken))
            {
                return;
            }

            var locks = Locks.For(context.Options, context.Tree);
            if (!locks.Any)
            {
                return;
            }

            var root = context.Tree.GetRoot(context.CancellationToken);
            for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
            {
                switch (directive)
                {
                    case PragmaWarningDirectiveTriviaSyntax pragma when pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword):
                        Pragma(context, pragma, locks);
                        break;
                    case NullableDirectiveTriviaSyntax nullable when nullable.SettingToken.IsKind(SyntaxKind.DisableKeyword) && locks.Nullable:
                        var what = nullable.TargetToken.IsKind(SyntaxKind.None) ? "#nullable disable" : "#nullable disable " + nullable.TargetToken.ValueText;
                        context.ReportDiagnostic(Diagnostic.Create(StandardsAnalyzerRules.NullableTurnedOff, nullable.GetLocation(),
                            what + " turns nullable reference types off", locks.HelpLink(PolicyRuleIds.NullableLocked)));
                        break;
                }
            }
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
        }
    }

    private static void Pragma(SyntaxTreeAnalysisContext context, PragmaWarningDirectiveTriviaSyntax pragma, Locks locks)
    {
        if (pragma.ErrorCodes.Count == 0)
        {
            // No ids: every warning, and every warning-as-error, of the rest of the file.
            if (locks.Rules.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(StandardsAnalyzerRules.LockedRuleSilenced, pragma.GetLocation(),
                    "#pragma warning disable (without ids)", string.Join(", ", Sample(locks.Rules)), locks.HelpLink(PolicyRuleIds.LockedRuleSilenced)));
            }

            if (locks.Nullable)
            {
                context.ReportDiagnostic(Diagnostic.Create(StandardsAnalyzerRules.NullableTurnedOff, pragma.GetLocation(),
                    "#pragma warning disable (without ids) silences the nullable warnings", locks.HelpLink(PolicyRuleIds.NullableLocked)));
            }

            return;
        }

        foreach (var code in pragma.ErrorCodes)
        {
            var id = code switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText,
                LiteralExpressionSyntax literal when literal.Token.Value is int number => "CS" + number.ToString("D4", CultureInfo.InvariantCulture),
                _ => code.ToString(),
            };
            Check(context.ReportDiagnostic, code.GetLocation(), "#pragma warning disable " + code, id, locks);
        }
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context)
    {
        try
        {
            var attribute = (AttributeSyntax)context.Node;
            var name = attribute.Name.ToString();
            if (name.IndexOf("SuppressMessage", StringComparison.Ordinal) < 0
                || attribute.ArgumentList is not { Arguments.Count: >= 2 } arguments
                || GeneratedCode.IsGenerated(attribute.SyntaxTree, context.CancellationToken))
            {
                return;
            }

            var locks = Locks.For(context.Options, attribute.SyntaxTree);
            if (!locks.Any
                || context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol?.ContainingType is not { } type
                || !SuppressionAttributes.Contains(type.ToDisplayString()))
            {
                return;
            }

            var checkId = arguments.Arguments[1];
            if (context.SemanticModel.GetConstantValue(checkId.Expression, context.CancellationToken).Value is not string text)
            {
                return;
            }

            // "RS0030", or "RS0030:DoNotUseBannedApis" as the IDE writes it.
            var colon = text.IndexOf(':');
            var id = (colon < 0 ? text : text.Substring(0, colon)).Trim();
            Check(context.ReportDiagnostic, attribute.GetLocation(), "[" + name + "(\"" + text + "\")]", id, locks);
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
        }
    }

    private static void Check(Action<Diagnostic> report, Location location, string what, string id, Locks locks)
    {
        if (locks.Nullable && (IsNullableWarning(id) || string.Equals(id, PolicyRuleIds.NullableLocked, StringComparison.OrdinalIgnoreCase)))
        {
            report(Diagnostic.Create(StandardsAnalyzerRules.NullableTurnedOff, location,
                what + " silences " + (IsNullableWarning(id) && !id.StartsWith("CS", StringComparison.OrdinalIgnoreCase) ? "the nullable warnings" : id.ToUpperInvariant()),
                locks.HelpLink(PolicyRuleIds.NullableLocked)));
            return;
        }

        if (locks.Rules.Contains(id) || (locks.Rules.Count > 0 && string.Equals(id, PolicyRuleIds.LockedRuleSilenced, StringComparison.OrdinalIgnoreCase)))
        {
            report(Diagnostic.Create(StandardsAnalyzerRules.LockedRuleSilenced, location, what, id.ToUpperInvariant(), locks.HelpLink(PolicyRuleIds.LockedRuleSilenced)));
        }
    }

    private static IEnumerable<string> Sample(IReadOnlyCollection<string> ids)
    {
        var list = new List<string>(ids);
        list.Sort(StringComparer.Ordinal);
        return list.Count <= 3 ? list : new[] { list[0], list[1], list[2], "and " + (list.Count - 3).ToString(CultureInfo.InvariantCulture) + " more" };
    }

    /// <summary>What the analyzer config says is locked for one file.</summary>
    private sealed class Locks
    {
        private readonly AnalyzerOptions options;
        private readonly SyntaxTree tree;

        private Locks(AnalyzerOptions options, SyntaxTree tree, HashSet<string> rules, bool nullable)
        {
            this.options = options;
            this.tree = tree;
            Rules = rules;
            Nullable = nullable;
        }

        public HashSet<string> Rules { get; }

        public bool Nullable { get; }

        public bool Any => Rules.Count > 0 || Nullable;

        public static Locks For(AnalyzerOptions options, SyntaxTree tree)
        {
            var rules = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in (StandardsSettings.GetRaw(options, tree, AnalyzerConfigKeys.LockedRules) ?? string.Empty).Split(','))
            {
                if (id.Trim().Length > 0)
                {
                    rules.Add(id.Trim());
                }
            }

            var nullable = string.Equals(StandardsSettings.GetRaw(options, tree, AnalyzerConfigKeys.NullableLocked), "true", StringComparison.OrdinalIgnoreCase);
            return new Locks(options, tree, rules, nullable);
        }

        public string HelpLink(string ruleId) => StandardsSettings.GetHelpLink(options, tree, ruleId);
    }
}
