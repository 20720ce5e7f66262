using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// Every way the build can tell the compiler to drop a locked rule (RS0030, the security rules, the
/// nullable warnings the policy makes errors) is reported at the line that does it, unless an exception covers it.
/// The variants are generated: every locked id and every nullable id, in every list form MSBuild and the compiler
/// accept, set in every kind of file of the import chain.
/// </summary>
public sealed class LockedRuleBypassTests
{
    private const string Project = "/repo/src/Acme.Orders/Acme.Orders.csproj";
    private const string Props = "/repo/Directory.Build.props";
    private const string Imported = "/repo/eng/Legacy.props";
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static EffectivePolicy Policy(string json = "{}", string kind = ProjectKinds.Library) =>
        new(PolicyLoader.Load("standards.json", json, Today).Policy, new ProjectContext("Acme.Orders", kind, "src/Acme.Orders"), Today);

    private static LockedSettings Settings(string noWarn = "1701;1702", string notAsErrors = "") =>
        new(Project, [Props, Project], "enable", ";nullable", true, true, noWarn, notAsErrors) { RepoRoot = "/repo", CompileFiles = ["/repo/src/Acme.Orders/Orders.cs", "/repo/src/Acme.Orders/Legacy/Old.cs"] };

    public static TheoryData<string> NullableIdForms()
    {
        var data = new TheoryData<string>();
        foreach (var id in NullableWarnings.Ids)
        {
            data.Add(id);
        }

        data.Add("cs8602");
        data.Add("8602");
        data.Add("nullable");
        data.Add("Nullable");
        return data;
    }

    [Theory]
    [MemberData(nameof(NullableIdForms))]
    public void Every_nullable_warning_in_NoWarn_is_STD0101_at_the_imported_line(string id)
    {
        var files = Chain($"<NoWarn>$(NoWarn);$(LegacyNoWarn)</NoWarn>", $"<LegacyNoWarn>1591,  {id} </LegacyNoWarn>");
        var finding = Assert.Single(LockedSettingsCheck.Run(Settings(noWarn: $"1701;1702;1591,  {id} "), Policy(), p => files.GetValueOrDefault(p)));
        Assert.Equal(("STD0101", Imported, 3), (finding.Code, finding.File, finding.Line));
    }

    [Theory]
    [MemberData(nameof(NullableIdForms))]
    public void Every_nullable_warning_in_WarningsNotAsErrors_is_STD0101(string id)
    {
        var finding = Assert.Single(LockedSettingsCheck.Run(Settings(notAsErrors: id), Policy(), _ => null));
        Assert.Equal("STD0101", finding.Code);
    }

    [Fact]
    public void Every_locked_rule_in_NoWarn_or_WarningsNotAsErrors_is_STD0103_and_unlocked_ones_are_not()
    {
        var locked = RuleCatalog.All.Where(r => r.Locked && r.IsAnalyzerRule).Select(r => r.Id).ToList();
        Assert.Contains("RS0030", locked);
        foreach (var id in locked)
        {
            foreach (var (noWarn, notAsErrors) in new[] { ($"1701;{id}", string.Empty), (string.Empty, id), ($"CA1000, {id.ToLowerInvariant()}", string.Empty) })
            {
                var findings = LockedSettingsCheck.Run(Settings(noWarn, notAsErrors), Policy(), _ => null);
                var finding = Assert.Single(findings);
                Assert.Equal("STD0103", finding.Code);
                Assert.Contains(id, finding.Message, StringComparison.Ordinal);
            }
        }

        Assert.Empty(LockedSettingsCheck.Run(Settings("CA1000;IDE0051;CS1591;1701"), Policy(), _ => null));
    }

    [Fact]
    public void A_project_exception_allows_the_weakening_and_test_projects_may_silence_relaxed_rules()
    {
        const string json = """
            { "exceptions": [
              { "rule": "STD0101", "scope": "Acme.Orders", "owner": "@o", "reason": "r", "expires": "2030-01-01" },
              { "rule": "RS0030", "scope": "Acme.Orders", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }
            """;
        Assert.Empty(LockedSettingsCheck.Run(Settings("CS8602;RS0030"), Policy(json), _ => null));
        Assert.Empty(LockedSettingsCheck.Run(Settings("RS0030;CA5394"), Policy(kind: ProjectKinds.Test), _ => null));
    }

    public static TheoryData<string, string, string, string> Switches() => new()
    {
        { "RunAnalyzers", "false", "STD0103", "no analyzer" },
        { "RunAnalyzersDuringBuild", "false", "STD0103", "no analyzer" },
        { "Features", "strict;run-nullable-analysis=never", "STD0101", "skips nullable analysis" },
        { "WarningLevel", "0", "STD0101", "drops every warning" },
        { "StandardsBannedApis", "false", "STD0103", "bans nothing" },
    };

    [Theory]
    [MemberData(nameof(Switches))]
    public void Switches_that_take_a_locked_rule_away_are_reported_at_their_line(string property, string value, string code, string says)
    {
        var files = Chain(string.Empty, $"<{property}>{value}</{property}>");
        var settings = Settings() with
        {
            Switches = new Dictionary<string, string> { [property] = value },
            AdditionalFiles = property == "StandardsBannedApis" ? [] : null,
            BannedApiLists = ["/sdk/config/BannedSymbols.txt"],
        };
        var findings = LockedSettingsCheck.Run(settings, Policy(), p => files.GetValueOrDefault(p));
        var finding = Assert.Single(findings, f => f.Code == code);
        Assert.Equal((Imported, 3), (finding.File, finding.Line));
        Assert.Contains(says, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAnalyzers_true_wins_over_RunAnalyzersDuringBuild_false()
    {
        var settings = Settings() with { Switches = new Dictionary<string, string> { ["RunAnalyzers"] = "true", ["RunAnalyzersDuringBuild"] = "false" } };
        Assert.Empty(LockedSettingsCheck.Run(settings, Policy(), _ => null));
    }

    [Fact]
    public void A_command_line_property_is_reported_as_such()
    {
        var settings = Settings("RS0030") with { GlobalProperties = new HashSet<string>(["NoWarn"], StringComparer.OrdinalIgnoreCase) };
        var finding = Assert.Single(LockedSettingsCheck.Run(settings, Policy(), _ => null));
        Assert.Equal((Project, 0), (finding.File, finding.Line));
        Assert.Contains("set on the command line, -p:NoWarn", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_analyzers_are_reported_per_group_of_locked_rules()
    {
        string[] all = ["/p/Microsoft.CodeAnalysis.BannedApiAnalyzers.dll", "/p/Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll", "/s/Standards.Sdk.Analyzers.dll"];
        Assert.Empty(LockedSettingsCheck.Run(Settings() with { AnalyzerAssemblies = all }, Policy(), _ => null));
        foreach (var missing in all)
        {
            var findings = LockedSettingsCheck.Run(Settings() with { AnalyzerAssemblies = [.. all.Where(a => a != missing)] }, Policy(), _ => null);
            var finding = Assert.Single(findings);
            Assert.Equal("STD0103", finding.Code);
            Assert.Contains(Path.GetFileNameWithoutExtension(missing).Replace(".CSharp", string.Empty, StringComparison.Ordinal), finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_rule_set_that_lowers_a_locked_rule_or_a_nullable_warning_is_reported_at_the_rule()
    {
        var files = new Dictionary<string, string>
        {
            ["/repo/src/Acme.Orders/legacy.ruleset"] = "<RuleSet Name=\"x\" ToolsVersion=\"17.0\">\n  <Rules AnalyzerId=\"a\" RuleNamespace=\"a\">\n    <Rule Id=\"RS0030\" Action=\"None\" />\n    <Rule Id=\"CA5351\" Action=\"Warning\" />\n    <Rule Id=\"CS8602\" Action=\"Info\" />\n  </Rules>\n</RuleSet>\n",
        };
        var settings = Settings() with { Switches = new Dictionary<string, string> { ["CodeAnalysisRuleSet"] = "legacy.ruleset" } };
        var findings = LockedSettingsCheck.Run(settings, Policy(), p => files.GetValueOrDefault(p));
        Assert.Equal([("STD0103", 3), ("STD0101", 5)], findings.Select(f => (f.Code, f.Line)));
    }

    [Fact]
    public void Analyzer_configs_from_anywhere_are_checked_with_the_compilers_precedence()
    {
        var files = new Dictionary<string, string>
        {
            // Above the repo root: the compiler reads it all the same, but at a level below Standards.locked.globalconfig,
            // which restates every locked rule's severity: not a weakening.
            ["/.globalconfig"] = "is_global = true\ndotnet_diagnostic.RS0030.severity = none\n",
            // Below Standards.Sdk's level: Standards.Sdk's config wins, not a weakening.
            ["/opt/analysis.globalconfig"] = "is_global = true\nglobal_level = -50\ndotnet_diagnostic.CA5350.severity = none\n",
            ["/repo/.editorconfig"] = "root = true\n\n[*.cs]\ndotnet_diagnostic.CS8602.severity = none\n\n[tests/**.cs]\ndotnet_diagnostic.CA5351.severity = none\n\n[Legacy/*.cs]\nstandards.locked_rules =\n",
        };
        var settings = Settings() with { AnalyzerConfigFiles = [.. files.Keys] };
        var findings = LockedSettingsCheck.Run(settings, Policy(), p => files.GetValueOrDefault(p));
        Assert.Equal(
            [("STD0101", "/repo/.editorconfig", 4), ("STD0103", "/repo/.editorconfig", 10)],
            findings.Select(f => (f.Code, f.File!, f.Line)));
    }

    [Fact]
    public void Marking_hand_written_files_as_generated_is_STD0103_unless_a_later_line_unmarks_them()
    {
        var files = new Dictionary<string, string>
        {
            ["/repo/.editorconfig"] = "[*.cs]\ngenerated_code = true\n\n[Orders.cs]\ngenerated_code = false\n",
        };
        var finding = Assert.Single(LockedSettingsCheck.Run(Settings() with { AnalyzerConfigFiles = [.. files.Keys] }, Policy(), p => files.GetValueOrDefault(p)));
        Assert.Equal(("STD0103", "/repo/.editorconfig", 2), (finding.Code, finding.File!, finding.Line));
        Assert.Contains("1 source file(s) of this project (e.g. src/Acme.Orders/Legacy/Old.cs)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_scoped_exception_allows_the_weakening_for_its_files_only()
    {
        var files = new Dictionary<string, string> { ["/repo/src/.editorconfig"] = "[Acme.Orders/Legacy/*.cs]\ndotnet_diagnostic.RS0030.severity = none\n[*.cs]\ndotnet_diagnostic.CS8602.severity = none\n" };
        const string json = """
            { "exceptions": [
              { "rule": "RS0030", "scope": "src/Acme.Orders/Legacy/**", "owner": "@o", "reason": "r", "expires": "2030-01-01" },
              { "rule": "STD0101", "scope": "src/Acme.Orders/Legacy/**", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }
            """;
        var settings = Settings() with { AnalyzerConfigFiles = [.. files.Keys] };
        var findings = LockedSettingsCheck.Run(settings, Policy(json), p => files.GetValueOrDefault(p));
        var finding = Assert.Single(findings);
        Assert.Equal(("STD0101", 4), (finding.Code, finding.Line));
        Assert.Contains("src/Acme.Orders/Orders.cs", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_config_tells_the_analyzer_what_is_locked_and_what_a_file_exception_allows()
    {
        const string json = """
            { "exceptions": [ { "rule": "RS0030", "scope": "src/Acme.Orders/Legacy/**", "owner": "@o", "reason": "r", "expires": "2030-01-01" },
                              { "rule": "STD0101", "scope": "src/Acme.Orders/Legacy/**", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }
            """;
        var text = AnalyzerConfigWriter.Write(Policy(json), "/repo", ["/repo/src/Acme.Orders/Orders.cs", "/repo/src/Acme.Orders/Legacy/Old.cs"]);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("standards.locked_rules = CA2100,", StringComparison.Ordinal) && l.Contains(",RS0030", StringComparison.Ordinal));
        Assert.Contains("standards.nullable_locked = true", lines);
        var section = text[text.IndexOf("[/repo/src/Acme.Orders/Legacy/Old.cs]", StringComparison.Ordinal)..];
        Assert.Contains("dotnet_diagnostic.RS0030.severity = none", section, StringComparison.Ordinal);
        Assert.DoesNotContain("RS0030", section.Split('\n').Single(l => l.StartsWith("standards.locked_rules", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("standards.nullable_locked = false", section, StringComparison.Ordinal);
        Assert.DoesNotContain("[/repo/src/Acme.Orders/Orders.cs]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_targets_carry_the_locked_id_pattern_of_the_catalog()
    {
        var targets = File.ReadAllText(Path.Combine(Catalog.RepoRoot.Path, "sdk", "features", "Standards.Policy.targets"));
        Assert.Contains($"<_StandardsLockedIdPattern>{LockedSettingsCheck.LockedIdPattern()}</_StandardsLockedIdPattern>", targets, StringComparison.Ordinal);
        var regex = new System.Text.RegularExpressions.Regex(LockedSettingsCheck.LockedIdPattern());
        Assert.True(regex.IsMatch("RS0030") && regex.IsMatch("cs8602") && regex.IsMatch("8602") && regex.IsMatch("Nullable"));
        Assert.False(regex.IsMatch("1701") || regex.IsMatch("8002") || regex.IsMatch("CA1000"));
    }

    /// <summary>Directory.Build.props imports eng/Legacy.props, which sets a property; the project sets another.</summary>
    private static Dictionary<string, string> Chain(string propsBody, string importedBody) => new()
    {
        [Props] = $"<Project>\n  <Import Project=\"$(MSBuildThisFileDirectory)eng/Legacy.props\" />\n  <PropertyGroup>\n    {propsBody}\n  </PropertyGroup>\n</Project>\n",
        [Imported] = $"<Project>\n  <PropertyGroup>\n    {importedBody}\n  </PropertyGroup>\n</Project>\n",
        [Project] = "<Project Sdk=\"Standards.Sdk\" />\n",
    };
}
