using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Packaging;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>The package metadata of a packable library (STD6050-STD6054), on values in memory.</summary>
public class PackageMetadataCheckTests
{
    private const string Project = "/repo/src/Acme.Slugs/Acme.Slugs.csproj";
    private const string Props = "/repo/Directory.Build.props";

    private static readonly PackageMetadata Complete = new()
    {
        ProjectFile = Project,
        PackageId = "Acme.Slugs",
        AssemblyName = "Acme.Slugs",
        Description = "Creates URL-safe slugs from text.",
        Authors = "Acme platform team",
        LicenseExpression = "MIT",
        ReadmeFile = "README.md",
        RepositoryUrl = "https://git.example/acme/slugs",
        PackedFiles = ["README.md", "lib/net10.0/Acme.Slugs.dll"],
    };

    /// <summary>A project whose props set nothing: every property comes from nowhere the locator can follow.</summary>
    private static PropertyLocation Unset(string property) => new(Project, 0, "not set");

    [Fact]
    public void A_complete_package_has_no_finding()
    {
        Assert.Empty(PackageMetadataCheck.Run(Complete, Unset));
        Assert.Empty(PackageMetadataCheck.Run(Complete with { LicenseExpression = string.Empty, LicenseFile = "LICENSE.txt" }, Unset));
    }

    [Fact]
    public void What_the_dotnet_SDK_writes_when_nothing_is_set_is_five_findings_at_line_1_of_the_project_naming_Directory_Build_props()
    {
        var defaults = new PackageMetadata
        {
            ProjectFile = Project,
            PackageId = "Acme.Slugs",
            AssemblyName = "Acme.Slugs",
            Description = "Package Description",
            Authors = "Acme.Slugs",
        };

        var findings = PackageMetadataCheck.Run(defaults, Unset);

        Assert.Equal(["STD6050", "STD6051", "STD6052", "STD6053", "STD6054"], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal((Severity.Error, Project, 1), (f.Severity, f.File, f.Line)));
        Assert.Equal(
            "Package Acme.Slugs: the description is the .NET SDK's placeholder \"Package Description\" (Description set nowhere in Acme.Slugs.csproj or its Directory.Build.props). Set <Description> in Acme.Slugs.csproj to one sentence saying what the package does (NuGet shows it in search results).",
            findings[0].Message);
        Assert.StartsWith("Package Acme.Slugs: the package declares no licence, so nobody may legally use it (PackageLicenseExpression set nowhere in Acme.Slugs.csproj or its Directory.Build.props). Set <PackageLicenseExpression>", findings[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("Package Acme.Slugs: the package has no readme (PackageReadmeFile set nowhere", findings[2].Message, StringComparison.Ordinal);
        Assert.StartsWith("Package Acme.Slugs: the package does not name its source repository (RepositoryUrl set nowhere", findings[3].Message, StringComparison.Ordinal);
        Assert.StartsWith("Package Acme.Slugs: the authors are the assembly name Acme.Slugs (the .NET SDK's default when nothing sets Authors) (Authors set nowhere", findings[4].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the package has no description")]
    [InlineData("   ", "the package has no description")]
    [InlineData("package description", "the description is the .NET SDK's placeholder \"Package Description\"")]
    [InlineData("Acme.Slugs", "the description only repeats the package id")]
    public void A_placeholder_description_is_STD6050(string description, string problem)
    {
        var finding = Assert.Single(PackageMetadataCheck.Run(Complete with { Description = description }, Unset));

        Assert.Equal("STD6050", finding.Code);
        Assert.StartsWith($"Package Acme.Slugs: {problem} (", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_set_in_Directory_Build_props_is_reported_at_its_line()
    {
        PropertyLocation Locate(string property) => property == "Authors" ? new PropertyLocation(Props, 7, string.Empty) : Unset(property);

        var finding = Assert.Single(PackageMetadataCheck.Run(Complete with { Authors = "acme.slugs" }, Locate));

        Assert.Equal(("STD6054", Props, 7), (finding.Code, finding.File, finding.Line));
        Assert.Contains("(Authors set in Directory.Build.props)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_readme_that_is_named_but_not_packed_at_that_path_is_STD6052()
    {
        var finding = Assert.Single(PackageMetadataCheck.Run(Complete with { ReadmeFile = "docs/README.md" }, Unset));

        Assert.Equal("STD6052", finding.Code);
        Assert.Equal(
            "Package Acme.Slugs: the readme docs/README.md is not among the files packed (PackageReadmeFile set nowhere in Acme.Slugs.csproj or its Directory.Build.props). Pack it at that path: <None Include=\"README.md\" Pack=\"true\" PackagePath=\"docs\" />.",
            finding.Message);
        Assert.Empty(PackageMetadataCheck.Run(Complete with { ReadmeFile = "docs\\README.md", PackedFiles = ["docs/README.md"] }, Unset));
    }

    [Fact]
    public void Authors_that_differ_from_the_assembly_name_and_a_licence_file_pass()
    {
        Assert.Empty(PackageMetadataCheck.Run(Complete with { Authors = "Acme", LicenseExpression = " ", LicenseFile = "LICENSE" }, Unset));
        Assert.Equal("STD6054", Assert.Single(PackageMetadataCheck.Run(Complete with { Authors = " " }, Unset)).Code);
    }

    /// <summary>
    /// Where NuGet's pack puts an item, as its pack task computes it: PackagePath "" is the package root, unlike no
    /// PackagePath; Link changes nothing.
    /// </summary>
    [Theory]
    [InlineData("README.md", "/", "", "README.md")]
    [InlineData("README.md", "\\", "", "README.md")]
    [InlineData("README.md", "", "", "README.md")]
    [InlineData("../../README.md", "", "", "README.md")]
    [InlineData("..\\..\\README.md", "", "", "README.md")]
    [InlineData("README.md", null, "", "content/README.md|contentFiles/any/net8.0/README.md")]
    [InlineData("docs/README.md", null, "", "content/docs/README.md|contentFiles/any/net8.0/docs/README.md")]
    [InlineData("../../README.md", null, "", "content/README.md|contentFiles/any/net8.0/README.md")]
    [InlineData("docs/README.md", "docs", "", "docs/README.md")]
    [InlineData("docs/README.md", "docs/", "", "docs/README.md")]
    [InlineData("docs/README.md", "docs\\", "", "docs/README.md")]
    [InlineData("docs/README.md", "/", "", "README.md")]
    [InlineData("notes.md", "README.md", "", "README.md")]
    [InlineData("docs/guide/README.md", "docs/", "guide/", "docs/guide/README.md")]
    [InlineData("docs/guide/README.md", "/", "guide/", "guide/README.md")]
    [InlineData("docs/guide/README.md", "README.md", "guide/", "README.md")]
    [InlineData("README.md", "docs;/", "", "docs/README.md|README.md")]
    public void A_packed_item_lands_where_NuGet_puts_it(string identity, string? packagePath, string recursiveDir, string expected)
    {
        const string project = "/repo/src/Lib";
        var item = new PackItem(identity, Path.GetFullPath(Path.Combine(project, identity.Replace('\\', '/'))), packagePath) { RecursiveDir = recursiveDir };

        Assert.Equal(expected.Split('|'), PackageMetadataCheck.PackedPaths(item, project, ["net8.0"]));
    }

    [Fact]
    public void A_readme_packed_from_outside_the_project_with_an_empty_PackagePath_is_packed()
    {
        var packed = PackageMetadataCheck.PackedPaths(new PackItem("../../README.md", "/repo/README.md", string.Empty), "/repo/src/Lib", ["net8.0"]);

        Assert.Empty(PackageMetadataCheck.Run(Complete with { ReadmeFile = "README.md", PackedFiles = packed }, Unset));
    }
}
