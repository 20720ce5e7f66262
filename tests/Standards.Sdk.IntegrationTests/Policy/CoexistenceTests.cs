namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>
/// A repo that already configures its analyzers, on real CI builds of the packed SDK: its own banned-API list, its
/// own global analyzer config at the policy config's level, and its own central version and reference of a package
/// the SDK adds. Each merges with the policy; none is an error of its own.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class CoexistenceTests
{
    private const string Project = "Coexist.Lib";

    /// <summary>Lines 8 (DateTime.Now), 12 (DateTime.UtcNow) and 16 (int.ToString()).</summary>
    private const string Source = """
        namespace Coexist.Lib;

        /// <summary>Times and text.</summary>
        public static class Clock
        {
            /// <summary>Local time.</summary>
            /// <returns>The time.</returns>
            public static System.DateTime Local() => System.DateTime.Now;

            /// <summary>UTC time.</summary>
            /// <returns>The time.</returns>
            public static System.DateTime Utc() => System.DateTime.UtcNow;

            /// <summary>A number as text.</summary>
            /// <returns>The text.</returns>
            public static string Text() => 42.ToString();
        }

        """;

    private static readonly string[] BuildArguments = ["-p:StandardsRepositoryChecks=false;RestoreLockedMode=false"];

    /// <summary>
    /// The repo's list bans DateTime.Now too: before, the analyzer reported RS0031 ("listed multiple times"), an error
    /// no baseline holds. Now the symbol is listed once (the repo's entry, with its message), ours still bans
    /// UtcNow, and the repo's own extra ban stays.
    /// </summary>
    [Fact]
    public void A_symbol_banned_by_the_repo_list_and_ours_is_listed_once()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject($"src/{Project}", Project, "  <ItemGroup>\n    <AdditionalFiles Include=\"BannedSymbols.txt\" />\n  </ItemGroup>");
        repo.WriteFile($"src/{Project}/BannedSymbols.txt", "P:System.DateTime.Now;Use the repo's IClock\nM:System.Int32.ToString;Use the repo's formatter\n");
        repo.WriteFile($"src/{Project}/Clock.cs", Source);

        var build = repo.Build($"src/{Project}", ci: true, BuildArguments);

        Assert.Empty(build.WithCode("RS0031"));
        Assert.Empty(build.WithCode("STD0103"));
        var banned = build.WithCode("RS0030").Select(d => (d.Line, d.Message.Contains("the repo's", StringComparison.Ordinal))).Distinct().Order().ToList();
        Assert.True(banned.SequenceEqual([(8, true), (12, false), (16, true)]), $"{string.Join(", ", banned)}\n{build}");
    }

    /// <summary>
    /// The repo's .globalconfig at global_level -1, the policy config's own level: before, the compiler cancelled every
    /// key both set, so locked RS0030 fell to its default and STD0103 fired. Now the locked rule stays an error (ours
    /// wins on it), the repo's CA1305 = none applies (theirs wins on the rest), and no key ties.
    /// </summary>
    [Fact]
    public void A_repo_globalconfig_at_our_level_keeps_its_settings_and_the_locked_rules_stay()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject($"src/{Project}", Project);
        repo.WriteFile(".globalconfig", "is_global = true\nglobal_level = -1\ndotnet_diagnostic.RS0030.severity = none\ndotnet_diagnostic.CA1305.severity = none\n");
        repo.WriteFile($"src/{Project}/Clock.cs", Source);

        var build = repo.Build($"src/{Project}", ci: true, BuildArguments);

        Assert.Empty(build.WithCode("STD0103"));
        Assert.Empty(build.WithCode("CA1305"));
        // CA1716 (the namespace's "Lib" is a Visual Basic keyword) is the sample's name, not what this test is about.
        var codes = build.Diagnostics.Where(d => d.Code != "CA1716").Select(d => (d.Code, d.Line)).Distinct().Order().ToList();
        Assert.True(codes.SequenceEqual([("RS0030", 8), ("RS0030", 12)]), $"{string.Join(", ", codes)}\n{build}");
    }

    /// <summary>
    /// The repo's central PackageVersion and its own PackageReference of BannedApiAnalyzers, which the SDK adds too:
    /// before, restore failed with NU1009. Now the SDK adds none, the repo's version is the one restored, and the
    /// banned APIs are still reported.
    /// </summary>
    [Fact]
    public void A_package_the_sdk_adds_that_the_repo_references_centrally_restores()
    {
        using var repo = TestRepo.Create();
        repo.WriteFile("Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageVersion Include=\"Microsoft.CodeAnalysis.BannedApiAnalyzers\" Version=\"3.3.4\" />\n  </ItemGroup>\n</Project>\n");
        repo.WriteProject($"src/{Project}", Project, "  <ItemGroup>\n    <PackageReference Include=\"Microsoft.CodeAnalysis.BannedApiAnalyzers\" PrivateAssets=\"all\" />\n  </ItemGroup>");
        repo.WriteProject("src/Coexist.Other", "Coexist.Other");
        repo.WriteFile($"src/{Project}/Clock.cs", Source);
        repo.WriteFile("src/Coexist.Other/Other.cs", "namespace Coexist.Other;\n\n/// <summary>Nothing.</summary>\npublic static class Other\n{\n    /// <summary>Now.</summary>\n    /// <returns>The time.</returns>\n    public static System.DateTime Local() => System.DateTime.Now;\n}\n");

        var build = repo.Build($"src/{Project}", ci: true, BuildArguments);
        var other = repo.Build("src/Coexist.Other", ci: true, BuildArguments);

        Assert.DoesNotContain(build.Diagnostics, d => d.Code.StartsWith("NU", StringComparison.Ordinal));
        Assert.DoesNotContain(other.Diagnostics, d => d.Code.StartsWith("NU", StringComparison.Ordinal));
        Assert.Contains("microsoft.codeanalysis.bannedapianalyzers/3.3.4", repo.ReadFile($"src/{Project}/obj/project.assets.json").ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("microsoft.codeanalysis.bannedapianalyzers/3.3.4", repo.ReadFile("src/Coexist.Other/obj/project.assets.json").ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains(build.WithCode("RS0030"), d => d.Line == 8);
        Assert.Contains(other.WithCode("RS0030"), d => d.Line == 8);
    }
}
