using CsCheck;
using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests;

public sealed partial class AdopterTests
{
    private const string PackagesWithoutPinning =
        "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n  <ItemGroup>\n" +
        "    <PackageVersion Include=\"xunit\" Version=\"2.9.3\" />\n    <PackageVersion Include=\"Microsoft.CodeAnalysis.Common\" Version=\"4.0.1\" />\n  </ItemGroup>\n</Project>\n";

    /// <summary>
    /// A restore as NuGet runs it with pinning: NU1109 for Microsoft.CodeAnalysis.Common (the graph resolves 4.8.0
    /// through a dependency, the central version is 4.0.1) while the workspace's Directory.Packages.props turns
    /// pinning on, or has none of its own (Standards.Sdk's default is on).
    /// </summary>
    private static string? RestoreWithPinning(string workspace)
    {
        var props = Path.Combine(workspace, "Directory.Packages.props");
        var text = File.Exists(props) ? File.ReadAllText(props) : string.Empty;
        var off = text.Contains("<CentralPackageTransitivePinningEnabled>false</CentralPackageTransitivePinningEnabled>", StringComparison.Ordinal);
        // NuGet's own lines (a real restore of such a repo prints them so): the downgrade, then the two paths of the graph.
        return off ? null : string.Join('\n',
            $"{workspace}/src/A/A.csproj : error NU1109: Detected package downgrade: Microsoft.CodeAnalysis.Common from 4.8.0 to centrally defined 4.0.1. Update the centrally managed package version to a higher version.  [{workspace}/standards-adopt.slnx]",
            $"{workspace}/src/A/A.csproj : error NU1109:  A -> Microsoft.CodeAnalysis.CSharp 4.8.0 -> Microsoft.CodeAnalysis.Common (= 4.8.0)  [{workspace}/standards-adopt.slnx]",
            $"{workspace}/src/A/A.csproj : error NU1109:  A -> Microsoft.CodeAnalysis.Common (>= 4.0.1) [{workspace}/standards-adopt.slnx]");
    }

    [Fact]
    public void A_downgrade_that_adopts_own_transitive_pinning_causes_leaves_pinning_off_under_a_dated_STD2001_exception()
    {
        Write("Directory.Packages.props", PackagesWithoutPinning);
        Write("src/A/A.csproj", Project.Replace(" Version=\"2.9.3\"", string.Empty, StringComparison.Ordinal));
        Commit();
        dotnet.RestoreRun = RestoreWithPinning;

        var result = Run();

        Assert.True(result.Written);
        Assert.True(result.CiBuildGreen);
        Assert.Equal(2, dotnet.Restores);
        var props = Read("Directory.Packages.props");
        Assert.Contains("<CentralPackageTransitivePinningEnabled>false</CentralPackageTransitivePinningEnabled>", props, StringComparison.Ordinal);
        Assert.DoesNotContain(">true</CentralPackageTransitivePinningEnabled>", props, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"Microsoft.CodeAnalysis.Common\" Version=\"4.0.1\" />", props, StringComparison.Ordinal);
        var policy = Read("standards.json");
        Assert.Contains("\"rule\": \"STD2001\",\n      \"scope\": \"Directory.Packages.props\"", policy, StringComparison.Ordinal);
        Assert.Contains("Microsoft.CodeAnalysis.Common 4.8.0 -> 4.0.1 in src/A/A.csproj", policy, StringComparison.Ordinal);
        Assert.Contains("\"expires\": \"", policy, StringComparison.Ordinal);
        var line = Assert.Single(result.ChangeLines, l => l.StartsWith("Directory.Packages.props: transitive pinning left off", StringComparison.Ordinal));
        Assert.Contains("Microsoft.CodeAnalysis.Common 4.8.0 -> 4.0.1 in src/A/A.csproj", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_downgrade_in_central_versions_adopt_creates_leaves_pinning_off_too()
    {
        // No Directory.Packages.props: adopt writes one with pinning on, from the projects' inline versions.
        Write("src/B/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Microsoft.CodeAnalysis.Common\" Version=\"4.0.1\" />\n  </ItemGroup>\n</Project>\n");
        Commit();
        dotnet.RestoreRun = RestoreWithPinning;

        var result = Run();

        Assert.True(result.CiBuildGreen);
        var props = Read("Directory.Packages.props");
        Assert.Contains("<CentralPackageTransitivePinningEnabled>false</CentralPackageTransitivePinningEnabled>", props, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"Microsoft.CodeAnalysis.Common\" Version=\"4.0.1\" />", props, StringComparison.Ordinal);
        Assert.Contains("\"scope\": \"Directory.Packages.props\"", Read("standards.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_downgrade_under_pinning_the_repo_turned_on_itself_is_STD7506_and_nothing_is_written()
    {
        // The repo's own setting restored with NU1109 before the adoption too: adopt does not turn the repo's decision off.
        Write("Directory.Packages.props", PackagesWithoutPinning.Replace("</ManagePackageVersionsCentrally>\n", "</ManagePackageVersionsCentrally>\n    <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>\n", StringComparison.Ordinal));
        Write("src/A/A.csproj", Project.Replace(" Version=\"2.9.3\"", string.Empty, StringComparison.Ordinal));
        Commit();
        dotnet.RestoreRun = RestoreWithPinning;
        var before = Snapshot();

        var ex = Assert.Throws<ToolException>(() => Run());

        Assert.Equal(ToolRuleIds.BuildFailed, ex.Code);
        Assert.Contains("NU1109", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.Equal(1, dotnet.Restores);
    }

    [Fact]
    public void Each_NU1109_of_a_restore_is_one_downgrade_per_package_and_project()
    {
        const string Output =
            "/w/src/A/A.csproj : error NU1109: Detected package downgrade: System.Memory from 4.5.5 to centrally defined 4.5.4. Update the centrally managed package version to a higher version. [/w/s.slnx]\n" +
            "/w/src/A/A.csproj : error NU1109: Detected package downgrade: System.Memory from 4.5.5 to centrally defined 4.5.4. Update the centrally managed package version to a higher version. [/w/s.slnx]\n" +
            "/w/src/B/B.csproj : error NU1109: Detected package downgrade: Humanizer.Core from 2.14.1 to centrally defined 2.8.26. [/w/s.slnx]\n" +
            "/w/src/B/B.csproj : warning NU1603: B depends on X (>= 1.0.0) but X 1.0.0 was not found. [/w/s.slnx]\n" +
            "/w/src/C/C.csproj : error NU1101: Unable to find package Y. [/w/s.slnx]\n";

        var downgrades = TransitivePinning.Downgrades(BuildOutput.Parse(Output, "/w", byMessage: true));

        Assert.Equal(
            [new PinningDowngrade("System.Memory", "4.5.5", "4.5.4", "src/A/A.csproj"), new PinningDowngrade("Humanizer.Core", "2.14.1", "2.8.26", "src/B/B.csproj")],
            downgrades);
    }

    [Fact]
    public void Pinning_turned_off_keeps_the_file_valid_XML_whatever_the_package_ids()
    {
        Gen.String.Sample(id =>
        {
            var downgrades = new[] { new PinningDowngrade(id, "2.0.0", "1.0.0", "src/A/A.csproj") };
            foreach (var props in new[] { CentralPackages.Write(null, new Dictionary<string, string> { ["xunit"] = "2.9.3" })!, PackagesWithoutPinning })
            {
                var off = TransitivePinning.TurnOff(props, downgrades);
                var document = System.Xml.Linq.XDocument.Parse(off);
                Assert.Equal("false", Assert.Single(document.Descendants("CentralPackageTransitivePinningEnabled")).Value);
            }
        });
    }
}
