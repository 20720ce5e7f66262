using Standards.Adoption.Adopt;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Tool.Tests;

/// <summary>
/// The baseline entries adopt records for the findings a project's own build judges (package licences, package
/// metadata) name the project whose build reported them, so that build finds them again: a package metadata
/// finding points at the line of Directory.Build.props that sets the property, which is not the project.
/// </summary>
public sealed class ProjectEntriesTests : IDisposable
{
    private readonly string workspace = Directory.CreateTempSubdirectory("project-entries").FullName;

    public void Dispose() => Directory.Delete(workspace, recursive: true);

    [Fact]
    public void A_package_finding_at_Directory_Build_props_is_recorded_for_its_project_and_the_projects_pack_applies_it()
    {
        const string message = "Package Acme.Slugs: the readme README.md is not among the files packed (PackageReadmeFile set in Directory.Build.props). Pack it at that path: <None Include=\"README.md\" Pack=\"true\" PackagePath=\"/\" />.";
        ProjectEntries.Add(workspace, [new BuildDiagnostic("STD6052", true, "Directory.Build.props", 7, 5, message) { Project = "src/Acme.Slugs/Acme.Slugs.csproj" }]);

        var (baseline, problems) = BaselineFile.Parse(BaselineFile.DefaultFileName, File.ReadAllText(Path.Combine(workspace, BaselineFile.DefaultFileName)));
        Assert.Empty(problems);
        var entry = Assert.Single(baseline.Entries);
        Assert.Equal(("STD6052", "src/Acme.Slugs/Acme.Slugs.csproj"), (entry.Code, entry.File));

        var finding = new Finding("STD6052", Severity.Error, message, Path.Combine(workspace, "Directory.Build.props"), 7);
        var applied = ProjectFindingsBaseline.Apply([finding], baseline, "src/Acme.Slugs/Acme.Slugs.csproj", BaselineFile.DefaultFileName, Severity.Error, ["STD6052"]);

        var result = Assert.Single(applied);
        Assert.Equal(Severity.Info, result.Severity);
    }

    [Fact]
    public void A_finding_without_a_project_keeps_its_file()
    {
        ProjectEntries.Add(workspace, [new BuildDiagnostic("STD2011", false, "src/App/App.csproj", 3, 0, "Package Acme.Pdf 3.1.0 has an unknown licence.")]);

        var (baseline, _) = BaselineFile.Parse(BaselineFile.DefaultFileName, File.ReadAllText(Path.Combine(workspace, BaselineFile.DefaultFileName)));

        Assert.Equal("src/App/App.csproj", Assert.Single(baseline.Entries).File);
    }
}
