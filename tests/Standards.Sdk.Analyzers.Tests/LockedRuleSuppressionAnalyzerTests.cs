using Microsoft.CodeAnalysis;
using Standards.Sdk.Analyzers.Tests.Infrastructure;

namespace Standards.Sdk.Analyzers.Tests;

/// <summary>
/// What the source does to drop a locked rule (#pragma warning disable, #nullable disable,
/// [SuppressMessage] on a member or the assembly) is STD0103/STD0101 at the place that does it. The variants are
/// generated: every way to write the pragma (ids, numbers, the nullable keyword, several ids, none), every form of
/// #nullable disable, every form of the suppression attribute and its check id; generated code is not checked, and a
/// file-scoped exception (the file's own options) allows it.
/// </summary>
public sealed class LockedRuleSuppressionAnalyzerTests
{
    private static readonly Dictionary<string, string> Locked = new()
    {
        ["standards.locked_rules"] = "CA5351,RS0030",
        ["standards.nullable_locked"] = "true",
    };

    private static IReadOnlyList<Diagnostic> Run(string source, IReadOnlyDictionary<string, string>? global = null, IReadOnlyDictionary<string, string>? file = null, string path = AnalyzerRunner.DefaultPath) =>
        AnalyzerRunner.Run(
            [(path, source)],
            new TestOptionsProvider(global ?? Locked, file is null ? null : new Dictionary<string, IReadOnlyDictionary<string, string>> { [path] = file }),
            [new LockedRuleSuppressionAnalyzer()]);

    public static TheoryData<string, string> Pragmas() => new()
    {
        { "#pragma warning disable RS0030", "STD0103" },
        { "#pragma warning disable rs0030 // legacy client", "STD0103" },
        { "#pragma warning disable CA1000, CA5351", "STD0103" },
        { "#pragma warning disable", "STD0101,STD0103" },
        { "#pragma warning disable CS8602", "STD0101" },
        { "#pragma warning disable 8602", "STD0101" },
        { "#pragma warning disable nullable", "STD0101" },
        { "#pragma warning disable CS8600, CS8604", "STD0101,STD0101" },
        { "#pragma warning disable STD0103", "STD0103" },
        { "#pragma warning disable STD0101", "STD0101" },
        { "#nullable disable", "STD0101" },
        { "#nullable disable warnings", "STD0101" },
        { "#nullable disable annotations", "STD0101" },
        { "  #  nullable   disable", "STD0101" },
    };

    [Theory]
    [MemberData(nameof(Pragmas))]
    public void Every_directive_that_drops_a_lock_is_reported_on_its_line(string directive, string codes)
    {
        var diagnostics = Run($"namespace A;\n\n{directive}\npublic static class B\n{{\n}}\n");
        Assert.Equal(codes.Split(','), diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal((3, DiagnosticSeverity.Error), (d.Line(), d.Severity)));
    }

    [Theory]
    [InlineData("#pragma warning restore RS0030")]
    [InlineData("#pragma warning disable CA1000, IDE0051")]
    [InlineData("#nullable enable")]
    [InlineData("#nullable restore")]
    [InlineData("#nullable enable warnings")]
    [InlineData("#pragma warning disable CS0618")]
    public void Directives_that_keep_the_locks_are_not_reported(string directive) =>
        Assert.Empty(Run($"namespace A;\n\n{directive}\npublic static class B\n{{\n}}\n"));

    public static TheoryData<string, string, int> Attributes() => new()
    {
        { "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"Usage\", \"RS0030:Do not use banned APIs\")]", "STD0103", 3 },
        { "[module: System.Diagnostics.CodeAnalysis.SuppressMessage(\"Security\", \"CA5351\", Justification = \"x\")]", "STD0103", 3 },
        { "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessageAttribute(\"Usage\", \"RS0030\", Scope = \"member\", Target = \"~M:A.B.C\")]", "STD0103", 3 },
        { "[assembly: System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(\"Usage\", \"RS0030\")]", "STD0103", 3 },
        { "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"Nullable\", \"CS8602:Dereference\")]", "STD0101", 3 },
        { "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"Usage\", A.Ids.Banned)]", "STD0103", 3 },
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Suppression_attributes_naming_a_locked_rule_are_reported(string attribute, string code, int line)
    {
        var diagnostics = Run($"using System.Diagnostics.CodeAnalysis;\n\n{attribute}\nnamespace A;\n\ninternal static class Ids\n{{\n    public const string Banned = \"RS0030\";\n}}\n");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((code, line), (diagnostic.Id, diagnostic.Line()));
    }

    [Fact]
    public void A_member_level_suppression_is_reported_and_an_unlocked_one_or_a_look_alike_is_not()
    {
        var diagnostics = Run("""
            using System.Diagnostics.CodeAnalysis;
            namespace A;

            public static class B
            {
                [SuppressMessage("Usage", "RS0030")]
                public static void C() { }

                [SuppressMessage("Design", "CA1000")]
                public static void D() { }

                [My.SuppressMessage("Usage", "RS0030")]
                public static void E() { }
            }
            """ + "\nnamespace My { public sealed class SuppressMessageAttribute(string a, string b) : System.Attribute { } }\n");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("STD0103", 6), (diagnostic.Id, diagnostic.Line()));
    }

    [Fact]
    public void Generated_code_is_not_checked()
    {
        Assert.Empty(Run("// <auto-generated/>\n#nullable disable\n#pragma warning disable RS0030\nnamespace A;\n"));
        Assert.Empty(Run("#nullable disable\nnamespace A;\n", path: "/repo/src/Acme/Migrations/Init.Designer.cs"));
    }

    [Fact]
    public void Without_locks_in_the_options_nothing_is_reported()
    {
        const string source = "#nullable disable\n#pragma warning disable\nnamespace A;\n";
        Assert.Empty(Run(source, global: new Dictionary<string, string>()));
        Assert.Empty(Run(source, global: new Dictionary<string, string> { ["standards.locked_rules"] = string.Empty, ["standards.nullable_locked"] = "false" }));
    }

    [Fact]
    public void A_file_scoped_exception_allows_the_excepted_rules_in_that_file_only()
    {
        const string source = "#nullable disable\n#pragma warning disable RS0030, CA5351\nnamespace A;\n";
        var excepted = new Dictionary<string, string> { ["standards.locked_rules"] = "CA5351", ["standards.nullable_locked"] = "false" };
        var diagnostic = Assert.Single(Run(source, file: excepted));
        Assert.Equal(("STD0103", 2), (diagnostic.Id, diagnostic.Line()));
        Assert.Contains("CA5351", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(3, Run(source).Count);
    }

    [Fact]
    public void Random_sources_never_make_the_analyzer_throw()
    {
        var random = new Random(7401);
        string[] pieces = ["#pragma warning disable ", "#nullable disable", "RS0030", ", ", "8602", "nullable", "\n", "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(", "\"a\"", ", \"RS0030\"", ")]", "namespace A;", "class B {", "}", "//", "/*", "*/"];
        AnalyzerRunner.SwallowedExceptions.Clear();
        for (var i = 0; i < 150; i++)
        {
            var source = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            _ = Run(source);
        }

        Assert.Empty(AnalyzerRunner.SwallowedExceptions);
    }
}
