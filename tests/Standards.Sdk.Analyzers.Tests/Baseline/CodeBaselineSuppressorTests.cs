using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Standards.Sdk.Analyzers.Baseline;
using Standards.Sdk.Analyzers.Tests.Infrastructure;

namespace Standards.Sdk.Analyzers.Tests.Baseline;

public class CodeBaselineSuppressorTests
{
    private const string Root = "/repo/";
    private const string File = "src/Acme/Orders.cs";

    // Line 5: CS0168 (declared, never used); line 6: STD1006 (a to-do marker without owner and issue).
    private const string Source = "namespace Acme;\nclass Orders\n{\n    void M()\n    {\n        int unused;\n        // TODO: tidy\n    }\n}\n";

    private static string BaselineWith(params (string Id, string File, string Line)[] entries)
    {
        var lines = entries.Select(e => $"    {{ \"id\": \"{e.Id}\", \"file\": \"{e.File}\", \"hash\": \"{CodeBaselineFormat.HashLine(e.Line)}\" }}");
        return "{\n  \"version\": 1,\n  \"diagnostics\": [\n" + string.Join(",\n", lines) + "\n  ]\n}\n";
    }

    private static List<Diagnostic> Compile(string? baseline, ReportDiagnostic warningsAs = ReportDiagnostic.Default, string source = Source, string path = Root + File, params AdditionalText[] others)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path, Encoding.UTF8);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, generalDiagnosticOption: warningsAs)
            .WithSpecificDiagnosticOptions([new KeyValuePair<string, ReportDiagnostic>(CodeRuleIds.TodoWithoutOwnerAndIssue, ReportDiagnostic.Error)]);
        var compilation = CSharpCompilation.Create("Tests", [tree], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], options);
        ImmutableArray<AdditionalText> additional = baseline is null ? [.. others] : [new InMemoryText(Root + CodeBaselineFormat.DefaultFileName, baseline), .. others];
        var withAnalyzers = compilation.WithAnalyzers(
            [new TodoCommentAnalyzer(), new CodeBaselineSuppressor()],
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additional, new TestOptionsProvider(new Dictionary<string, string> { [CodeBaselineSuppressor.RepoRootProperty] = Root })),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: true));
        return withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id is "CS0168" or CodeRuleIds.TodoWithoutOwnerAndIssue)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
    }

    [Fact]
    public void Without_a_baseline_both_findings_are_reported()
    {
        var diagnostics = Compile(null);
        Assert.Equal(["CS0168", "STD1006"], diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.False(d.IsSuppressed));
    }

    [Theory]
    [InlineData(ReportDiagnostic.Default)]
    [InlineData(ReportDiagnostic.Error)]
    public void Entries_suppress_exactly_their_rule_file_and_line_text_also_as_errors(ReportDiagnostic warningsAs)
    {
        var diagnostics = Compile(BaselineWith(("CS0168", File, "int unused;"), ("STD1006", File, "  // TODO:   tidy  ")), warningsAs);
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.True(d.IsSuppressed, d.ToString()));
    }

    [Fact]
    public void Entries_suppress_the_findings_of_a_file_another_project_links_by_a_path_with_dot_segments()
    {
        // <Compile Include="../../src/Acme/Orders.cs" Link="Orders.cs" /> in tests/Acme.Tests: the compiler's path of the file.
        var linked = Root + "tests/Acme.Tests/../../src/./Acme/Orders.cs";

        var diagnostics = Compile(BaselineWith(("CS0168", File, "int unused;"), ("STD1006", File, "// TODO: tidy")), path: linked);

        Assert.Equal(["CS0168", "STD1006"], diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.True(d.IsSuppressed, d.ToString()));
    }

    // What Razor generates for a component: C# whose #line directives name the .razor file, which the build passes as
    // an additional file. Line 3 of Counter.razor holds the unused variable (CS0168).
    private const string RazorFile = "src/Acme/Components/Counter.razor";
    private const string Razor = "<h1>Counter</h1>\n@code {\n    int unused;\n}\n";
    private const string Generated = "namespace Acme;\nclass Counter\n{\n    void M()\n    {\n#line 3 \"" + Root + RazorFile + "\"\n        int unused;\n#line default\n    }\n}\n";
    private const string GeneratedPath = Root + "src/Acme/obj/generated/Counter_razor.g.cs";

    [Fact]
    public void An_entry_suppresses_a_finding_in_generated_code_at_the_line_of_the_razor_file_the_build_reports()
    {
        var diagnostics = Compile(BaselineWith(("CS0168", RazorFile, "int unused;")), ReportDiagnostic.Error, Generated, GeneratedPath, new InMemoryText(Root + RazorFile, Razor));

        var cs0168 = Assert.Single(diagnostics);
        Assert.Equal(Root + RazorFile, cs0168.Location.GetMappedLineSpan().Path);
        Assert.True(cs0168.IsSuppressed, cs0168.ToString());
    }

    [Theory]
    [InlineData(RazorFile, "<h1>Counter</h1>", true)]
    [InlineData("src/Acme/obj/generated/Counter_razor.g.cs", "int unused;", true)]
    [InlineData(RazorFile, "int unused;", false)]
    public void A_finding_in_generated_code_is_not_suppressed_by_another_line_the_generated_file_or_without_the_razor_text(string file, string line, bool withRazorText)
    {
        AdditionalText[] razor = withRazorText ? [new InMemoryText(Root + RazorFile, Razor)] : [];

        var cs0168 = Assert.Single(Compile(BaselineWith(("CS0168", file, line)), ReportDiagnostic.Error, Generated, GeneratedPath, razor));

        Assert.False(cs0168.IsSuppressed, cs0168.ToString());
    }

    [Fact]
    public void An_entry_suppresses_until_its_expiry_date_and_an_old_entry_without_one_always()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Dated(string expires) => BaselineWith(("CS0168", File, "int unused;"), ("STD1006", File, "// TODO: tidy"))
            .Replace("\" }", $"\", \"reason\": \"new under Standards.Sdk 1.5.0\", \"expires\": \"{expires}\" }}", StringComparison.Ordinal);

        Assert.All(Compile(Dated(today)), d => Assert.True(d.IsSuppressed, d.ToString()));
        Assert.All(Compile(Dated(yesterday)), d => Assert.False(d.IsSuppressed, d.ToString()));
        Assert.All(Compile(Dated("31/12/2999")), d => Assert.False(d.IsSuppressed, d.ToString()));
        Assert.Equal([yesterday, yesterday], CodeBaselineFormat.ReadEntries(Dated(yesterday)).Select(e => e.Expires));
    }

    [Fact]
    public void A_new_finding_of_the_same_rule_on_another_line_is_not_suppressed()
    {
        var source = Source.Replace("int unused;", "int unused;\n        int another;", StringComparison.Ordinal);
        var diagnostics = Compile(BaselineWith(("CS0168", File, "int unused;")), ReportDiagnostic.Error, source);
        var cs0168 = diagnostics.Where(d => d.Id == "CS0168").ToList();
        Assert.Equal(2, cs0168.Count);
        Assert.True(cs0168[0].IsSuppressed);
        Assert.False(cs0168[1].IsSuppressed);
        Assert.Equal(DiagnosticSeverity.Error, cs0168[1].Severity);
    }

    [Theory]
    [InlineData("CS0219", File, "int unused;")]
    [InlineData("CS0168", "src/Acme/Other.cs", "int unused;")]
    [InlineData("CS0168", File, "int used;")]
    public void An_entry_for_another_rule_file_or_line_text_suppresses_nothing(string id, string file, string line)
    {
        Assert.All(Compile(BaselineWith((id, file, line))), d => Assert.False(d.IsSuppressed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ not json")]
    [InlineData("{ \"version\": 1, \"diagnostics\": [ { \"file\": \"src/Acme/Orders.cs\", \"id\": \"CS0168\" } ] }")]
    public void A_damaged_baseline_suppresses_nothing_and_does_not_throw(string text)
    {
        var before = AnalyzerRunner.SwallowedExceptions.Count;
        Assert.All(Compile(text), d => Assert.False(d.IsSuppressed));
        Assert.Equal(before, AnalyzerRunner.SwallowedExceptions.Count);
    }

    [Fact]
    public void The_line_hash_ignores_indentation_and_whitespace_runs_but_not_text()
    {
        Assert.Equal(CodeBaselineFormat.HashLine("int x = 1;"), CodeBaselineFormat.HashLine("\t  int   x =\t1;  "));
        Assert.NotEqual(CodeBaselineFormat.HashLine("int x = 1;"), CodeBaselineFormat.HashLine("int x = 2;"));
        Assert.Equal("cbf29ce484222325", CodeBaselineFormat.HashLine("   "));
    }

    [Fact]
    public void Suppressible_ids_cover_analyzers_code_style_nullable_and_our_code_rules_only()
    {
        Assert.True(CodeBaselineFormat.IsSuppressible("CA1822"));
        Assert.True(CodeBaselineFormat.IsSuppressible("IDE0060"));
        Assert.True(CodeBaselineFormat.IsSuppressible("CS8618"));
        Assert.True(CodeBaselineFormat.IsSuppressible("STD1001"));
        Assert.True(CodeBaselineFormat.IsSuppressible("RS0030"));
        Assert.True(CodeBaselineFormat.IsSuppressible("CA3075"));
        Assert.False(CodeBaselineFormat.IsSuppressible("RS0031"));
        Assert.False(CodeBaselineFormat.IsSuppressible("STD0101"));
        Assert.False(CodeBaselineFormat.IsSuppressible("STD3008"));
        Assert.False(CodeBaselineFormat.IsSuppressible("MA0001"));
    }

    /// <summary>
    /// A secret recorded at adoption is held by the hash of its line's text, which holds the secret: the same line is
    /// suppressed, while another secret written on that line or in its place changes the text and fails.
    /// </summary>
    [Fact]
    public async Task A_baselined_secret_is_held_and_a_new_secret_on_its_line_or_in_its_place_still_fails()
    {
        var random = new Random(5);
        const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var old = Checks.Tests.Secrets.SecretCorpus.Chars(random, Alnum, 20);
        var replacement = Checks.Tests.Secrets.SecretCorpus.Chars(random, Alnum, 20);
        var line = $"private const string Password = \"{old}\";";
        var baseline = BaselineWith((CodeRuleIds.SecretInSource, File, line));

        Assert.Equal([true], await SecretSuppressions(baseline, line));
        Assert.Equal([false], await SecretSuppressions(baseline, $"private const string Password = \"{replacement}\";"));
        Assert.Equal([false, false], await SecretSuppressions(baseline, $"private const string Password = \"{old}\", ApiKey = \"{replacement}\";"));
    }

    private static async Task<List<bool>> SecretSuppressions(string baseline, string line)
    {
        var source = "namespace Acme;\nclass Settings\n{\n    " + line + "\n}\n";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), Root + File, Encoding.UTF8);
        var compilation = CSharpCompilation.Create("Tests", [tree], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var all = await compilation.WithAnalyzers(
            [new SecretLiteralAnalyzer(), new CodeBaselineSuppressor()],
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([new InMemoryText(Root + CodeBaselineFormat.DefaultFileName, baseline)], new TestOptionsProvider(new Dictionary<string, string> { [CodeBaselineSuppressor.RepoRootProperty] = Root })),
                onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAllDiagnosticsAsync(CancellationToken.None);
        return [.. all.Where(d => d.Id == CodeRuleIds.SecretInSource).OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.IsSuppressed)];
    }

    /// <summary>Legacy code calling a banned API on two lines: an entry for one line holds that one, the other (a new call) still fails.</summary>
    [Fact]
    public async Task A_banned_API_call_is_held_at_its_line_and_a_new_one_still_fails()
    {
        const string legacy = "namespace Acme;\nclass Clock\n{\n    System.DateTime A() => System.DateTime.Now;\n    System.DateTime B() => System.DateTime.Now.AddDays(1);\n}\n";
        var tree = CSharpSyntaxTree.ParseText(legacy, new CSharpParseOptions(LanguageVersion.Latest), Root + File, Encoding.UTF8);
        var compilation = CSharpCompilation.Create("Tests", [tree], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, generalDiagnosticOption: ReportDiagnostic.Error));
        var baseline = BaselineWith(("RS0030", File, "System.DateTime A() => System.DateTime.Now;"));
        var all = await compilation.WithAnalyzers(
            [new BannedNowAnalyzer(), new CodeBaselineSuppressor()],
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([new InMemoryText(Root + CodeBaselineFormat.DefaultFileName, baseline)], new TestOptionsProvider(new Dictionary<string, string> { [CodeBaselineSuppressor.RepoRootProperty] = Root })),
                onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAllDiagnosticsAsync(CancellationToken.None);
        var diagnostics = all.Where(d => d.Id == "RS0030").OrderBy(d => d.Location.SourceSpan.Start).ToList();

        Assert.Equal([(4, true), (5, false)], diagnostics.Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.IsSuppressed)));
    }

    /// <summary>Stands in for the banned-API analyzer: RS0030 at every member access named Now.</summary>
#pragma warning disable RS1036, RS2008 // A stand-in analyzer inside a test assembly: never loaded by a compiler, nothing to release.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class BannedNowAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("RS0030", "Banned API", "The symbol 'DateTime.Now' is banned in this project", "ApiDesign", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    if (((Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax)c.Node).Name.Identifier.ValueText == "Now")
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, c.Node.GetLocation()));
                    }
                },
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression);
        }
    }
#pragma warning restore RS1036, RS2008

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }
}
