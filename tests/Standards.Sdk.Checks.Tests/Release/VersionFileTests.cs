using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Release.Versioning;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>version.json reading: every value Nerdbank.GitVersioning documents, and coded findings with a line for bad input.</summary>
public class VersionFileTests
{
    private const string Valid = """
        {
          "$schema": "https://raw.githubusercontent.com/dotnet/Nerdbank.GitVersioning/main/src/NerdBank.GitVersioning/version.schema.json",
          "version": "1.2-beta.{height}",
          "versionHeightOffset": 3,
          "assemblyVersion": { "precision": "build" },
          "nugetPackageVersion": { "semVer": 2, "precision": "build" },
          "pathFilters": ["./src", ":!/docs", "../shared"],
          "publicReleaseRefSpec": ["^refs/heads/main$", "^refs/tags/v\\d+\\.\\d+\\.\\d+$"],
          "cloudBuild": { "setVersionVariables": true, "buildNumber": { "enabled": true, "includeCommitId": { "when": "always", "where": "buildMetadata" } } },
          "gitCommitIdShortFixedLength": 12,
          "release": { "branchName": "release/v{version}" },
        }
        """;

    [Fact]
    public void Reads_every_documented_setting()
    {
        var findings = new List<Finding>();
        var settings = VersionFile.Read("app/version.json", "app/version.json", Valid, findings);

        Assert.Empty(findings);
        var options = settings!.ToOptions(["app/version.json"]);
        Assert.Equal("1.2-beta.{height}", options.Version!.ToString());
        Assert.Equal(HeightPosition.Prerelease, options.Version.HeightPosition);
        Assert.Equal(3, options.VersionHeightOffset);
        Assert.Equal(VersionPrecision.Build, options.AssemblyPrecision);
        Assert.Equal(2, options.NuGetSemVer);
        Assert.Equal(["/app/src", ":!/docs", "/shared"], options.PathFilters.Select(f => f.ToString()));
        Assert.Equal(2, options.PublicReleaseRefSpec!.Count);
        Assert.True(options.CloudBuildNumberEnabled);
        Assert.Equal(CommitIdWhen.Always, options.CloudBuildNumberCommitIdWhen);
        Assert.Equal(12, options.GitCommitIdShortFixedLength);
    }

    [Theory]
    [InlineData("{ \"version\": \"1.2.3.4.5\" }", "'version' is '1.2.3.4.5'")]
    [InlineData("{ \"version\": \"01.2\" }", "'version' is '01.2'")]
    [InlineData("{ \"version\": 1.2 }", "\"version\" in version.json must be a string, not number.")]
    [InlineData("{ }", "'version' is missing")]
    [InlineData("{ \"version\": \"1.0\", \"verison\": \"2.0\" }", "Unknown setting 'verison'")]
    [InlineData("{ \"version\": \"1.0\", \"nugetPackageVersion\": { \"semVer\": 3 } }", "\"semVer\" in 'nugetPackageVersion' of version.json is 3; it must be between 1 and 2.")]
    [InlineData("{ \"version\": \"1.0\", \"assemblyVersion\": \"1\" }", "'assemblyVersion' is '1'")]
    [InlineData("{ \"version\": \"1.0\", \"assemblyVersion\": { \"precision\": \"patch\" } }", "\"precision\" in 'assemblyVersion' of version.json is 'patch'; it must be one of: major, minor, build, revision.")]
    [InlineData("{ \"version\": \"1.0\", \"pathFilters\": [\"../../..\"] }", "points above the repository root")]
    [InlineData("{ \"version\": \"1.0\", \"pathFilters\": \"src\" }", "\"pathFilters\" in version.json must be an array, not string.")]
    [InlineData("{ \"version\": \"1.0\", \"publicReleaseRefSpec\": [\"^refs/heads/(main$\"] }", "not a valid regular expression")]
    [InlineData("{ \"version\": \"1.0\", \"prerelease\": \"beta\" }", "'prerelease' is only allowed with \"inherit\": true")]
    [InlineData("{ \"version\": \"1.0\", \"gitCommitIdIncludeDirty\": true }", "not supported")]
    [InlineData("{ \"version\": \"1.0\", \"cloudBuild\": { \"buildNumber\": { \"includeCommitId\": { \"when\": \"sometimes\" } } } }", "\"when\" in 'cloudBuild.buildNumber.includeCommitId' of version.json is 'sometimes'; it must be one of: always, nonPublicReleaseOnly, never.")]
    [InlineData("[ \"1.0\" ]", "must be an object")]
    public void Wrong_values_are_STD6002_with_the_line(string text, string expected)
    {
        var findings = new List<Finding>();
        var settings = VersionFile.Read("/repo/version.json", "version.json", "\n" + text, findings);

        Assert.Null(settings);
        var finding = Assert.Single(findings);
        Assert.Equal(ReleaseRuleIds.VersionFileInvalid, finding.Code);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
        Assert.Equal("/repo/version.json", finding.File);
        Assert.Equal(2, finding.Line);
    }

    [Theory]
    [InlineData("{ \"version\": \"1.0\", \"gitCommitIdShortFixedLength\": 41 }", 52,
        "\"gitCommitIdShortFixedLength\" in version.json is 41; it must be between 1 and 40. See the version.json format in docs/release.md.")]
    [InlineData("{ \"version\": \"1.0\", \"cloudBuild\": { \"setAllVariables\": \"yes\" } }", 56,
        "\"setAllVariables\" in 'cloudBuild' of version.json must be true or false, not string. See the version.json format in docs/release.md.")]
    [InlineData("{ \"version\": \"1.0\", \"nugetPackageVersion\": { \"semver\": 2 } }", 46,
        "Unknown setting 'semver' in 'nugetPackageVersion' of version.json. Did you mean 'semVer'? Known settings: semVer, precision.")]
    [InlineData("{ \"version\": \"1.0\", \"assemblyVersion\": 1 }", 40,
        "'assemblyVersion' of version.json must be an object, not number. See the version.json format in docs/release.md.")]
    [InlineData("{ \"version\": \"\" }", 14, "\"version\" in version.json must not be empty. See the version.json format in docs/release.md.")]
    public void Each_problem_kind_is_STD6002_in_the_readers_wording_at_the_value(string text, int column, string message)
    {
        var findings = new List<Finding>();
        Assert.Null(VersionFile.Read("/repo/version.json", "version.json", "\n" + text, findings));
        var finding = Assert.Single(findings);
        Assert.Equal((ReleaseRuleIds.VersionFileInvalid, 2, column, message), (finding.Code, finding.Line, finding.Column, finding.Message));
    }

    [Theory]
    [InlineData("\"release\": \"anything\"")]
    [InlineData("\"release\": 1")]
    [InlineData("\"release\": { \"branchName\": \"v{version}\", \"firstUnstableTag\": \"alpha\" }")]
    [InlineData("\"cloudBuild\": { \"setAllVariables\": true }")]
    [InlineData("\"$comment\": \"notes\"")]
    public void Keys_Nerdbank_GitVersioning_accepts_that_the_versioning_ignores_stay_accepted(string setting)
    {
        var findings = new List<Finding>();
        Assert.NotNull(VersionFile.Read("/repo/version.json", "version.json", $"{{ \"version\": \"1.0\", {setting} }}", findings));
        Assert.Empty(findings);
    }

    [Fact]
    public void Invalid_json_is_STD6001_with_the_position()
    {
        var findings = new List<Finding>();
        Assert.Null(VersionFile.Read("/repo/version.json", "version.json", "{\n  \"version\": \"1.0\"\n  \"inherit\": false\n}", findings));
        var finding = Assert.Single(findings);
        Assert.Equal(ReleaseRuleIds.VersionFileSyntax, finding.Code);
        Assert.Equal(3, finding.Line);
    }

    [Fact]
    public void Inherit_without_a_file_above_is_STD6002_at_the_inherit_line()
    {
        var findings = new List<Finding>();
        var files = new[]
        {
            new VersionFileCandidate("src/version.json", "/repo/src/version.json", "{\n  \"inherit\": true\n}"),
            new VersionFileCandidate("version.json", "/repo/version.json", null),
        };

        Assert.Null(VersionFileChain.Resolve(files, findings, out _));
        var finding = Assert.Single(findings);
        Assert.Equal(ReleaseRuleIds.VersionFileInvalid, finding.Code);
        Assert.Equal(2, finding.Line);
        Assert.Equal("/repo/src/version.json", finding.File);
    }

    [Theory]
    [InlineData("1.2", HeightPosition.Build)]
    [InlineData("v1.2.3", HeightPosition.Revision)]
    [InlineData("1.2.3.4", HeightPosition.None)]
    [InlineData("1.2.3-rc.{height}", HeightPosition.Prerelease)]
    [InlineData("1.2-alpha+meta.1", HeightPosition.Build)]
    public void Height_position_follows_the_version_shape(string text, HeightPosition position) =>
        Assert.Equal(position, VersionSpec.TryParse(text)!.HeightPosition);

    [Theory]
    [InlineData("1.2.3", "1.2.4", -1)]
    [InlineData("1.2.3-beta.2", "1.2.3-beta.10", -1)]
    [InlineData("1.2.3-rc.1", "1.2.3", -1)]
    [InlineData("1.10.0", "1.9.9", 1)]
    [InlineData("2.0.0-alpha", "2.0.0-alpha.1", -1)]
    [InlineData("1.0.0", "1.0.0", 0)]
    public void Release_versions_order_as_semver_2(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(ReleaseTags.Compare(left, right)));

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 400; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Malformed_variant_never_throws_and_findings_are_coded_with_a_line(int seed)
    {
        var text = Mutate(Valid, new Random(seed));
        var findings = new List<Finding>();

        var settings = VersionFile.Read("/repo/app/version.json", "app/version.json", text, findings);

        Assert.True(settings is not null || findings.Count > 0, "a file that gives no settings must say why");
        Assert.All(findings, f =>
        {
            Assert.Matches("^STD600[12]$", f.Code);
            Assert.True(f.Line >= 1, $"finding without a line: {f}");
            Assert.Equal("/repo/app/version.json", f.File);
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
        });
        if (settings is not null)
        {
            // Whatever parses computes without throwing, whatever the height.
            _ = VersionCalculator.Compute(settings.ToOptions([]), seed % 70000, new string('a', 40), null, seed % 2 == 0);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new StringBuilder(text);
        switch (random.Next(7))
        {
            case 0:
                return text[..random.Next(text.Length)];
            case 1:
                for (var i = 0; i < 1 + random.Next(5); i++)
                {
                    const string noise = "{}[]\",:0aZ\\\n /*.-";
                    chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
                }

                return chars.ToString();
            case 2:
                return text.Replace("1.2-beta.{height}", random.Next(3) switch { 0 => "1.2.3.4.5", 1 => "{height}", _ => "1.-2" }, StringComparison.Ordinal);
            case 3:
                return text.Replace("3,", random.Next(2) == 0 ? "\"three\"," : "99999999999,", StringComparison.Ordinal);
            case 4:
                return text.Replace("\"build\"", random.Next(2) == 0 ? "true" : "[\"build\"]", StringComparison.Ordinal);
            case 5:
                return text.Replace("\"../shared\"", random.Next(2) == 0 ? "\"../../../x\"" : "\":weird\"", StringComparison.Ordinal);
            default:
                chars.Insert(random.Next(chars.Length), new string((char)random.Next(0, 0x3000), 1 + random.Next(3)));
                return chars.ToString();
        }
    }
}
