using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// STD1010: a string literal in a known credential format (<see cref="SecretDetector.FindFormats"/>, the detector the
/// repository check STD3040 uses), or a literal that is not a placeholder assigned to a member, local, parameter,
/// named argument or attribute argument whose name says it is a secret (<see cref="SecretDetector.IsSecretName"/>).
/// In a test project (<c>build_property.IsTestProject</c>), a literal under a secret name equal to or starting with one
/// of <c>standards.secret_literal.test_values</c> is not reported, nor are passwords in connection strings and URLs
/// (test databases and brokers); the other known formats are. The message names the kind and
/// the fingerprint, never the secret.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StandardsAnalyzerRules.SecretInSource);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression);
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        try
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            var value = literal.Token.ValueText;
            var found = Find(context, literal, value);
            if (found is { } secret)
            {
                var tree = literal.SyntaxTree;
                var helpLink = StandardsSettings.GetHelpLink(context.Options, tree, CodeRuleIds.SecretInSource);
                context.ReportDiagnostic(Diagnostic.Create(
                    StandardsAnalyzerRules.SecretInSource, literal.GetLocation(), secret.What, secret.Kind, secret.Fingerprint, helpLink));
            }
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
            // Never fail the build because of the analyzer itself.
        }
    }

    private static (string What, string Kind, string Fingerprint)? Find(SyntaxNodeAnalysisContext context, LiteralExpressionSyntax literal, string value)
    {
        var isTest = IsTestProject(context, literal.SyntaxTree);
        var format = SecretDetector.FindFormats(value).FirstOrDefault(f => !isTest || !IsTestConnectionPassword(f.Kind));
        if (format is not null)
        {
            return ("The string literal", format.Kind, format.Fingerprint);
        }

        var name = AssignedName(literal, context.SemanticModel, context.CancellationToken);
        if (name is null || !SecretDetector.IsSecretName(name) || !SecretDetector.IsSecretValue(value)
            || (isTest && IsAllowedTestValue(context, literal.SyntaxTree, value)))
        {
            return null;
        }

        var kind = SecretKinds.NamedSecret;
        return ($"The literal assigned to '{name}'", kind, SecretDetector.Fingerprint(kind, value.Trim()));
    }

    /// <summary>The name the literal is given to: variable, property, field, parameter default, assignment target, named or positional argument.</summary>
    internal static string? AssignedName(ExpressionSyntax literal, SemanticModel model, System.Threading.CancellationToken cancellation)
    {
        var parent = literal.Parent;
        return parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } => variable.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: ParameterSyntax parameter } => parameter.Identifier.ValueText,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            AssignmentExpressionSyntax assignment when assignment.Right == literal => TargetName(assignment.Left),
            AttributeArgumentSyntax { NameEquals: { } nameEquals } => nameEquals.Name.Identifier.ValueText,
            AttributeArgumentSyntax { NameColon: { } nameColon } => nameColon.Name.Identifier.ValueText,
            AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } => nameEquals.Name.Identifier.ValueText,
            ArgumentSyntax { NameColon: { } nameColon } => nameColon.Name.Identifier.ValueText,
            ArgumentSyntax argument => (model.GetOperation(argument, cancellation) as IArgumentOperation)?.Parameter?.Name,
            AttributeArgumentSyntax argument => (model.GetOperation(argument.Expression, cancellation)?.Parent as IArgumentOperation)?.Parameter?.Name,
            _ => null,
        };
    }

    private static string? TargetName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsTestProject(SyntaxNodeAnalysisContext context, SyntaxTree tree) =>
        string.Equals(StandardsSettings.GetString(context.Options, tree, AnalyzerConfigKeys.IsTestProject), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Passwords of connection strings and URLs in a test project: test databases and brokers, not reported there.</summary>
    private static bool IsTestConnectionPassword(string kind) =>
        kind == SecretKinds.ConnectionStringPassword || kind == SecretKinds.UrlPassword;

    /// <summary>A test value: it, or the text it is the base64 of (a test signing key), starts with one of the test values.</summary>
    private static bool IsAllowedTestValue(SyntaxNodeAnalysisContext context, SyntaxTree tree, string value)
    {
        var trimmed = value.Trim();
        var decoded = Base64Text(trimmed);
        return StandardsSettings.GetList(context.Options, tree, StandardsAnalyzerRules.SecretTestValues)
            .Any(allowed => trimmed.StartsWith(allowed, StringComparison.OrdinalIgnoreCase)
                || (decoded is not null && decoded.StartsWith(allowed, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The printable ASCII text <paramref name="value"/> is the base64 of, or null.</summary>
    private static string? Base64Text(string value)
    {
        if (value.Length < 8 || value.Length % 4 != 0)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(value);
            return bytes.All(b => b >= 0x20 && b < 0x7f) ? System.Text.Encoding.ASCII.GetString(bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
