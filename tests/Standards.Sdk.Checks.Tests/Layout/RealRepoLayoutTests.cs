using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>
/// Layouts of real repos: test projects found by what they are and what they reference, test/ as well as
/// tests/, test hosts under the tests folder, vendored folders, projects on other SDKs.
/// </summary>
public class RealRepoLayoutTests
{
    /// <summary>A compliant library repo whose tests live in test/ under the names real repos use.</summary>
    private static FakeRepo CleanArchitecture() => FakeRepo.Library()
        .WithoutFolder("tests/")
        .WithProject("src/Acme.Domain/Acme.Domain.csproj")
        .With(".github/CODEOWNERS", "*  @acme/platform\n/src/Acme.Orders/  @alice @bob\n")
        .WithProject("test/Acme.Orders.UnitTests/Acme.Orders.UnitTests.csproj")
        .WithProject("test/Acme.Domain.Checks/Acme.Domain.Checks.csproj", """
              <ItemGroup>
                <PackageReference Include="xunit" />
                <ProjectReference Include="..\..\src\Acme.Domain\Acme.Domain.csproj" />
              </ItemGroup>
            """);

    [Fact]
    public void Test_folder_and_test_projects_by_reference_or_any_test_suffix_pass() =>
        FindingAssert.None(CleanArchitecture().Layout());

    [Theory]
    [InlineData("Acme.Orders.UnitTests")]
    [InlineData("Acme.Orders.IntegrationTests")]
    [InlineData("Acme.Orders.FunctionalTests")]
    [InlineData("Acme.Orders.Specs")]
    public void Any_test_suffix_counts(string testName) =>
        FindingAssert.None(FakeRepo.Library().WithoutFolder("tests/").WithProject($"tests/{testName}/{testName}.csproj").Layout());

    [Theory]
    [InlineData("<PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup>")]
    [InlineData("<ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" /></ItemGroup>")]
    [InlineData("<ItemGroup><PackageReference Include=\"NUnit\" Version=\"4.0.0\" /></ItemGroup>")]
    public void A_test_project_is_one_by_what_it_is_not_by_its_name(string body)
    {
        var project = ProjectFileReader.Read("tests/Acme.Checks/Acme.Checks.csproj", $"<Project Sdk=\"Standards.Sdk\">{body}</Project>");
        Assert.Equal(ProjectKinds.Test, project.Kind);
    }

    [Fact]
    public void MSTest_sdk_project_is_a_test_project_and_Web_sdk_project_a_service_wherever_it_lives()
    {
        Assert.Equal(ProjectKinds.Test, ProjectFileReader.Read("tests/A/A.csproj", "<Project Sdk=\"MSTest.Sdk/3.6.4\"><Sdk Name=\"Standards.Sdk\" /></Project>").Kind);
        var web = ProjectFileReader.Read("src/Acme.Web/Acme.Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><Sdk Name=\"Standards.Sdk\" /></Project>");
        Assert.Equal((ProjectKinds.Service, true), (web.Kind, web.UsesStandardsSdk));
        var tool = ProjectFileReader.Read("cmd/Acme.Tool/Acme.Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        Assert.Equal((ProjectKinds.Service, false), (tool.Kind, tool.UsesStandardsSdk));
    }

    [Fact]
    public void Project_references_are_read_as_repo_relative_paths()
    {
        var project = ProjectFileReader.Read("test/A.Tests/A.Tests.csproj",
            "<Project Sdk=\"Standards.Sdk\"><ItemGroup><ProjectReference Include=\"..\\..\\src\\A\\A.csproj;../../src/B/B.csproj\" /><ProjectReference Include=\"$(Root)/C.csproj\" /><ProjectReference Include=\"../../../outside/D.csproj\" /></ItemGroup></Project>");
        Assert.Equal(["src/A/A.csproj", "src/B/B.csproj"], project.References);
    }

    [Fact]
    public void Missing_test_project_names_the_tests_folder_found()
    {
        var finding = Assert.Single(CleanArchitecture().Without("test/Acme.Orders.UnitTests/Acme.Orders.UnitTests.csproj").Layout());
        Assert.Equal(("STD3008", "src/Acme.Orders/Acme.Orders.csproj"), (finding.Code, finding.File));
        Assert.Contains("test/Acme.Orders.Tests/Acme.Orders.Tests.csproj", finding.Message, StringComparison.Ordinal);
        Assert.Contains("under test/", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_tests_folder_is_the_one_required_and_named()
    {
        var findings = CleanArchitecture().Layout("""{ "layout": { "testsFolder": "spec" } }""");
        var missing = Assert.Single(findings, f => f.Code == "STD3006");
        Assert.Equal("spec", missing.File);
        Assert.Contains("no spec/ folder", missing.Message, StringComparison.Ordinal);
        Assert.Equal(2, findings.Count(f => f.Code == "STD3008"));
    }

    [Fact]
    public void Test_host_under_the_tests_folder_is_not_an_executable_for_cmd_nor_for_the_repo_kind()
    {
        var repo = FakeRepo.Library()
            .WithProject("tests/Acme.Orders.TestHost/Acme.Orders.TestHost.csproj", "<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>")
            .WithProject("tests/Fixtures/Acme.Fake.Api/Acme.Fake.Api.csproj", "<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>");
        FindingAssert.None(repo.Layout());
        Assert.Equal(ProjectKinds.Library, RepositoryKind.Resolve(FakeRepo.Policy(null), repo.Snapshot()).Kind);
    }

    /// <summary>
    /// A library repo's sample apps (Carter: ASP.NET Core samples under samples/, in the solution) are not entry points
    /// the repo ships: no STD3007, and the repo stays a library repo (it was a service repo, with its runbook rules).
    /// The same app under src/ still makes it a service repo.
    /// </summary>
    [Fact]
    public void Sample_apps_are_not_executables_for_cmd_nor_for_the_repo_kind()
    {
        const string Web = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <Sdk Name=\"Standards.Sdk\" />\n</Project>\n";
        var repo = FakeRepo.Library()
            .With("samples/CarterSample/CarterSample.csproj", Web)
            .WithProject("samples/CarterAndMVC/CarterAndMVC.csproj", "<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>")
            .With("src/Examples/Web/Web.csproj", Web);
        FindingAssert.None(repo.Layout());
        Assert.Equal(ProjectKinds.Library, RepositoryKind.Resolve(FakeRepo.Policy(null), repo.Snapshot()).Kind);

        var app = repo.With("src/Acme.Orders.Api/Acme.Orders.Api.csproj", Web);
        Assert.Equal(ProjectKinds.Service, RepositoryKind.Resolve(FakeRepo.Policy(null), app.Snapshot()).Kind);
        Assert.Contains(app.Layout(), f => f.Code == "STD3007" && f.File == "src/Acme.Orders.Api/Acme.Orders.Api.csproj");
    }

    [Fact]
    public void Project_not_on_Standards_Sdk_is_ignored_unless_standards_json_asks()
    {
        // An Aspire AppHost-style project on another SDK: no STD3007/STD3008, and the repo stays a library repo.
        var repo = FakeRepo.Library()
            .With("src/Acme.AppHost/Acme.AppHost.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><Sdk Name=\"Aspire.AppHost.Sdk\" Version=\"9.0.0\" /><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>\n");
        FindingAssert.None(repo.Layout());
        Assert.Equal(ProjectKinds.Library, RepositoryKind.Resolve(FakeRepo.Policy(null), repo.Snapshot()).Kind);

        const string check = """{ "layout": { "projectsWithoutStandardsSdk": "check" } }""";
        Assert.Equal(ProjectKinds.Worker, RepositoryKind.Resolve(FakeRepo.Policy(check), repo.Snapshot()).Kind);
        Assert.Contains(repo.Layout(check), f => f.Code == "STD3008" && f.File == "src/Acme.AppHost/Acme.AppHost.csproj");
    }

    [Fact]
    public void Excluded_folders_are_left_out_of_every_repository_check()
    {
        var repo = FakeRepo.Library()
            .WithProject("src/Vendor/Json/Json.csproj", "<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>")
            .With("src/Utils/helpers.txt", "x\n")
            .WithProject("src/Acme.Generated/Acme.Generated.csproj");
        Assert.Contains(repo.Layout(), f => f.Code == "STD3008" && f.File == "src/Vendor/Json/Json.csproj");

        FindingAssert.None(repo.Layout("""{ "layout": { "exclude": ["src/Vendor", "src/Utils/**", "src/Acme.Gen*/**"] } }"""));
        var policy = FakeRepo.Policy("""{ "layout": { "exclude": ["src/Vendor"] } }""");
        Assert.DoesNotContain(RepositoryScope.Apply(repo.Snapshot(), policy).Files, f => f.StartsWith("src/Vendor/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "layout": { "testsFolder": "a/b" } }""")]
    [InlineData("""{ "layout": { "testsFolder": 3 } }""")]
    [InlineData("""{ "layout": { "exclude": "vendor" } }""")]
    [InlineData("""{ "layout": { "exclude": ["../outside"] } }""")]
    [InlineData("""{ "layout": { "projectsWithoutStandardsSdk": "yes" } }""")]
    public void Bad_layout_settings_are_STD0002(string json)
    {
        var policy = Standards.Sdk.Checks.Policy.PolicyLoader.Load("standards.json", json, FakeRepo.Today).Policy;
        var finding = Assert.Single(new Standards.Sdk.Checks.Layout.LayoutCheck().Run(FakeRepo.Library().Snapshot(), policy, FakeRepo.Today));
        Assert.Equal("STD0002", finding.Code);
    }
}
