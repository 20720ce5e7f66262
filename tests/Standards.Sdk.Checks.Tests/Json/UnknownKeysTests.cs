using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Versioning;

namespace Standards.Sdk.Checks.Tests.Json;

/// <summary>Every reader that rejects a key it does not know says so in one wording, with the nearest known key.</summary>
public sealed class UnknownKeysTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData("maxLine", "maxLines")]
    [InlineData("Version", "version")]
    [InlineData("verison", "version")]
    [InlineData("branchs", "branch")]
    [InlineData("zzzzzzzz", null)]
    [InlineData("x", null)]
    public void The_suggestion_is_the_nearest_known_key_when_it_is_a_typo(string key, string? expected) =>
        Assert.Equal(expected, UnknownKeys.Nearest(key, ["maxLines", "version", "line", "branch"]));

    public static TheoryData<string, Func<IReadOnlyList<Finding>>, string, string> Readers() => new()
    {
        { "standards.json", () => Policy("{ \"profil\": \"default\" }").Findings, "STD0002", "Unknown setting 'profil' in standards.json. Did you mean 'profile'? Known settings: " },
        { "an exception entry", () => Policy("{ \"exceptions\": [ { \"rule\": \"CA1502\", \"scope\": \"x\", \"owner\": \"o\", \"reason\": \"r\", \"expires\": \"2030-01-01\", \"expire\": \"2030-01-01\" } ] }").Findings, "STD0004", "Unknown setting 'expire' in an exception entry. Did you mean 'expires'? Known settings: rule, scope, owner, reason, expires." },
        { "layout", Layout, "STD0002", "Unknown setting 'testFolder' in 'layout' of standards.json. Did you mean 'testsFolder'? Known settings: " },
        { "dependencies", () => LicensePolicy.From(Policy("{ \"dependencies\": { \"licences\": {} } }").Policy).Problems, "STD0002", "Unknown setting 'licences' in 'dependencies' of standards.json. Did you mean 'licenses'? Known settings: licenses. See docs/dependencies.md." },
        { "release", () => Policy("{ \"release\": { \"sbom\": {}, \"signin\": {} } }").Findings, "STD0002", "Unknown setting 'signin' in 'release' of standards.json. Did you mean 'signing'? Known settings: sbom, signing." },
        { "version.json", () => VersionFindings("{ \"version\": \"1.0\", \"verison\": \"2.0\" }"), "STD6002", "Unknown setting 'verison' in version.json. Did you mean 'version'? Known settings: " },
        { "version.json cloudBuild", () => VersionFindings("{ \"version\": \"1.0\", \"cloudBuild\": { \"buildNumbr\": {} } }"), "STD6002", "Unknown setting 'buildNumbr' in 'cloudBuild' of version.json. Did you mean 'buildNumber'? Known settings: setVersionVariables, setAllVariables, buildNumber." },
        { "standards-baseline.json", () => BaselineFile.Parse("standards-baseline.json", "{ \"version\": 1, \"finding\": [] }").Problems, "STD3901", "Unknown setting 'finding' in standards-baseline.json. Did you mean 'findings'? Known settings: version, findings." },
        { "standards-coverage-baseline.json", () => CoverageBaseline.Parse("standards-coverage-baseline.json", "{ \"version\": 1, \"totals\": {} }").Problems, "STD4006", "Unknown setting 'totals' in standards-coverage-baseline.json. Did you mean 'total'? Known settings: version, total, projects." },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_reader_words_an_unknown_key_the_same_way(string reader, Func<IReadOnlyList<Finding>> read, string code, string message)
    {
        var finding = Assert.Single(read(), f => f.Message.Contains("Unknown setting", StringComparison.Ordinal));
        Assert.Equal(code, finding.Code);
        Assert.True(finding.Message.Contains(message, StringComparison.Ordinal), $"{reader}: {finding.Message}");
    }

    private static PolicyLoadResult Policy(string text) => PolicyLoader.Load("standards.json", text, Today);

    private static List<Finding> Layout()
    {
        var findings = new List<Finding>();
        _ = LayoutSettings.Read(Policy("{ \"layout\": { \"testFolder\": \"tests\" } }").Policy, findings);
        return findings;
    }

    private static List<Finding> VersionFindings(string text)
    {
        var findings = new List<Finding>();
        _ = VersionFile.Read("version.json", "version.json", text, findings);
        return findings;
    }
}
