using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// The policy check next to a repo's own global analyzer config at the policy config's level: the configs it writes
/// take levels no other global config has, and the locked rules' severities go into the locked config above them.
/// </summary>
public sealed class LockedConfigTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly string _root = Directory.CreateTempSubdirectory("standards-locked-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Obj => Path.Combine(_root, "src", "Acme.Orders", "obj", "standards");

    private (string Policy, string Locked) Run(IReadOnlySet<string>? globalProperties, string surveySwitch, params string[] repoConfigs)
    {
        var project = Path.Combine(_root, "src", "Acme.Orders", "Acme.Orders.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, "<Project Sdk=\"Standards.Sdk\" />\n");
        var configs = repoConfigs.Select((text, i) =>
        {
            var path = Path.Combine(_root, "eng", $"repo{i}.globalconfig");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }).ToList();
        var policy = PolicyLoader.Load(Path.Combine(_root, "standards.json"), "{}", Today).Policy;
        var effective = new EffectivePolicy(policy, new ProjectContext("Acme.Orders", ProjectKinds.Library, "src/Acme.Orders"), Today);
        var settings = new LockedSettings(project, [project], "enable", ";nullable", true, true, "1701;1702", string.Empty, AnalyzerConfigFiles: configs)
        {
            RepoRoot = _root,
            GlobalProperties = globalProperties,
            Switches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [LockedSettingsCheck.SurveyBuildProperty] = surveySwitch },
        };
        var outputs = new ProjectPolicyOutputs(Path.Combine(Obj, "Standards.globalconfig"), null, Path.Combine(Obj, "CodeMetricsConfig.txt"), "Make obj/ writable.", Path.Combine(Obj, "Standards.locked.globalconfig"));
        ProjectPolicyCheck.Run(new ProjectPolicyInput(settings, _root, "src/Acme.Orders/Acme.Orders.csproj", null, outputs), effective, FindingReporter.ForProject(effective));
        return (File.ReadAllText(outputs.GlobalConfigFile), File.ReadAllText(outputs.LockedConfigFile!));
    }

    [Fact]
    public void A_repo_config_at_minus_one_moves_ours_below_it_and_the_locked_rules_go_above_every_config()
    {
        var (policy, locked) = Run(null, string.Empty, "is_global = true\nglobal_level = -1\ndotnet_diagnostic.RS0030.severity = none\n", "is_global = true\nglobal_level = 1000000\n");

        Assert.Contains("\nglobal_level = -2\n", policy.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\nglobal_level = 1000001\n", locked, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_diagnostic.RS0030.severity = error\n", locked, StringComparison.Ordinal);
        // Only locked rules: a rule the repo may configure (STD1001) stays in the policy config alone.
        Assert.DoesNotContain("STD1001", locked, StringComparison.Ordinal);
        Assert.Contains("dotnet_diagnostic.STD1001.severity", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_other_global_configs_the_levels_are_the_usual_ones()
    {
        var (policy, locked) = Run(null, string.Empty);

        Assert.Contains("\nglobal_level = -1\n", policy.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\nglobal_level = 1000000\n", locked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_survey_build_from_the_command_line_lowers_the_locked_errors_to_warnings_and_one_set_in_a_file_does_not()
    {
        var (_, survey) = Run(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { LockedSettingsCheck.SurveyBuildProperty }, "true");
        Assert.Contains("\ndotnet_diagnostic.RS0030.severity = warning\n", survey, StringComparison.Ordinal);
        Assert.DoesNotContain("= error", survey, StringComparison.Ordinal);

        var (_, inFile) = Run(new HashSet<string>(StringComparer.OrdinalIgnoreCase), "true");
        Assert.Contains("\ndotnet_diagnostic.RS0030.severity = error\n", inFile, StringComparison.Ordinal);
    }
}
