using System.Diagnostics;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// `dotnet standards adopt` end to end on the fixture repos, each a test: (a) tests/fixtures/adopt-library,
/// a fluent guard library multi-targeting net8.0 and netstandard2.0, its tests under test/ (net10.0: the only runtime
/// this machine has to run them), a vendored folder, inline package versions, no central package management, no
/// global.json, and TreatWarningsAsErrors in Directory.Build.props; (b) tests/fixtures/adopt-service, a
/// clean-architecture service with a Razor Pages app on the Web SDK, a worker on the Worker SDK, an AppHost-style
/// executable and *.UnitTests and *.FunctionalTests (its README says what it models). The tool is installed as a
/// local tool from the test feed, as a user installs it, at the SDK's version.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class AdoptCommandTests(ITestOutputHelper output)
{
    private const string Guard = "src/Fluent.Guard/Guard.cs";

    [Fact]
    public void Adopt_takes_the_library_to_a_green_CI_build_new_findings_fail_and_fixed_ones_leave_the_baselines()
    {
        using var repo = AdoptionFixtures.Committed(AdoptionFixtures.Library);

        // The tool is the SDK's version: packed together, installed from the same feed.
        var version = repo.Dotnet(["standards", "--version"], ci: false);
        Assert.Equal(repo.Sdk.Version, version.Output.Trim());

        var watch = Stopwatch.StartNew();
        var adopt = repo.Dotnet(["standards", "adopt"], ci: false);
        output.WriteLine($"dotnet standards adopt: {watch.Elapsed.TotalSeconds:F1} s\n{adopt.Output}");
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("src/Fluent.Guard/Fluent.Guard.csproj: Sdk=\"Microsoft.NET.Sdk\" -> Sdk=\"Standards.Sdk\"", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("Builds: 2 (1 survey, 1 in CI mode); the CI-mode build is green.", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"\"Standards.Sdk\": \"{repo.Sdk.Version}\"", repo.ReadFile("global.json"), StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"System.Text.Json\" Version=\"9.0.0\" />", repo.ReadFile("Directory.Packages.props"), StringComparison.Ordinal);
        Assert.True(repo.Exists("src/Fluent.Guard/packages.lock.json") && repo.Exists("test/Fluent.Guard.UnitTests/packages.lock.json"));
        var codeBaseline = repo.ReadFile("standards-code-baseline.json");
        foreach (var recorded in new[] { "CA1305", "CS8602", "CS1591" })
        {
            Assert.Contains($"\"id\": \"{recorded}\", \"file\": \"{Guard}\"", codeBaseline, StringComparison.Ordinal);
        }

        Assert.Contains("\"code\": \"STD3001\"", repo.ReadFile("standards-baseline.json"), StringComparison.Ordinal);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");

        var build = repo.Build(ci: true);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
        var test = repo.Dotnet(["test", "-tl:off"], ci: true);
        Assert.True(test.Succeeded, test.Output);

        // A new violation of each kind fails: analyzer (CA1305), nullable (CS8602), ours (STD1006), layout (STD3001).
        var source = repo.ReadFile(Guard);
        repo.WriteFile(Guard, source + "\n" + AdoptionFixtures.PlantedClass);
        repo.DeleteFile("README.md");
        var planted = repo.Build(ci: true);
        Assert.False(planted.Succeeded);
        Assert.Equal(["CA1305", "CS8602", "STD1006", "STD3001"], AdoptionFixtures.ErrorCodes(planted));
        Assert.All(planted.Errors.Where(e => e.Code is "CA1305" or "CS8602" or "STD1006"), e => Assert.True(e.Line > source.Split('\n').Length, $"{e.Code} at line {e.Line} is not in the planted code"));
        repo.Git("checkout", "--", ".");

        // Fixing baselined findings: the repo checks report the fixed entry (STD3902, so CI asks for its removal);
        // a re-run of the command drops both the repo and the code entries, and CI is green again.
        repo.WriteFile(Guard, source.Replace("low.ToString() + \"..\" + high.ToString()", "low.ToString(CultureInfo.InvariantCulture) + \"..\" + high.ToString(CultureInfo.InvariantCulture)", StringComparison.Ordinal));
        repo.WriteFile("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n- Adopted Standards.Sdk.\n");
        var fixedBuild = repo.Build(ci: true);
        Assert.Equal(["STD3902"], fixedBuild.Errors.Select(e => e.Code).Distinct());
        var codeEntries = AdoptionFixtures.Count(codeBaseline, "\"id\": ");
        var again = repo.Dotnet(["standards", "adopt", "--allow-dirty"], ci: false);
        output.WriteLine(again.Output);
        Assert.True(again.Succeeded, again.Output);
        Assert.Contains("fixed, removed: STD3001 CHANGELOG.md", again.Output, StringComparison.Ordinal);
        Assert.Contains($"fixed, removed: CA1305 {Guard}", again.Output, StringComparison.Ordinal);
        Assert.Equal(codeEntries - 1, AdoptionFixtures.Count(repo.ReadFile("standards-code-baseline.json"), "\"id\": "));
        Assert.DoesNotContain("CHANGELOG.md", repo.ReadFile("standards-baseline.json"), StringComparison.Ordinal);
        var green = repo.Build(ci: true);
        Assert.True(green.Succeeded, green.ToString());
    }

    private const string Product = "src/Acme.Catalog.Domain/Product.cs";
    private const string Web = "src/Acme.Catalog.Web/Acme.Catalog.Web.csproj";
    private const string Worker = "src/Acme.Catalog.Worker/Acme.Catalog.Worker.csproj";
    private const string AppHost = "src/Acme.Catalog.AppHost/Acme.Catalog.AppHost.csproj";
    private const string Infrastructure = "src/Acme.Catalog.Infrastructure/Acme.Catalog.Infrastructure.csproj";

    [Fact]
    public void Adopt_takes_the_service_with_Web_Worker_and_AppHost_projects_to_a_green_CI_build_and_the_Web_app_still_publishes_wwwroot()
    {
        using var repo = AdoptionFixtures.Committed(AdoptionFixtures.Service);

        // Its chain of references (Domain, Application, Infrastructure, Web, FunctionalTests) compiles in one survey
        // build; with the CI-mode rebuild and the tests, on a loaded machine that can be more than the 10 minutes a
        // command gets.
        var watch = Stopwatch.StartNew();
        var adopt = repo.Dotnet(["standards", "adopt"], ci: false, timeout: AdoptionFixtures.AdoptTimeout);
        output.WriteLine($"dotnet standards adopt: {watch.Elapsed.TotalSeconds:F1} s\n{adopt.Output}");
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);

        // Each project on the policy in the form that fits it: the Web and Worker SDKs kept, Standards.Sdk layered.
        Assert.Contains($"{Web}: layered <Sdk Name=\"Standards.Sdk\" /> over Microsoft.NET.Sdk.Web", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"{Worker}: layered <Sdk Name=\"Standards.Sdk\" /> over Microsoft.NET.Sdk.Worker", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"{AppHost}: Sdk=\"Microsoft.NET.Sdk\" -> Sdk=\"Standards.Sdk\"", adopt.Output, StringComparison.Ordinal);
        Assert.StartsWith("<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <Sdk Name=\"Standards.Sdk\" />\n", repo.ReadFile(Web), StringComparison.Ordinal);

        // global.json keeps its sdk section; the existing central package management gains transitive pinning.
        using (var globalJson = System.Text.Json.JsonDocument.Parse(repo.ReadFile("global.json")))
        {
            Assert.Equal("10.0.401", globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString());
            Assert.Equal(repo.Sdk.Version, globalJson.RootElement.GetProperty("msbuild-sdks").GetProperty("Standards.Sdk").GetString());
        }

        Assert.Contains("<CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>", repo.ReadFile("Directory.Packages.props"), StringComparison.Ordinal);
        foreach (var project in Directory.EnumerateFiles(repo.Root, "*.csproj", SearchOption.AllDirectories))
        {
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "packages.lock.json")), $"no lock file beside {project}");
        }

        // The baselines hold the repo's findings and no false ones: the tested projects (referenced with Windows
        // separators) have no STD3008; the executables outside cmd/, the AppHost among them, have STD3007.
        var code = AdoptionFixtures.CodeBaseline(repo);
        foreach (var recorded in new[] { $"CS8602 {Product}", $"CS1591 {Product}", "CS8618 src/Acme.Catalog.Domain/Category.cs", "CA1305 src/Acme.Catalog.Application/ProductService.cs" })
        {
            Assert.Contains(recorded, code);
        }

        var findings = AdoptionFixtures.RepoBaseline(repo);
        Assert.Equal([$"STD3007 {AppHost}", $"STD3007 {Web}", $"STD3007 {Worker}"], findings.Where(f => f.StartsWith("STD3007", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal([$"STD3008 {AppHost}", $"STD3008 {Infrastructure}", $"STD3008 {Worker}"], findings.Where(f => f.StartsWith("STD3008", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("STD3031 SECURITY.md", findings);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");

        var build = repo.Build(ci: true);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
        Assert.Equal(["service"], KindsOf(build, "Acme.Catalog.Web"));
        Assert.Equal(["worker"], KindsOf(build, "Acme.Catalog.Worker"));
        Assert.Equal(["tool"], KindsOf(build, "Acme.Catalog.AppHost"));
        var test = repo.Dotnet(["test", "-tl:off"], ci: true);
        Assert.True(test.Succeeded, test.Output);

        // A new violation of each kind fails: analyzer (CA1305), nullable (CS8602), ours (STD1006), layout (STD3001).
        const string plantedFile = "src/Acme.Catalog.Domain/Planted.cs";
        repo.WriteFile(plantedFile, "namespace Acme.Catalog.Domain;\n\n" + AdoptionFixtures.PlantedClass);
        repo.DeleteFile("README.md");
        var planted = repo.Build(ci: true);
        Assert.False(planted.Succeeded);
        Assert.Equal(["CA1305", "CS8602", "STD1006", "STD3001"], AdoptionFixtures.ErrorCodes(planted));
        Assert.All(planted.Errors.Where(e => e.Code != "STD3001"), e => Assert.EndsWith(plantedFile, e.File.Replace('\\', '/'), StringComparison.Ordinal));
        repo.DeleteFile(plantedFile);
        repo.Git("checkout", "--", ".");

        // Fixing baselined findings (a nullable warning, a missing SECURITY.md): the repo checks report the fixed
        // entry (STD3902); a re-run of the command drops both entries, and CI is green again.
        var product = repo.ReadFile(Product);
        repo.WriteFile(Product, product.Replace("return Description.Length;", "return Description?.Length ?? 0;", StringComparison.Ordinal));
        repo.WriteFile("SECURITY.md", "# Security\n\nReport vulnerabilities privately to security@example.invalid.\n");
        var fixedBuild = repo.Build(ci: true);
        Assert.Equal(["STD3902"], AdoptionFixtures.ErrorCodes(fixedBuild));
        var again = repo.Dotnet(["standards", "adopt", "--allow-dirty"], ci: false, timeout: AdoptionFixtures.AdoptTimeout);
        output.WriteLine(again.Output);
        Assert.True(again.Succeeded, again.Output);
        Assert.Contains("fixed, removed: STD3031 SECURITY.md", again.Output, StringComparison.Ordinal);
        Assert.Contains($"fixed, removed: CS8602 {Product}", again.Output, StringComparison.Ordinal);
        Assert.Equal(code.Count - 1, AdoptionFixtures.CodeBaseline(repo).Count);
        Assert.Equal(findings.Count - 1, AdoptionFixtures.RepoBaseline(repo).Count);
        var green = repo.Build(ci: true);
        Assert.True(green.Succeeded, green.ToString());

        // The Web app publishes as before: wwwroot and the compiled Razor page.
        var publishFolder = Path.Combine(repo.BinaryLogFolder, "publish"); // beside the repo, not in it (the checks read the repo); removed with it
        var publish = repo.Dotnet(["publish", repo.PathOf(Web), "-c", "Release", "-o", publishFolder, "-nr:false"], ci: true);
        Assert.True(publish.Succeeded, publish.ToString());
        Assert.True(File.Exists(Path.Combine(publishFolder, "wwwroot", "css", "site.css")), "wwwroot/css is not in the publish output");
        Assert.True(File.Exists(Path.Combine(publishFolder, "wwwroot", "js", "site.js")), "wwwroot/js is not in the publish output");
        // The page compiled into the app, in the namespace its _ViewImports.cshtml names (@namespace Acme.Catalog.Web.Pages).
        Assert.Contains("Acme.Catalog.Web.Pages.Pages_Index", TypeNames(Path.Combine(publishFolder, "Acme.Catalog.Web.dll")));
    }

    /// <summary>The project kinds the build's messages give a project ("Standards.Sdk: X is a 'kind' project (why)").</summary>
    private static List<string> KindsOf(BuildResult build, string project) =>
        [.. build.MessagesContaining($"Standards.Sdk: {project} is a '").Select(m => m.Text.Split('\'')[1]).Distinct()];

    /// <summary>The full names of the types an assembly defines.</summary>
    private static List<string> TypeNames(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return [.. metadata.TypeDefinitions.Select(metadata.GetTypeDefinition).Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")];
    }
}
