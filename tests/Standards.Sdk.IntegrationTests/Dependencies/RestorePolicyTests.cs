using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>
/// The restore settings of features/Standards.Dependencies.props/.targets, read back with
/// `dotnet msbuild -getProperty`. The package source here serves no vulnerability data (platform notes §8), so the
/// audit is verified through its configuration and the severity mapping, not through a real advisory.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class RestorePolicyTests
{
    private static Dictionary<string, string> Properties(TestRepo repo, string project, bool ci, IEnumerable<string> extra, params string[] names)
    {
        var result = repo.Dotnet(["msbuild", repo.PathOf(project), .. extra, .. names.Select(n => $"-getProperty:{n}")], ci);
        Assert.True(result.Succeeded, result.Output);
        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }

    private static string[] List(string value) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.StartsWith("NU19", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Restore_defaults_lock_files_locked_mode_in_CI_and_full_audit()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/App", "App");
        string[] names = ["ManagePackageVersionsCentrally", "CentralPackageTransitivePinningEnabled", "RestorePackagesWithLockFile", "RestoreLockedMode", "NuGetAudit", "NuGetAuditMode", "NuGetAuditLevel", "StandardsNuGetAuditErrorLevel", "WarningsAsErrors"];

        var local = Properties(repo, "src/App/App.csproj", ci: false, [], names);
        Assert.Equal(("", "true", "true", "", "true", "all", "moderate", "high"),
            (local["ManagePackageVersionsCentrally"], local["CentralPackageTransitivePinningEnabled"], local["RestorePackagesWithLockFile"], local["RestoreLockedMode"],
             local["NuGetAudit"], local["NuGetAuditMode"], local["NuGetAuditLevel"], local["StandardsNuGetAuditErrorLevel"]));
        Assert.Equal(["NU1903", "NU1904"], List(local["WarningsAsErrors"]));

        // Central package management only once a Directory.Packages.props exists; locked mode in CI.
        repo.WriteFile("Directory.Packages.props", "<Project />");
        var ci = Properties(repo, "src/App/App.csproj", ci: true, [], names);
        Assert.Equal(("true", "true"), (ci["ManagePackageVersionsCentrally"], ci["RestoreLockedMode"]));

        // Every default yields to the project.
        var overridden = Properties(repo, "src/App/App.csproj", ci: true,
            ["-p:ManagePackageVersionsCentrally=false", "-p:RestoreLockedMode=false", "-p:NuGetAuditLevel=low", "-p:RestorePackagesWithLockFile=false"], names);
        Assert.Equal(("false", "false", "low", "false"),
            (overridden["ManagePackageVersionsCentrally"], overridden["RestoreLockedMode"], overridden["NuGetAuditLevel"], overridden["RestorePackagesWithLockFile"]));
    }

    /// <summary>The same table as AuditSettingsCheck.ErrorCodes (unit-tested there) and docs/dependencies.md.</summary>
    [Theory]
    [InlineData("low", "NU1901;NU1902;NU1903;NU1904")]
    [InlineData("moderate", "NU1902;NU1903;NU1904")]
    [InlineData(" Moderate ", "NU1902;NU1903;NU1904")]
    [InlineData("critical", "NU1904")]
    [InlineData("none", "")]
    public void Audit_error_level_maps_to_the_NuGet_codes(string level, string codes)
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/App", "App", $"  <PropertyGroup>\n    <StandardsNuGetAuditErrorLevel>{level}</StandardsNuGetAuditErrorLevel>\n    <WarningsAsErrors>CS0168</WarningsAsErrors>\n  </PropertyGroup>");

        var properties = Properties(repo, "src/App/App.csproj", ci: false, [], "WarningsAsErrors", "NuGetAudit");

        // Appended after the project body: a project that replaces WarningsAsErrors keeps the audit codes.
        Assert.Contains("CS0168", properties["WarningsAsErrors"], StringComparison.Ordinal);
        Assert.Equal(List(codes), List(properties["WarningsAsErrors"]));
    }
}
