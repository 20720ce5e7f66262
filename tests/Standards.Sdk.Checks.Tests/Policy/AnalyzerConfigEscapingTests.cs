using Microsoft.CodeAnalysis;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// A file-scoped exception in a repo under <c>/srv/team#1/</c> must turn a rule off for its file only, not for the
/// whole project, which an unescaped section header would do. The generated config is read back with Roslyn's
/// own parser (AnalyzerConfig, AnalyzerConfigSet: what the compiler does) for every character that is special in
/// section names, alone and in random combinations, in the repo root and in the file name: the excepted file gets
/// the rule off, its neighbour and the global section keep it. An integration test proves the same with a real
/// compile (SpecialPathTests).
/// </summary>
public sealed class AnalyzerConfigEscapingTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>Every character the lead's list names, and the ones the section grammar treats specially.</summary>
    public static readonly string[] Specials =
        ["#", ";", "[", "]", "{", "}", "*", "?", "\\", ",", "!", " ", "-", ".", "..", "{1..3}", "{a,b}", "[!x]", "é", "中", "😀", "'", "\"", "=", ":", "$", "%", "&", "(", ")", "+", "@", "^", "`", "~", "|"];

    public static TheoryData<string> SpecialCharacters()
    {
        var data = new TheoryData<string>();
        foreach (var special in Specials)
        {
            data.Add(special);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecialCharacters))]
    public void Each_special_character_in_the_root_and_in_the_file_name_names_exactly_that_file(string special)
    {
        AssertExceptionAppliesToExactlyOneFile($"/srv/team{special}1/repo", $"Legacy{special}Parser.cs");
        AssertExceptionAppliesToExactlyOneFile($"/srv/{special}/repo", $"{special}.cs");
    }

    [Fact]
    public void Random_combinations_of_special_characters_name_exactly_their_file()
    {
        var random = new Random(7001);
        for (var i = 0; i < 300; i++)
        {
            AssertExceptionAppliesToExactlyOneFile("/srv/" + RandomName(random) + "/repo", RandomName(random) + ".cs");
        }
    }

    [Fact]
    public void A_file_name_with_a_line_break_cannot_be_named_and_is_reported_instead()
    {
        var (text, unwritable) = Write("/repo", ["/repo/src/Acme/Bad\nName.cs", "/repo/src/Acme/Good.cs"], "src/Acme/**");
        Assert.Equal([("/repo/src/Acme/Bad\nName.cs", "STD1006")], unwritable);
        var set = Parse(text);
        Assert.Equal(ReportDiagnostic.Suppress, Severity(set, "/repo/src/Acme/Good.cs"));
        Assert.Equal(ReportDiagnostic.Warn, Global(set));
    }

    [Fact]
    public void Our_reading_of_section_headers_agrees_with_the_compiler()
    {
        var random = new Random(7002);
        for (var i = 0; i < 500; i++)
        {
            var name = "/" + RandomName(random) + "/" + RandomName(random) + ".cs";
            var escaped = AnalyzerConfigPaths.EscapeForSection(name)!;
            var header = "[" + escaped + "]";
            Assert.Equal(escaped, AnalyzerConfigDocument.SectionName(header));
            Assert.Equal(name, AnalyzerConfigPaths.GlobalSectionPath(escaped));

            // An unescaped name: we see a section exactly when the compiler does.
            var raw = "[" + name + "]";
            var ours = AnalyzerConfigDocument.SectionName(raw);
            Assert.True((ours is null) == SectionIgnoredByRoslyn(raw), raw);
        }
    }

    private static bool SectionIgnoredByRoslyn(string header)
    {
        // The key of a line that is not a section header lands in the preamble (global section) of an .editorconfig.
        var config = AnalyzerConfig.Parse("is_global = true\n" + header + "\ndotnet_diagnostic.X1.severity = none\n", "/x/a.globalconfig");
        var set = AnalyzerConfigSet.Create(new[] { config }, out _);
        return set.GlobalConfigOptions.TreeOptions.ContainsKey("X1");
    }

    /// <summary>
    /// The exception's scope is the file's repo-relative path: the compiler must turn the rule off for exactly the
    /// files the scope matches (the file; also the neighbour when the name is itself a glob like "*.cs").
    /// </summary>
    private static void AssertExceptionAppliesToExactlyOneFile(string rawRoot, string fileName)
    {
        // MSBuild hands the task full, normalized paths (%(FullPath)); so does the compiler to the analyzer config set.
        var root = Path.GetFullPath(rawRoot);
        var excepted = Path.GetFullPath($"{root}/src/Acme/{fileName}");
        var neighbour = Path.GetFullPath($"{root}/src/Acme/Neighbour.cs");
        var scope = Glob.Normalize(Path.GetRelativePath(root, excepted));
        var (text, unwritable) = Write(root, [excepted, neighbour], scope);
        Assert.Empty(unwritable);
        var set = Parse(text);
        foreach (var file in new[] { excepted, neighbour })
        {
            var expected = Glob.IsMatch(scope, Glob.Normalize(Path.GetRelativePath(root, file))) ? ReportDiagnostic.Suppress : ReportDiagnostic.Warn;
            Assert.True(expected == Severity(set, file), $"{file}: expected {expected}, the compiler says {Severity(set, file)}\n{text}");
        }

        Assert.True(Glob.IsMatch(scope, Glob.Normalize(Path.GetRelativePath(root, excepted))), scope);
        Assert.True(ReportDiagnostic.Warn == Global(set), $"the global section lost the rule's severity\n{text}");
    }

    private static (string Text, IReadOnlyList<(string File, string Rule)> Unwritable) Write(string root, string[] files, string scope)
    {
        var json = $$"""
            { "exceptions": [ { "rule": "STD1006", "scope": {{System.Text.Json.JsonSerializer.Serialize(scope)}}, "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }
            """;
        var loaded = PolicyLoader.Load("standards.json", json, Today);
        Assert.Empty(loaded.Findings);
        var effective = new EffectivePolicy(loaded.Policy, new ProjectContext("Acme", ProjectKinds.Library, "src/Acme"), Today);
        return AnalyzerConfigWriter.WriteConfig(effective, root, files);
    }

    private static AnalyzerConfigSet Parse(string text) =>
        AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(text, "/obj/standards/Standards.globalconfig") }, out _);

    private static ReportDiagnostic? Severity(AnalyzerConfigSet set, string file)
    {
        var options = set.GetOptionsForSourcePath(file).TreeOptions;
        return options.TryGetValue("STD1006", out var severity) ? severity : Global(set);
    }

    private static ReportDiagnostic? Global(AnalyzerConfigSet set) =>
        set.GlobalConfigOptions.TreeOptions.TryGetValue("STD1006", out var severity) ? severity : null;

    private static string RandomName(Random random)
    {
        var length = random.Next(1, 6);
        var parts = new List<string>();
        for (var i = 0; i < length; i++)
        {
            parts.Add(random.Next(3) == 0 ? "ab" : Specials[random.Next(Specials.Length)]);
        }

        var name = string.Concat(parts).Replace("/", string.Empty, StringComparison.Ordinal);
        return name is "." or ".." ? name + "x" : name;
    }
}
