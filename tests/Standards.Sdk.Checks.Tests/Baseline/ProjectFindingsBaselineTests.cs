using CsCheck;
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

    private static readonly IReadOnlyCollection<string> Licences = ProjectFindingsBaseline.LicenceCodes;
    private static readonly IReadOnlyCollection<string> Metadata = ProjectFindingsBaseline.PackageMetadataCodes;

    private static BaselineFile Baseline(params (string Code, string File, string Message)[] entries) =>
        new([.. entries.Select(e => new BaselineEntry(e.Code, e.File, e.Message, 4))]);

    [Fact]
    public void An_entry_for_the_project_turns_its_licence_finding_into_a_baselined_message_and_a_new_one_still_fails()
    {
        var result = ProjectFindingsBaseline.Apply([Eula, Gpl, Audit], Baseline(("STD2011", Relative, Eula.Message)), Relative, BaselinePath, Severity.Warning, Licences);

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

        var result = ProjectFindingsBaseline.Apply([description, licence], Baseline(("STD6050", Relative, description.Message)), Relative, BaselinePath, Severity.Warning, Metadata);

        Assert.Equal([Severity.Info, Severity.Error], result.Select(f => f.Severity));
        Assert.True(ProjectFindingsBaseline.IsJudgedByProjects("STD6054"));
        Assert.False(ProjectFindingsBaseline.IsJudgedByProjects("STD6060"));
    }

    [Fact]
    public void Entries_of_another_project_or_a_locked_rule_accept_nothing()
    {
        var result = ProjectFindingsBaseline.Apply([Eula, Audit],
            Baseline(("STD2011", "src/Other/Other.csproj", Eula.Message), ("STD2010", Relative, Audit.Message)), Relative, BaselinePath, Severity.None, Licences);

        Assert.Equal([Eula, Audit], result);
    }

    [Fact]
    public void One_entry_accepts_one_finding_and_a_reworded_message_still_matches_by_code_and_file()
    {
        var second = Eula with { Message = "Package Other 1.0.0 (a direct dependency) has an unknown licence." };
        var result = ProjectFindingsBaseline.Apply([Eula, second], Baseline(("STD2011", Relative, "reworded")), Relative, BaselinePath, Severity.Warning, Licences);

        Assert.Equal(1, result.Count(f => f.Severity == Severity.Info));
        Assert.Equal(1, result.Count(f => f.Severity == Severity.Error && f.Code == "STD2011"));
    }

    [Fact]
    public void A_fixed_licence_finding_leaves_its_entry_reported_as_STD3902_at_the_entry()
    {
        var result = ProjectFindingsBaseline.Apply([], Baseline(("STD2012", Relative, Gpl.Message)), Relative, BaselinePath, Severity.Warning, Licences);

        var stale = Assert.Single(result);
        Assert.Equal(("STD3902", Severity.Warning, BaselinePath, 4), (stale.Code, stale.Severity, stale.File, stale.Line));
        Assert.StartsWith("standards-baseline.json: the entry for STD2012 in src/Acme/Acme.csproj (", stale.Message, StringComparison.Ordinal);
        Assert.Empty(ProjectFindingsBaseline.Apply([], Baseline(("STD2012", Relative, Gpl.Message)), Relative, BaselinePath, Severity.None, Licences));
    }

    [Fact]
    public void Without_a_baseline_the_findings_are_reported_as_they_are()
    {
        Assert.Equal([Eula, Gpl], ProjectFindingsBaseline.Apply([Eula, Gpl], null, Relative, BaselinePath, Severity.Warning, Licences));
    }

    [Fact]
    public void The_dependency_check_of_a_build_that_does_not_pack_leaves_the_package_entries_alone()
    {
        var readme = ("STD6052", Relative, "Package Acme: no readme is packed.");
        var repository = ("STD6053", Relative, "Package Acme: no repository URL.");

        var result = ProjectFindingsBaseline.Apply([Eula], Baseline(("STD2011", Relative, Eula.Message), readme, repository), Relative, BaselinePath, Severity.Error, Licences);

        var only = Assert.Single(result);
        Assert.Equal((Severity.Info, "STD2011"), (only.Severity, only.Code));
    }

    [Fact]
    public void The_metadata_check_of_the_pack_leaves_the_licence_entries_alone_and_judges_its_own()
    {
        var result = ProjectFindingsBaseline.Apply([], Baseline(("STD2011", Relative, Eula.Message), ("STD6052", Relative, "Package Acme: no readme is packed.")), Relative, BaselinePath, Severity.Error, Metadata);

        var stale = Assert.Single(result);
        Assert.Equal("STD3902", stale.Code);
        Assert.Contains("STD6052", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_of_a_rule_turned_off_is_neither_matched_nor_stale()
    {
        var result = ProjectFindingsBaseline.Apply([Eula], Baseline(("STD2012", Relative, Gpl.Message), ("STD2011", Relative, Eula.Message)), Relative, BaselinePath, Severity.Error, ["STD2011"]);

        Assert.Equal([Severity.Info], result.Select(f => f.Severity));
    }

    [Fact]
    public void A_finding_of_any_rule_the_check_ran_is_matched_by_its_entry_whatever_the_other_entries()
    {
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5]).Sample((licences, packages) =>
        {
            var entries = Enumerable.Range(0, licences).Select(i => ("STD2011", Relative, $"Package P{i} 1.0.0 has an unknown licence."))
                .Concat(Enumerable.Range(0, packages).Select(i => ("STD6053", Relative, $"Package Acme{i}: no repository URL.")))
                .ToArray();
            var findings = Enumerable.Range(0, licences).Select(i => Eula with { Message = $"Package P{i} 1.0.0 has an unknown licence." }).ToList();

            var result = ProjectFindingsBaseline.Apply(findings, Baseline(entries), Relative, BaselinePath, Severity.Error, Licences);

            return result.Count == licences && result.All(f => f.Severity == Severity.Info);
        });
    }
}
