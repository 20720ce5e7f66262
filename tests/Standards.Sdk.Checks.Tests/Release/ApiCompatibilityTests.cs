using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Release.Packaging;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>Which release a library's API is compared with, and what package validation's differences become.</summary>
public class ApiCompatibilityTests
{
    private const string Project = "/repo/src/Acme.Slugs/Acme.Slugs.csproj";
    private static readonly string Feed = Path.Combine(Path.GetTempPath(), "feed");
    private static readonly string PackageRoot = Path.Combine(Path.GetTempPath(), "packages");

    private static readonly ApiBaselineRequest Request = new()
    {
        ProjectFile = Project,
        PackageId = "Acme.Slugs",
        PackageVersion = "1.1.0",
        LatestRelease = "1.0.0",
        PackageRoot = PackageRoot,
        Sources = ["https://api.nuget.org/v3/index.json", Feed],
    };

    private static readonly ApiCompatibilityContext Context = new(Project, "Acme.Slugs", "1.1.0", "1.0.0");

    [Fact]
    public void The_release_package_is_taken_from_the_global_packages_folder_first_then_the_local_feeds()
    {
        var inRoot = Path.Combine(PackageRoot, "acme.slugs", "1.0.0", "acme.slugs.1.0.0.nupkg");
        var inFeed = Path.Combine(Feed, "Acme.Slugs.1.0.0.nupkg");

        Assert.Equal(inRoot, ApiBaseline.Resolve(Request, f => f == inRoot || f == inFeed).Path);
        var fromFeed = ApiBaseline.Resolve(Request, f => f == inFeed);
        Assert.Equal((inFeed, "1.0.0"), (fromFeed.Path, fromFeed.Version));
        Assert.Empty(fromFeed.Findings);
        var hierarchical = Path.Combine(Feed, "acme.slugs", "1.0.0", "acme.slugs.1.0.0.nupkg");
        Assert.Equal(hierarchical, ApiBaseline.Resolve(Request, f => f == hierarchical).Path);
    }

    [Fact]
    public void A_release_package_in_no_local_folder_is_asked_for_from_the_feeds_first()
    {
        var resolution = ApiBaseline.Resolve(Request, _ => false);

        Assert.Equal((null, "1.0.0", "1.0.0"), (resolution.Path, resolution.Version, resolution.DownloadVersion));
        Assert.Empty(resolution.Findings);
        Assert.Null(ApiBaseline.Resolve(Request with { ConfiguredPath = Path.Combine(Feed, "old.nupkg") }, _ => false).DownloadVersion);
        Assert.Null(ApiBaseline.Resolve(Request with { PackageVersion = "2.0.0" }, _ => false).DownloadVersion);
    }

    [Fact]
    public void A_release_whose_package_is_on_no_feed_either_fails_with_STD6061_so_the_check_never_passes_unmeasured()
    {
        var resolution = ApiBaseline.Resolve(Request with { FeedsSearched = true }, _ => false);

        Assert.Null(resolution.Path);
        Assert.Null(resolution.DownloadVersion);
        var finding = Assert.Single(resolution.Findings);
        Assert.Equal(("STD6061", Severity.Error, Project, 1), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Equal(
            $"Acme.Slugs 1.1.0 must be compared with release 1.0.0, but the package Acme.Slugs.1.0.0.nupkg is neither in NuGet's global packages folder, nor in a local folder feed ({Feed}), nor on the feeds of nuget.config (the restore that asked them for it says why in the build log), so its API cannot be checked. Set <PackageValidationBaselineVersion>1.0.0</PackageValidationBaselineVersion> in the project (restore then downloads that package from the feeds of nuget.config), or PackageValidationBaselinePath to the .nupkg.",
            finding.Message);
    }

    [Fact]
    public void The_download_project_asks_for_exactly_the_release_and_imports_none_of_the_repos_build_files()
    {
        var project = System.Xml.Linq.XDocument.Parse(ApiBaseline.DownloadProject("Acme.Slugs", "1.0.0", "net10.0"));
        var download = Assert.Single(project.Descendants("PackageDownload"));
        Assert.Equal(("Acme.Slugs", "[1.0.0]"), ((string?)download.Attribute("Include"), (string?)download.Attribute("Version")));
        Assert.Equal("false", (string?)project.Descendants("ImportDirectoryBuildProps").Single());
        Assert.Equal("false", (string?)project.Descendants("ImportDirectoryPackagesProps").Single());
        Assert.Equal("false", (string?)project.Descendants("ManagePackageVersionsCentrally").Single());
        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Equal("net10.0", (string?)project.Descendants("TargetFramework").Single());
    }

    [Fact]
    public void A_configured_path_or_version_wins_over_the_latest_release()
    {
        var configured = Path.Combine(Feed, "old.nupkg");
        Assert.Equal(configured, ApiBaseline.Resolve(Request with { ConfiguredPath = configured }, f => f == configured).Path);
        Assert.Equal("STD6061", Assert.Single(ApiBaseline.Resolve(Request with { ConfiguredPath = configured }, _ => false).Findings).Code);

        var older = Path.Combine(Feed, "Acme.Slugs.1.0.2.nupkg");
        var resolution = ApiBaseline.Resolve(Request with { LatestRelease = "1.0.9", ConfiguredVersion = "1.0.2" }, f => f == older);
        Assert.Equal((older, "1.0.2"), (resolution.Path, resolution.Version));
    }

    [Theory]
    [InlineData("", "1.0.0", "is the first release: there is no release tag")]
    [InlineData("1.0.0", "2.0.0", "is a new major version after 1.0.0 (major 2 > 1)")]
    [InlineData("1.4.2", "2.0.0-beta.3", "is a new major version after 1.4.2 (major 2 > 1)")]
    [InlineData("0.3.0", "0.4.0", "is a new major version after 0.3.0 (0.y versions: minor 4 > 3)")]
    public void No_release_yet_or_a_new_major_version_compares_nothing_and_says_so_as_STD6062(string latest, string version, string reason)
    {
        var resolution = ApiBaseline.Resolve(Request with { LatestRelease = latest, PackageVersion = version }, _ => true);

        Assert.Null(resolution.Path);
        var finding = Assert.Single(resolution.Findings);
        Assert.Equal(("STD6062", Severity.Info), (finding.Code, finding.Severity));
        Assert.StartsWith($"Acme.Slugs {version} {reason}", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.2.0-beta.1", "1.1.0")]
    [InlineData("1.1.1", "1.1.0")]
    [InlineData("0.3.1", "0.3.0")]
    [InlineData("not-a-version", "1.0.0")]
    public void A_prerelease_or_patch_of_the_same_major_is_compared(string version, string latest)
    {
        Assert.Null(ApiBaseline.MajorBumped(version, latest));
        var resolution = ApiBaseline.Resolve(Request with { LatestRelease = latest, PackageVersion = version }, _ => true);
        Assert.NotNull(resolution.Path);
    }

    [Fact]
    public void A_difference_from_the_release_is_STD6060_and_one_between_frameworks_is_STD6063_with_the_SDK_code_and_the_API()
    {
        var differences = Suppressions(
            ("CP0002", "M:Acme.Slugs.Slug.Create(System.String)", "lib/net10.0/Acme.Slugs.dll", "lib/net10.0/Acme.Slugs.dll", true),
            ("CP0001", "T:Acme.Slugs.Legacy", "lib/net8.0/Acme.Slugs.dll", "lib/net10.0/Acme.Slugs.dll", false));

        var findings = ApiCompatibilityReport.Run("/obj/differences.xml", differences, [], Context);

        Assert.Equal(2, findings.Count);
        Assert.Equal(("STD6060", Severity.Error, Project, 1), (findings[0].Code, findings[0].Severity, findings[0].File, findings[0].Line));
        Assert.Equal(
            "Acme.Slugs 1.1.0 breaks the API of release 1.0.0: CP0002 a member visible outside the assembly was removed or its signature changed: M:Acme.Slugs.Slug.Create(System.String) (lib/net10.0/Acme.Slugs.dll). Only a new major version may break its API: restore it, or raise the major version in version.json.",
            findings[0].Message);
        Assert.Equal("STD6063", findings[1].Code);
        Assert.StartsWith("Acme.Slugs 1.1.0: CP0001 a type visible outside the assembly was removed: T:Acme.Slugs.Legacy (lib/net8.0/Acme.Slugs.dll -> lib/net10.0/Acme.Slugs.dll).", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_project_s_own_suppression_file_accepts_is_left_out_and_no_file_means_no_difference()
    {
        var entry = ("CP0002", "M:Acme.Slugs.Slug.Old", "lib/net10.0/Acme.Slugs.dll", "lib/net10.0/Acme.Slugs.dll", true);
        var accepted = ApiCompatibilityReport.Parse(Suppressions(entry))!;

        Assert.Empty(ApiCompatibilityReport.Run("/obj/differences.xml", Suppressions(entry), accepted, Context));
        Assert.Empty(ApiCompatibilityReport.Run("/obj/differences.xml", null, [], Context));
        Assert.Empty(ApiCompatibilityReport.Run("/obj/differences.xml", "<?xml version=\"1.0\"?><Suppressions />", [], Context));
    }

    [Theory]
    [InlineData("<Suppressions><Suppression>")]
    [InlineData("<Other />")]
    public void A_result_that_cannot_be_read_fails_rather_than_pass(string text)
    {
        var finding = Assert.Single(ApiCompatibilityReport.Run("/obj/differences.xml", text, [], Context));

        Assert.Equal(("STD6060", Severity.Error), (finding.Code, finding.Severity));
        Assert.StartsWith("Acme.Slugs 1.1.0: the result of package validation (differences.xml) is not a suppression file Standards.Sdk can read, so the API was not checked.", finding.Message, StringComparison.Ordinal);
    }

    private static string Suppressions(params (string Id, string Target, string Left, string Right, bool Baseline)[] entries) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Suppressions xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        + string.Concat(entries.Select(e =>
            $"  <Suppression>\n    <DiagnosticId>{e.Id}</DiagnosticId>\n    <Target>{e.Target}</Target>\n    <Left>{e.Left}</Left>\n    <Right>{e.Right}</Right>\n{(e.Baseline ? "    <IsBaselineSuppression>true</IsBaselineSuppression>\n" : string.Empty)}  </Suppression>\n"))
        + "</Suppressions>\n";
}
