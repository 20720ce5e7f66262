using System.Text.Json;
using System.Xml.Linq;
using Standards.Sdk.Checks.Tests.Catalog;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>
/// coverlet.MTP without a settings file adds "dynamic" exclude filters it derives from the test app's deps.json and
/// assembly names, and these can name a project under test: a project reference that the deps.json also lists as a
/// library of type "reference" was excluded with its whole namespace, so the gate found no line of it (STD4009) and
/// adopt could not take such a repo to green. The SDK writes coverlet.MTP's settings file beside every MTP test app
/// whose coverage it collects: a settings file is authoritative (no dynamic filter), and it states coverlet.MTP's own
/// command-line defaults, so everything else is measured as before.
/// </summary>
public class CoverletMtpSettingsTests
{
    private static readonly XDocument Targets = XDocument.Load(Path.Combine(RepoRoot.Path, "sdk", "features", "Standards.Coverage.targets"));

    [Fact]
    public void The_settings_state_coverlet_MTP_s_defaults_and_no_filter_of_their_own()
    {
        var property = Assert.Single(Targets.Descendants(), e => e.Name.LocalName == "StandardsCoverletMtpSettings");
        using var settings = JsonDocument.Parse(Uri.UnescapeDataString(property.Value));
        var coverlet = settings.RootElement.GetProperty("Coverlet");
        Assert.Equal(["Exclude", "ExcludeByAttribute"], coverlet.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["[coverlet.*]*", "[Microsoft.VisualStudio.TestPlatform.*]*", "[testhost*]*"], coverlet.GetProperty("Exclude").GetString()!.Split(','));
        Assert.Equal(
            ["ExcludeFromCodeCoverage", "ExcludeFromCodeCoverageAttribute", "GeneratedCodeAttribute", "CompilerGeneratedAttribute"],
            coverlet.GetProperty("ExcludeByAttribute").GetString()!.Split(','));

        // A value the project sets is kept.
        Assert.Equal("'$(StandardsCoverletMtpSettings)' == ''", (string?)property.Attribute("Condition"));
    }

    [Fact]
    public void Every_MTP_test_app_with_coverage_gets_the_settings_beside_it_unless_it_has_its_own()
    {
        var target = Assert.Single(Targets.Descendants(), e => e.Name.LocalName == "Target" && (string?)e.Attribute("Name") == "_StandardsWriteCoverletMtpSettings");
        Assert.Equal("CopyFilesToOutputDirectory", (string?)target.Attribute("AfterTargets"));
        Assert.Equal(
            "'$(_StandardsMtpReportPrefix)' != '' and !Exists('$(MSBuildProjectDirectory)/coverlet.mtp.appsettings.json')",
            (string?)target.Attribute("Condition"));
        var write = Assert.Single(target.Elements(), e => e.Name.LocalName == "WriteLinesToFile");
        Assert.Equal(("$(OutDir)coverlet.mtp.appsettings.json", "$(StandardsCoverletMtpSettings)"), ((string?)write.Attribute("File"), (string?)write.Attribute("Lines")));

        // The prefix is set exactly where the SDK appends the coverlet switches to an MTP app's run.
        Assert.Contains(
            Targets.Descendants().Where(e => e.Name.LocalName == "_StandardsMtpReportPrefix"),
            e => ((string?)e.Attribute("Condition") ?? string.Empty).Contains("'$(_StandardsMtpCoverage)' == 'true'", StringComparison.Ordinal));
    }
}
