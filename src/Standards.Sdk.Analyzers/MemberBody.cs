using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Standards.Sdk.Analyzers;

/// <summary>The body of a member that STD1001-STD1003 measure, with the name and location to report.</summary>
internal sealed class MemberBody
{
    private MemberBody(string kind, string name, Location location, BlockSyntax? block, ExpressionSyntax? expression)
    {
        Kind = kind;
        Name = name;
        Location = location;
        Block = block;
        Expression = expression;
    }

    /// <summary>Kinds of the members (and local functions) that have a measured body.</summary>
    internal static SyntaxKind[] MemberKinds { get; } =
    [
        SyntaxKind.MethodDeclaration,
        SyntaxKind.ConstructorDeclaration,
        SyntaxKind.DestructorDeclaration,
        SyntaxKind.OperatorDeclaration,
        SyntaxKind.ConversionOperatorDeclaration,
        SyntaxKind.GetAccessorDeclaration,
        SyntaxKind.SetAccessorDeclaration,
        SyntaxKind.InitAccessorDeclaration,
        SyntaxKind.AddAccessorDeclaration,
        SyntaxKind.RemoveAccessorDeclaration,
        SyntaxKind.PropertyDeclaration,
        SyntaxKind.IndexerDeclaration,
    ];

    /// <summary>"Method", "Constructor", "Accessor", ... for the message.</summary>
    internal string Kind { get; }

    internal string Name { get; }

    /// <summary>The member's identifier (or keyword / operator token where it has none).</summary>
    internal Location Location { get; }

    /// <summary>The block body, if the member has one.</summary>
    internal BlockSyntax? Block { get; }

    /// <summary>The expression of an expression-bodied member.</summary>
    internal ExpressionSyntax? Expression { get; }

    /// <summary>The node to measure: the block or the expression.</summary>
    internal SyntaxNode? Root => (SyntaxNode?)Block ?? Expression;

    internal static MemberBody? From(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => Create("Method", m.Identifier, m.Body, m.ExpressionBody),
        ConstructorDeclarationSyntax c => Create("Constructor", c.Identifier, c.Body, c.ExpressionBody),
        DestructorDeclarationSyntax d => Create(
            "Finalizer", "~" + d.Identifier.ValueText, d.Identifier.GetLocation(), d.Body, d.ExpressionBody),
        OperatorDeclarationSyntax o => Create(
            "Operator", "operator " + o.OperatorToken.Text, o.OperatorToken.GetLocation(), o.Body, o.ExpressionBody),
        ConversionOperatorDeclarationSyntax c => Create(
            "Conversion operator",
            c.ImplicitOrExplicitKeyword.Text + " operator " + c.Type,
            c.Type.GetLocation(),
            c.Body,
            c.ExpressionBody),
        AccessorDeclarationSyntax a => Create(
            "Accessor", OwnerName(a) + "." + a.Keyword.Text, a.Keyword.GetLocation(), a.Body, a.ExpressionBody),
        PropertyDeclarationSyntax { ExpressionBody: not null } p => Create(
            "Property", p.Identifier, null, p.ExpressionBody),
        IndexerDeclarationSyntax { ExpressionBody: not null } i => Create(
            "Indexer", "this[]", i.ThisKeyword.GetLocation(), null, i.ExpressionBody),
        LocalFunctionStatementSyntax f => Create("Local function", f.Identifier, f.Body, f.ExpressionBody),
        _ => null,
    };

    private static MemberBody? Create(
        string kind, SyntaxToken identifier, BlockSyntax? block, ArrowExpressionClauseSyntax? arrow) =>
        Create(kind, identifier.ValueText, identifier.GetLocation(), block, arrow);

    private static MemberBody? Create(
        string kind, string name, Location location, BlockSyntax? block, ArrowExpressionClauseSyntax? arrow)
    {
        var expression = block is null ? arrow?.Expression : null;
        return block is null && expression is null ? null : new MemberBody(kind, name, location, block, expression);
    }

    private static string OwnerName(AccessorDeclarationSyntax accessor) => accessor.Parent?.Parent switch
    {
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        EventDeclarationSyntax e => e.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        _ => string.Empty,
    };
}
