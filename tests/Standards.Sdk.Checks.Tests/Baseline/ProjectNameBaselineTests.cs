using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Baseline;

/// <summary>
/// STD1007 in the adoption baseline: the repository checks record it and judge its entries, the project's build
/// reports it unless an entry for its project file accepts it, and a new generic project still fails.
/// </summary>
public class ProjectNameBaselineTests
{
    private const string CommonProject = "src/Acme.Common/Acme.Common.csproj";

    private static readonly DateOnly Today = FakeRepo.Today;

    private static FakeRepo Repo() => FakeRepo.Library()
        .WithProject(CommonProject)
        .WithProject("tests/Acme.Common.Tests/Acme.Common.Tests.csproj", "<ItemGroup><ProjectReference Include=\"../../src/Acme.Common/Acme.Common.csproj\" /></ItemGroup><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup>");

    private static EffectivePolicy PolicyOf(string name, string directory, string? json = null) =>
        new(FakeRepo.Policy(json, Today), new ProjectContext(name, ProjectKinds.Library, directory), Today);

    [Fact]
    public void The_repository_checks_record_STD1007_on_update_but_leave_reporting_it_to_the_project_build()
    {
        var outcome = RepositoryCheckRunner.Run(Repo().Snapshot(), StandardsPolicy.Default, Today, [new LayoutCheck()], null);
        Assert.DoesNotContain(outcome.Reported, f => f.Code == CodeRuleIds.GenericProjectName);

        // The test project's name has a generic segment too; both are recorded.
        var names = outcome.Current.Where(f => f.Code == CodeRuleIds.GenericProjectName).Select(f => f.File).ToList();
        Assert.Equal([CommonProject, "tests/Acme.Common.Tests/Acme.Common.Tests.csproj"], names);

        var rewrite = AdoptionBaseline.Rewrite(outcome, FakeRepo.Root, "standards-baseline.json", null);
        var (file, problems) = BaselineFile.Parse("standards-baseline.json", rewrite.Text);
        Assert.Empty(problems);
        Assert.Contains(file.Entries, e => e.Code == CodeRuleIds.GenericProjectName && e.File == CommonProject);
    }

    [Fact]
    public void A_baselined_generic_project_is_a_message_and_a_new_one_still_fails()
    {
        var recorded = RepositoryCheckRunner.Run(Repo().Snapshot(), StandardsPolicy.Default, Today, [new LayoutCheck()], null);
        var baseline = BaselineFile.Parse("standards-baseline.json", BaselineFile.Write(recorded.Current, FakeRepo.Root)).Baseline;

        var accepted = Assert.Single(ProjectNameCheck.Run("/repo/" + CommonProject, PolicyOf("Acme.Common", "src/Acme.Common"), baseline, CommonProject));
        Assert.Equal(Severity.Info, accepted.Severity);
        Assert.StartsWith(BaselineMatcher.AcceptedPrefix + "Project 'Acme.Common' is named 'Common'", accepted.Message, StringComparison.Ordinal);

        // A generic project added after the adoption has no entry: it fails as before.
        var utils = Assert.Single(ProjectNameCheck.Run("/repo/src/Acme.Utils/Acme.Utils.csproj", PolicyOf("Acme.Utils", "src/Acme.Utils"), baseline, "src/Acme.Utils/Acme.Utils.csproj"));
        Assert.Equal((CodeRuleIds.GenericProjectName, Severity.Warning), (utils.Code, utils.Severity));

        // An entry of another rule or another file accepts nothing.
        var other = new BaselineFile([new BaselineEntry(CodeRuleIds.GenericProjectName, "src/Other/Other.csproj", accepted.Message), new BaselineEntry("STD3008", CommonProject, "x")]);
        Assert.Equal(Severity.Warning, Assert.Single(ProjectNameCheck.Run("/repo/" + CommonProject, PolicyOf("Acme.Common", "src/Acme.Common"), other, CommonProject)).Severity);

        // And with the baseline in place the repository checks report nothing about it.
        var applied = RepositoryCheckRunner.Run(Repo().Snapshot(), StandardsPolicy.Default, Today, [new LayoutCheck()],
            new BaselineInput("standards-baseline.json", baseline, []));
        Assert.DoesNotContain(applied.Reported, f => f.Code is CodeRuleIds.GenericProjectName or BaselineRuleIds.EntryNoLongerNeeded);
        Assert.Contains(applied.Baselined, f => f.Code == CodeRuleIds.GenericProjectName && f.File == CommonProject);
    }

    [Fact]
    public void The_entry_of_a_renamed_project_is_removable()
    {
        var recorded = RepositoryCheckRunner.Run(Repo().Snapshot(), StandardsPolicy.Default, Today, [new LayoutCheck()], null);
        var (file, problems) = BaselineFile.Parse("standards-baseline.json", BaselineFile.Write(recorded.Current, FakeRepo.Root));
        var renamed = FakeRepo.Library()
            .WithProject("src/Acme.Money/Acme.Money.csproj")
            .WithProject("tests/Acme.Money.Tests/Acme.Money.Tests.csproj", "<ItemGroup><ProjectReference Include=\"../../src/Acme.Money/Acme.Money.csproj\" /></ItemGroup><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup>");
        var outcome = RepositoryCheckRunner.Run(renamed.Snapshot(), StandardsPolicy.Default, Today, [new LayoutCheck()], new BaselineInput("standards-baseline.json", file, problems));
        var stale = outcome.Reported.Where(f => f.Code == BaselineRuleIds.EntryNoLongerNeeded).ToList();
        Assert.Equal(2, stale.Count);
        Assert.Contains(stale, f => f.Message.Contains($"STD1007 in {CommonProject}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_scoped_exception_or_the_rule_off_records_nothing()
    {
        const string excepted = """{ "exceptions": [ { "rule": "STD1007", "scope": "Acme.Common", "owner": "@a", "reason": "published id", "expires": "2026-12-31" } ] }""";
        var outcome = RepositoryCheckRunner.Run(Repo().Snapshot(), FakeRepo.Policy(excepted, Today), Today, [new LayoutCheck()], null);
        Assert.DoesNotContain(outcome.Current, f => f.Code == CodeRuleIds.GenericProjectName && f.File == CommonProject);

        var off = RepositoryCheckRunner.Run(Repo().Snapshot(), FakeRepo.Policy("""{ "rules": { "STD1007": "none" } }""", Today), Today, [new LayoutCheck()], null);
        Assert.DoesNotContain(off.Current, f => f.Code == CodeRuleIds.GenericProjectName);
    }
}
