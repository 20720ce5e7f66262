using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Standards.Sdk.Analyzers.Tests.Infrastructure;
using static Standards.Sdk.Analyzers.Tests.Infrastructure.Sources;

namespace Standards.Sdk.Analyzers.Tests;

public class GenericNameAnalyzerTests
{
    private const string ProjectDir = "/repo/src/Acme/";

    private static IReadOnlyList<Diagnostic> Run(
        string source, string path = AnalyzerRunner.DefaultPath, Dictionary<string, string>? options = null)
    {
        options ??= [];
        options.TryAdd("build_property.ProjectDir", ProjectDir);
        return AnalyzerRunner.Run(source, options, path).WithId(CodeRuleIds.GenericName);
    }

    [Fact]
    public void File_scoped_namespace_segment_reports_STD1005_at_the_segment()
    {
        var diagnostic = DiagnosticAssert.Single(
            Run("namespace Acme.Utils;\n\nclass C { }\n"),
            CodeRuleIds.GenericName,
            1,
            DiagnosticSeverity.Warning,
            "Namespace segment 'Utils' is a generic name (generic names: Util, Utils, Common, Helper, Helpers, Misc).",
            "Name it after what its code does",
            "\"STD1005\": { \"names\": [...] }",
            AnalyzerConfigKeys.DefaultHelpBaseUrl + "STD1005.md");
        Assert.Equal(16, diagnostic.Column());
    }

    [Fact]
    public void Block_namespaces_and_nested_namespaces_are_checked()
    {
        var diagnostics = Run("namespace Common.Orders\n{\n    namespace Helpers\n    {\n        class C { }\n    }\n}\n");

        Assert.Equal(2, diagnostics.Count);
        DiagnosticAssert.Matches(diagnostics[0], CodeRuleIds.GenericName, 1, DiagnosticSeverity.Warning, "'Common'");
        DiagnosticAssert.Matches(diagnostics[1], CodeRuleIds.GenericName, 3, DiagnosticSeverity.Warning, "'Helpers'");
    }

    [Theory]
    [InlineData("namespace Acme.UTILS;")]
    [InlineData("namespace misc.Acme;")]
    [InlineData("namespace Acme.Helper.Orders;")]
    public void Namespace_segments_match_ignoring_case(string declaration) =>
        Assert.Single(Run(declaration + "\nclass C { }\n"));

    [Theory]
    [InlineData("namespace Acme.Utilities;")]
    [InlineData("namespace Acme.CommonGround;")]
    [InlineData("namespace Acme.Orders.Pricing;")]
    [InlineData("class NoNamespace { }")]
    public void Specific_names_report_nothing(string declaration) =>
        DiagnosticAssert.None(Run(declaration + "\nclass C { }\n"));

    [Fact]
    public void Configured_names_replace_the_default_list()
    {
        var options = Options((StandardsAnalyzerRules.GenericNames.AnalyzerOption, " Shared ; Stuff,"));

        DiagnosticAssert.Single(
            Run("namespace Acme.Shared;\n", options: new(options)),
            CodeRuleIds.GenericName,
            1,
            DiagnosticSeverity.Warning,
            "(generic names: Shared, Stuff)");
        DiagnosticAssert.None(Run("namespace Acme.Utils;\n", options: new(options)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ;")]
    public void Empty_configured_list_falls_back_to_the_defaults(string invalid) =>
        Assert.Single(Run("namespace Acme.Utils;\n", options: Options((StandardsAnalyzerRules.GenericNames.AnalyzerOption, invalid))));

    [Fact]
    public void Generic_folder_reports_STD1005_once_at_the_first_token()
    {
        var diagnostic = DiagnosticAssert.Single(
            Run("// header\n\nnamespace Acme.Text;\nclass C { }\n", "/repo/src/Acme/Helpers/Common/Strings.cs"),
            CodeRuleIds.GenericName,
            3,
            DiagnosticSeverity.Warning,
            "Folder 'Helpers' is a generic name");
        Assert.Equal(1, diagnostic.Column());
    }

    [Fact]
    public void Folder_and_namespace_are_reported_separately()
    {
        var diagnostics = Run("namespace Acme.Utils;\nclass C { }\n", "/repo/src/Acme/Utils/C.cs");

        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Folder 'Utils'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Namespace segment 'Utils'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/repo/src/Acme/Utils.cs")]
    [InlineData("/repo/src/Acme/Orders/Pricing.cs")]
    [InlineData("/repo/src/Acme/obj/Debug/Utils/Generated.cs")]
    [InlineData("/repo/src/Acme/bin/Common/X.cs")]
    [InlineData("/repo/src/Other/Utils/X.cs")]
    [InlineData("/elsewhere/Helpers/X.cs")]
    [InlineData("")]
    public void Files_without_generic_project_folders_report_nothing(string path) =>
        DiagnosticAssert.None(Run("class C { }\n", path));

    [Fact]
    public void Folder_above_the_project_directory_is_not_checked() =>
        DiagnosticAssert.None(Run("class C { }\n", "/common/src/Acme/X.cs", Options(("build_property.ProjectDir", "/common/src/Acme"))));

    [Fact]
    public void Windows_paths_are_understood()
    {
        var options = Options(("build_property.ProjectDir", @"C:\repo\src\Acme\"));

        DiagnosticAssert.Single(
            Run("class C { }\n", @"C:\repo\src\Acme\Misc\X.cs", options), CodeRuleIds.GenericName, 1, DiagnosticSeverity.Warning, "'Misc'");
    }

    [Fact]
    public void Without_project_directory_folders_are_not_checked() =>
        DiagnosticAssert.None(AnalyzerRunner.Run("class C { }\n", path: "/repo/src/Acme/Utils/X.cs").WithId(CodeRuleIds.GenericName));

    [Theory]
    [InlineData("/p/Utils/X.cs", "/p/", "Utils")]
    [InlineData("/p/./A/../Common/X.cs", "/p", "Common")]
    [InlineData("/P/Helpers/X.cs", "/p/", "Helpers")]
    [InlineData("/p/A/Util/Misc/X.cs", "/p/", "Util")]
    [InlineData("/p/Utils", "/p/", null)]
    [InlineData("/p/X.cs", "/p/Utils/", null)]
    [InlineData("/p/Utils/X.cs", "", null)]
    [InlineData("/p/Utils/X.cs", "/", "p")]
    public void FindGenericFolder_resolves_relative_folders(string file, string projectDir, string? expected)
    {
        ImmutableArray<string> names = ["Util", "Utils", "Common", "Helpers", "Misc", "p"];

        Assert.Equal(expected, GenericNameAnalyzer.FindGenericFolder(file, projectDir, names));
    }
}
