using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>The policy check of one project as a plain check over a temporary repo: what it writes and reports.</summary>
public sealed class ProjectPolicyCheckTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly string _root = Directory.CreateTempSubdirectory("standards-policy-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Project => Path.Combine(_root, "src", "Acme.Orders", "Acme.Orders.csproj");

    private string Obj => Path.Combine(_root, "src", "Acme.Orders", "obj", "standards");

    private (IReadOnlyList<string> Lines, FindingReporter Reporter) Run(string json, string? obj = null, string? survey = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Project)!);
        File.WriteAllText(Project, "<Project Sdk=\"Standards.Sdk\" />\n");
        var policy = PolicyLoader.Load(Path.Combine(_root, "standards.json"), json, Today).Policy;
        var effective = new EffectivePolicy(policy, new ProjectContext("Acme.Orders", ProjectKinds.Library, "src/Acme.Orders"), Today);
        var reporter = FindingReporter.ForProject(effective);
        var folder = obj ?? Obj;
        var settings = new LockedSettings(Project, [Project], "enable", ";nullable", true, true, "1701;1702", string.Empty) { RepoRoot = _root };
        var input = new ProjectPolicyInput(settings, _root, "src/Acme.Orders/Acme.Orders.csproj", null,
            new ProjectPolicyOutputs(Path.Combine(folder, "Standards.globalconfig"), survey, Path.Combine(folder, "CodeMetricsConfig.txt"), "Make obj/ writable."));
        return (ProjectPolicyCheck.Run(input, effective, reporter), reporter);
    }

    [Fact]
    public void A_compliant_project_gets_its_analyzer_configs_and_no_finding()
    {
        var (lines, reporter) = Run("{}", survey: Path.Combine(Obj, "Standards.survey.globalconfig"));

        Assert.Empty(reporter.Findings);
        Assert.Contains("\nis_global = true", File.ReadAllText(Path.Combine(Obj, "Standards.globalconfig")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Obj, "Standards.survey.globalconfig")));
        Assert.True(File.Exists(Path.Combine(Obj, "CodeMetricsConfig.txt")));
        Assert.Equal([$"Standards.Sdk: checked the build policy of Acme.Orders ({Path.Combine(_root, "standards.json")})."], lines);
    }

    [Fact]
    public void Diagnostics_the_SDK_does_not_manage_are_named_in_the_summary()
    {
        var (lines, _) = Run("""{ "rules": { "MA0051": "warning" } }""");

        Assert.Equal("Standards.Sdk: standards.json sets 1 diagnostic(s) Standards.Sdk does not manage, applied as written through the generated analyzer config: MA0051=warning.", lines[1]);
    }

    [Fact]
    public void A_folder_the_configs_cannot_be_written_to_is_STD0008()
    {
        var blocked = Path.Combine(_root, "blocked");
        File.WriteAllText(blocked, "a file where the folder should be");

        var (_, reporter) = Run("{}", obj: blocked);

        var finding = Assert.Single(reporter.Findings);
        Assert.Equal(PolicyRuleIds.StateNotWritable, finding.Code);
        Assert.Equal(Path.Combine(blocked, "Standards.globalconfig"), finding.File);
    }
}
