using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Core;

/// <summary>
/// The source half of the dependency graph: the checks' net10.0 sources compiled against the running runtime's
/// assemblies, every name bound. The IL half cannot see a const, an enum value or a nameof of another folder (the
/// compiler copies the value), so a folder cycle through one would pass it.
/// </summary>
public partial class DependencyDirectionTests
{
    // The SDK's implicit usings of the checks' project (ImplicitUsings in Directory.Build.props).
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<CSharpCompilation> Sources = new(CompileSources);

    [Fact]
    public void The_sources_bind_every_name_the_graph_reads()
    {
        // A name that does not bind hides what it uses: the source half would miss a dependency and pass.
        var unbound = SourceUseList.Value.Unbound;

        Assert.True(unbound.Count == 0, "Names in the checks' sources that the test's compilation cannot bind:\n" + string.Join("\n", unbound.Take(20)));
        Assert.True(Sources.Value.SyntaxTrees.Length > 100, "the checks' sources were not found");
    }

    [Fact]
    public void The_graph_sees_a_const_of_another_folder_that_the_IL_does_not_show()
    {
        // Baseline's use of the rule ids: consts only (RuleIds.*), copied into the IL as strings.
        var uses = SourceUses().Where(u => u.From == "Rules" || u.To == "Rules").ToList();
        Assert.NotEmpty(uses);
        Assert.Contains(SourceUses(), u => u.Example.Contains("const", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each use in the sources of what the IL does not show, in another folder: a const, an enum member, or anything
    /// named in a nameof; from, to, and "file:line: Symbol". Only those names are bound (every type use is in the IL).
    /// </summary>
    private static List<(string From, string To, string Example)> SourceUses() => SourceUseList.Value.Uses;

    private static readonly Lazy<(List<(string From, string To, string Example)> Uses, List<string> Unbound)> SourceUseList = new(ReadSourceUses);

    private static (List<(string From, string To, string Example)> Uses, List<string> Unbound) ReadSourceUses()
    {
        var compilation = Sources.Value;
        var copiedNames = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes())
            .SelectMany(n => n switch
            {
                FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword) => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
                EnumMemberDeclarationSyntax member => [member.Identifier.ValueText],
                _ => [],
            })
            .ToHashSet(StringComparer.Ordinal);
        var uses = new List<(string, string, string)>();
        var unbound = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot();
            if (root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is not { } declaration || Folder(declaration.Name.ToString()) is not { } from)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>().Where(n => copiedNames.Contains(n.Identifier.ValueText) || InNameof(n)))
            {
                if (Use(model, name, from, unbound) is { } use)
                {
                    uses.Add(use);
                }
            }
        }

        return (uses, unbound);
    }

    /// <summary>The use <paramref name="name"/> makes of another folder than <paramref name="from"/>, or null; a name that binds to nothing goes to <paramref name="unbound"/>.</summary>
    private static (string From, string To, string Example)? Use(SemanticModel model, SimpleNameSyntax name, string from, List<string> unbound)
    {
        var info = model.GetSymbolInfo(name);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is null && model.GetTypeInfo(name).Type is null && !IsDeclaredHere(name))
        {
            unbound.Add($"{Path.GetFileName(name.SyntaxTree.FilePath)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {name}");
        }

        var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        if (type?.ContainingNamespace?.ToDisplayString() is not { } ns || Folder(ns) is not { } to || to == from)
        {
            return null;
        }

        var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var kind = symbol is IFieldSymbol { IsConst: true } ? "const " : string.Empty;
        return (from, to, $"{Path.GetFileName(name.SyntaxTree.FilePath)}:{line}: {kind}{symbol!.ToDisplayString()}");
    }

    // A name that is itself a declaration's or a named argument's (nameof's own identifier, "Name:" in a call) binds to no use.
    private static bool IsDeclaredHere(SimpleNameSyntax name) =>
        name.Identifier.ValueText == "nameof" || name.Parent is NameColonSyntax or NameEqualsSyntax;

    private static bool InNameof(SyntaxNode node) =>
        node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });

    private static CSharpCompilation CompileSources()
    {
        var folder = Path.Combine(RepoPaths.Root, "src", "Standards.Sdk.Checks");
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsUnder(folder, f, "bin") && !IsUnder(folder, f, "obj") && !IsUnder(folder, f, "Polyfills"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, "GlobalUsings.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("Standards.Sdk.Checks.Sources", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    private static bool IsUnder(string root, string file, string folder) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0] == folder;
}
