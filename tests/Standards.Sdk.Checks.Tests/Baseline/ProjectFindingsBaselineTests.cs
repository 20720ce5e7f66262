using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Tests.Baseline;

/// <summary>The licence findings of a project's build against the adoption baseline's entries for that project.</summary>
public class ProjectFindingsBaselineTests
{
    private const string Project = "/repo/src/Acme/Acme.csproj";
    private const string Relative = "src/Acme/Acme.csproj";
    private const string BaselinePath = "/repo/standards-baseline.json";

    private static readonly Finding Eula = new("STD2011", Severity.Error, "Package Eula 3.0.0 (a direct dependency) has an unknown licence: it declares licenseUrl https://example.com/eula.", Project, 7);
    private static readonly Finding Gpl = new("STD2012", Severity.Error, "Package Gpl 2.0.0 (brought in by Good) is licensed under GPL-3.0-or-later, which the licence policy denies.", Project, 7);
    private static readonly Finding Audit = new("STD2010", Severity.Error, "NuGetAudit is false.", Project, 3);

    private static BaselineFile Baseline(params (string Code, string File, string Message)[] entries) =>
        new([.. entries.Select(e => new BaselineEntry(e.Code, e.File, e.Message, 4))]);

    [Fact]
    public void An_entry_for_the_project_turns_its_licence_finding_into_a_baselined_message_and_a_new_one_still_fails()
    {
        var result = ProjectFindingsBaseline.Apply([Eula, Gpl, Audit], Baseline(("STD2011", Relative, Eula.Message)), Relative, BaselinePath, Severity.Warning);

        Assert.Equal(3, result.Count);
        Assert.Equal((Severity.Info, "[baseline] " + Eula.Message, Project), (result[0].Severity, result[0].Message, result[0].File));
        Assert.Equal(Gpl, result[1]);
        Assert.Equal(Audit, result[2]);
    }

    [Fact]
    public void A_package_metadata_finding_of_the_pack_is_baselined_like_a_licence_finding()
    {
        var description = new Finding("STD6050", Severity.Error, "Package Acme: the package has no description (Description set nowhere in Acme.csproj or its Directory.Build.props). Set <Description>.", Project, 1);
        var licence = description with { Code = "STD6051", Message = "Package Acme: the package declares no licence." };

        var result = ProjectFindingsBaseline.Apply([description, licence], Baseline(("STD6050", Relative, description.Message)), Relative, BaselinePath, Severity.Warning);

        Assert.Equal([Severity.Info, Severity.Error], result.Select(f => f.Severity));
        Assert.True(ProjectFindingsBaseline.IsJudgedByProjects("STD6054"));
        Assert.False(ProjectFindingsBaseline.IsJudgedByProjects("STD6060"));
    }

    [Fact]
    public void Entries_of_another_project_or_a_locked_rule_accept_nothing()
    {
        var result = ProjectFindingsBaseline.Apply([Eula, Audit],
            Baseline(("STD2011", "src/Other/Other.csproj", Eula.Message), ("STD2010", Relative, Audit.Message)), Relative, BaselinePath, Severity.None);

        Assert.Equal([Eula, Audit], result);
    }

    [Fact]
    public void One_entry_accepts_one_finding_and_a_reworded_message_still_matches_by_code_and_file()
    {
        var second = Eula with { Message = "Package Other 1.0.0 (a direct dependency) has an unknown licence." };
        var result = ProjectFindingsBaseline.Apply([Eula, second], Baseline(("STD2011", Relative, "reworded")), Relative, BaselinePath, Severity.Warning);

        Assert.Equal(1, result.Count(f => f.Severity == Severity.Info));
        Assert.Equal(1, result.Count(f => f.Severity == Severity.Error && f.Code == "STD2011"));
    }

    [Fact]
    public void A_fixed_licence_finding_leaves_its_entry_reported_as_STD3902_at_the_entry()
    {
        var result = ProjectFindingsBaseline.Apply([], Baseline(("STD2012", Relative, Gpl.Message)), Relative, BaselinePath, Severity.Warning);

        var stale = Assert.Single(result);
        Assert.Equal(("STD3902", Severity.Warning, BaselinePath, 4), (stale.Code, stale.Severity, stale.File, stale.Line));
        Assert.StartsWith("standards-baseline.json: the entry for STD2012 in src/Acme/Acme.csproj (", stale.Message, StringComparison.Ordinal);
        Assert.Empty(ProjectFindingsBaseline.Apply([], Baseline(("STD2012", Relative, Gpl.Message)), Relative, BaselinePath, Severity.None));
    }

    [Fact]
    public void Without_a_baseline_the_findings_are_reported_as_they_are()
    {
        Assert.Equal([Eula, Gpl], ProjectFindingsBaseline.Apply([Eula, Gpl], null, Relative, BaselinePath, Severity.Warning));
    }
}
