using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Tests.Dependencies;

public class AuditSettingsCheckTests
{
    private const string ProjectFile = "/repo/src/App/App.csproj";

    private static readonly AuditSettings Defaults = new(
        ProjectFile, [ProjectFile, "/repo/Directory.Build.props"], "true", "all", "moderate", "high",
        ";NU1605;NU1903;NU1904;nullable", "CS1591", string.Empty);

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        [ProjectFile] = "<Project Sdk=\"Standards.Sdk\">\n  <PropertyGroup>\n    <NuGetAudit>false</NuGetAudit>\n    <NoWarn>$(NoWarn);NU1903</NoWarn>\n  </PropertyGroup>\n</Project>\n",
        ["/repo/Directory.Build.props"] = "<Project>\n  <PropertyGroup>\n    <NuGetAuditMode>direct</NuGetAuditMode>\n  </PropertyGroup>\n</Project>\n",
    };

    private static IReadOnlyList<Finding> Run(AuditSettings settings, Severity severity = Severity.Error) =>
        AuditSettingsCheck.Run(settings, severity, p => Files.GetValueOrDefault(p));

    [Theory]
    [InlineData("low", new[] { "NU1901", "NU1902", "NU1903", "NU1904" })]
    [InlineData("moderate", new[] { "NU1902", "NU1903", "NU1904" })]
    [InlineData("high", new[] { "NU1903", "NU1904" })]
    [InlineData(" HIGH ", new[] { "NU1903", "NU1904" })]
    [InlineData("critical", new[] { "NU1904" })]
    [InlineData("none", new string[0])]
    public void Error_level_maps_to_the_NuGet_codes(string level, string[] codes)
    {
        Assert.Equal(codes, AuditSettingsCheck.ErrorCodes(level));
    }

    [Theory]
    [InlineData("")]
    [InlineData("severe")]
    [InlineData(null)]
    public void Unknown_error_level_has_no_mapping(string? level)
    {
        Assert.Null(AuditSettingsCheck.ErrorCodes(level));
    }

    [Fact]
    public void Profile_defaults_are_high_errors_and_moderate_reported()
    {
        Assert.Equal("high", AuditSettingsCheck.DefaultErrorLevel);
        Assert.Equal("moderate", AuditSettingsCheck.DefaultReportLevel);
        Assert.Empty(Run(Defaults));
    }

    [Fact]
    public void Stricter_settings_are_not_weakening()
    {
        Assert.Empty(Run(Defaults with { NuGetAuditLevel = "low", ErrorLevel = "moderate", WarningsAsErrors = "NU1902;NU1903;NU1904" }));
    }

    [Fact]
    public void Audit_off_is_STD2010_at_the_line_that_turns_it_off()
    {
        var finding = Assert.Single(Run(Defaults with { NuGetAudit = "false" }));
        Assert.Equal(("STD2010", Severity.Error, ProjectFile, 3), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains("NuGetAudit is 'false'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Direct_only_audit_is_STD2010_in_Directory_Build_props()
    {
        var finding = Assert.Single(Run(Defaults with { NuGetAuditMode = "direct" }));
        Assert.Equal(("STD2010", "/repo/Directory.Build.props", 3), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void A_setting_from_the_command_line_or_the_environment_says_so()
    {
        // Located as the locked-settings check locates (one MsBuildPropertyLocator.For): no file line to point at.
        var global = Assert.Single(Run(Defaults with { NuGetAuditLevel = "high", GlobalProperties = new HashSet<string>(["NuGetAuditLevel"], StringComparer.OrdinalIgnoreCase) }));
        Assert.Equal((ProjectFile, 0), (global.File, global.Line));
        Assert.Contains("(set on the command line, -p:NuGetAuditLevel=...)", global.Message, StringComparison.Ordinal);

        var environment = Assert.Single(Run(Defaults with { NuGetAuditLevel = "high", Environment = name => name == "NuGetAuditLevel" ? "high" : null }));
        Assert.Equal((ProjectFile, 0), (environment.File, environment.Line));
        Assert.Contains("(set by the environment variable NuGetAuditLevel)", environment.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("high")]
    [InlineData("critical")]
    [InlineData("bogus")]
    public void Reporting_only_high_advisories_is_STD2010(string level)
    {
        var finding = Assert.Single(Run(Defaults with { NuGetAuditLevel = level }));
        Assert.Contains("NuGetAuditLevel", finding.Message, StringComparison.Ordinal);
        Assert.Equal((ProjectFile, 0), (finding.File, finding.Line));
    }

    [Theory]
    [InlineData("critical", "high advisories are no longer errors")]
    [InlineData("none", "high advisories are no longer errors")]
    [InlineData("sometimes", "must be one of")]
    public void Weaker_error_level_is_STD2010(string level, string text)
    {
        var finding = Assert.Single(Run(Defaults with { ErrorLevel = level }));
        Assert.Contains(text, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silencing_vulnerability_warnings_is_STD2010()
    {
        var noWarn = Assert.Single(Run(Defaults with { NoWarn = "CS1591;NU1903" }));
        Assert.Equal((ProjectFile, 4), (noWarn.File, noWarn.Line));

        var moderate = Assert.Single(Run(Defaults with { NoWarn = "NU1902" }));
        Assert.Contains("NU1902", moderate.Message, StringComparison.Ordinal);

        var notAsErrors = Assert.Single(Run(Defaults with { WarningsNotAsErrors = "NU1904" }));
        Assert.Contains("WarningsNotAsErrors", notAsErrors.Message, StringComparison.Ordinal);

        var dropped = Assert.Single(Run(Defaults with { WarningsAsErrors = "nullable;NU1904" }));
        Assert.Contains("NU1903", dropped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_off_or_excepted_reports_nothing()
    {
        Assert.Empty(Run(Defaults with { NuGetAudit = "false" }, Severity.None));
    }
}
