using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Policy;

public class LockedSettingsCheckTests
{
    private const string ProjectFile = "/repo/src/Acme.Orders/Acme.Orders.csproj";
    private const string PropsFile = "/repo/Directory.Build.props";

    private static readonly Dictionary<string, string> Files = new()
    {
        [ProjectFile] = "<Project Sdk=\"Standards.Sdk\">\n  <PropertyGroup>\n    <Nullable>disable</Nullable>\n    <NoWarn>$(NoWarn);CA1000;RS0030</NoWarn>\n  </PropertyGroup>\n</Project>\n",
        [PropsFile] = "<Project>\n  <PropertyGroup>\n    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>\n  </PropertyGroup>\n</Project>\n",
    };

    private static LockedSettings Settings(
        string nullable = "enable",
        bool treatWarningsAsErrors = true,
        bool required = true,
        string noWarn = "1701;1702",
        string notAsErrors = "") =>
        new(ProjectFile, [ProjectFile, PropsFile], nullable, ";nullable", treatWarningsAsErrors, required, noWarn, notAsErrors);

    private static EffectivePolicy Policy(string json = "{}") =>
        new(PolicyLoader.Load("standards.json", json, new DateOnly(2026, 11, 21)).Policy,
            new ProjectContext("Acme.Orders", ProjectKinds.Library, "src/Acme.Orders"), new DateOnly(2026, 11, 21));

    private static IReadOnlyList<Checks.Diagnostics.Finding> Run(LockedSettings settings, string json = "{}") =>
        LockedSettingsCheck.Run(settings, Policy(json), path => Files.GetValueOrDefault(path));

    [Fact]
    public void Compliant_settings_give_nothing() => Assert.Empty(Run(Settings()));

    [Fact]
    public void Nullable_off_is_STD0101_at_the_line_that_sets_it()
    {
        var finding = Assert.Single(Run(Settings(nullable: "disable")));
        Assert.Equal(("STD0101", ProjectFile, 3), (finding.Code, finding.File, finding.Line));
        Assert.Contains("\"rule\": \"STD0101\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nullable_warnings_not_as_errors_is_STD0101()
    {
        var finding = Assert.Single(Run(Settings(notAsErrors: "nullable")));
        Assert.Equal("STD0101", finding.Code);
    }

    [Fact]
    public void Warnings_as_errors_off_in_CI_is_STD0102_in_Directory_Build_props()
    {
        var finding = Assert.Single(Run(Settings(treatWarningsAsErrors: false)));
        Assert.Equal(("STD0102", PropsFile, 3), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void A_survey_build_is_allowed_on_the_command_line_only()
    {
        var survey = new Dictionary<string, string> { [LockedSettingsCheck.SurveyBuildProperty] = "true" };
        Assert.Empty(Run(Settings() with { Switches = survey, GlobalProperties = new HashSet<string> { LockedSettingsCheck.SurveyBuildProperty } }));

        // Set in a file or the environment it would turn warnings-as-errors off for every build: STD0102.
        var finding = Assert.Single(Run(Settings() with { Switches = survey, GlobalProperties = new HashSet<string>(), Environment = name => name == LockedSettingsCheck.SurveyBuildProperty ? "true" : null }));
        Assert.Equal("STD0102", finding.Code);
        Assert.Contains("set by the environment variable StandardsSurveyBuild", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_as_errors_off_in_local_debug_is_allowed() =>
        Assert.Empty(Run(Settings(treatWarningsAsErrors: false, required: false)));

    [Fact]
    public void Locked_rule_in_NoWarn_is_STD0103_but_unlocked_rules_are_not()
    {
        var finding = Assert.Single(Run(Settings(noWarn: "1701;CA1000;RS0030")));
        Assert.Equal(("STD0103", ProjectFile, 4), (finding.Code, finding.File, finding.Line));
        Assert.Contains("RS0030", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locked_rule_turned_off_in_standards_json_may_be_silenced() =>
        Assert.Empty(Run(Settings(noWarn: "RS0030"), """{ "rules": { "RS0030": "none" } }"""));

    [Fact]
    public void Exception_entry_allows_the_weakening()
    {
        const string json = """
            { "exceptions": [
              { "rule": "STD0101", "scope": "Acme.Orders", "owner": "@o", "reason": "r", "expires": "2030-01-01" },
              { "rule": "RS0030", "scope": "src/Acme.Orders", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }
            """;
        Assert.Empty(Run(Settings(nullable: "disable", noWarn: "RS0030"), json));
    }

    [Fact]
    public void Expired_exception_does_not_allow_it()
    {
        const string json = """{ "exceptions": [ { "rule": "STD0101", "scope": "Acme.Orders", "owner": "@o", "reason": "r", "expires": "2020-01-01" } ] }""";
        Assert.Equal("STD0101", Assert.Single(Run(Settings(nullable: "disable"), json)).Code);
    }

    [Fact]
    public void Unreadable_files_fall_back_to_the_project_file_and_say_the_line_is_unknown()
    {
        var findings = LockedSettingsCheck.Run(Settings(nullable: "annotations"), Policy(), _ => null);
        var finding = Assert.Single(findings);
        Assert.Equal((ProjectFile, 0), (finding.File, finding.Line));
        Assert.Contains("not set in Acme.Orders.csproj or a file it imports", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repo_may_turn_a_lock_off_or_down_in_standards_json()
    {
        Assert.Empty(Run(Settings(nullable: "disable"), """{ "rules": { "STD0101": "none" } }"""));
        var finding = Assert.Single(Run(Settings(noWarn: "RS0030"), """{ "rules": { "STD0103": "warning" } }"""));
        Assert.Equal(Checks.Diagnostics.Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Locked_rule_turned_down_in_an_editorconfig_is_STD0103_at_that_line()
    {
        var files = new Dictionary<string, string>(Files)
        {
            ["/repo/.editorconfig"] = "root = true\n\n[*.cs]\ndotnet_diagnostic.CA1000.severity = none\ndotnet_diagnostic.RS0030.severity = none # legacy\ndotnet_diagnostic.CA5351.severity = warning\n",
            ["/repo/src/.globalconfig"] = "is_global = true\ndotnet_diagnostic.ca2100.severity = suggestion\n",
        };
        var settings = Settings() with { AnalyzerConfigFiles = ["/repo/.editorconfig", "/repo/src/.globalconfig"] };

        var findings = LockedSettingsCheck.Run(settings, Policy(), path => files.GetValueOrDefault(path));

        // The .globalconfig line lowers CA2100 at level 100, below the locked config's level: the policy's error wins, so it weakens nothing.
        Assert.Equal([("STD0103", "/repo/.editorconfig", 5)],
            findings.Select(f => (f.Code, f.File!, f.Line)));
        Assert.Contains("RS0030", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Editorconfig_silencing_with_an_exception_is_allowed()
    {
        var files = new Dictionary<string, string> { ["/repo/.editorconfig"] = "[*.cs]\ndotnet_diagnostic.RS0030.severity = none\n" };
        var settings = Settings() with { AnalyzerConfigFiles = ["/repo/.editorconfig"] };
        const string json = """{ "exceptions": [ { "rule": "RS0030", "scope": "Acme.Orders", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }""";

        Assert.Empty(LockedSettingsCheck.Run(settings, Policy(json), path => files.GetValueOrDefault(path)));
    }
}
