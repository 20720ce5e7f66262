using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>
/// The built-in versioning checked against Nerdbank.GitVersioning 3.10.94 itself: for each history, one repo is
/// evaluated with Standards.Sdk's engine and with NBGV's GetBuildVersion target (StandardsUseNerdbankGitVersioning),
/// and every version property must be equal, except the differences docs/release.md lists, asserted as exactly those.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class NerdbankDifferentialTests
{
    private const string NerdbankVersion = "3.10.94";
    private const string Project = "src/Acme.Versioned/Acme.Versioned.csproj";

    private static readonly string[] Properties =
    [
        "Version", "PackageVersion", "NuGetPackageVersion", "AssemblyVersion", "AssemblyFileVersion", "AssemblyInformationalVersion",
        "BuildVersion", "GitCommitId", "GitCommitIdShort", "GitVersionHeight", "PublicRelease",
    ];

    /// <summary>A history: version.json per step ("=" keeps the previous one), commits after each, and the known differences.</summary>
    public static TheoryData<string, string[], string[]> Histories => new()
    {
        { "two numbers", ["""{ "version": "1.2" }""", "="], [] },
        { "label", ["""{ "version": "1.2-beta" }""", "="], [] },
        { "three numbers", ["""{ "version": "1.2.3" }""", "="], [] },
        { "bump", ["""{ "version": "1.2" }""", "=", """{ "version": "1.3-rc" }""", "="], [] },
        { "public ref", ["""{ "version": "2.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }""", "="], [] },
        // Once different (AssemblyFileVersion 1.2.3.0, GitVersionHeight 2), now as NBGV gives them.
        { "height in label", ["""{ "version": "1.2.3-beta.{height}" }""", "="], [] },
        { "four numbers", ["""{ "version": "1.2.3.4" }""", "="], [] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Every_version_property_equals_nerdbank_gitversionings_except_the_documented_differences(string name, string[] steps, string[] differences)
    {
        using var repo = TestRepo.Create();
        repo.WriteFile(".gitignore", "bin/\nobj/\nartifacts/\n")
            .WriteFile("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>")
            .WriteProject("src/Acme.Versioned", "Acme.Versioned", "")
            .WriteFile("src/Acme.Versioned/Thing.cs", "namespace Acme.Versioned;\n\n/// <summary>A thing.</summary>\npublic static class Thing\n{\n    /// <summary>One.</summary>\n    public static int One => 1;\n}\n");
        var step = 0;
        foreach (var versionJson in steps)
        {
            if (versionJson != "=")
            {
                repo.WriteFile("version.json", versionJson);
            }

            repo.WriteFile("src/Acme.Versioned/step.txt", $"{step++}\n");
            ReleaseRepos.Commit(repo, $"step {step}");
            repo.WriteFile("src/Acme.Versioned/step.txt", $"{step++}\n");
            ReleaseRepos.Commit(repo, $"step {step}");
        }

        repo.Git("branch", "-M", "main");
        var ours = Evaluate(repo, "StandardsGetVersion", []);
        var nbgv = Evaluate(repo, "GetBuildVersion", ["-p:StandardsUseNerdbankGitVersioning=true", $"-p:StandardsNerdbankGitVersioningVersion={NerdbankVersion}"]);

        var differing = Properties.Where(p => !string.Equals(ours[p], nbgv[p], StringComparison.OrdinalIgnoreCase)).ToList();
        var table = string.Join('\n', Properties.Select(p => $"  {p}: ours {ours[p]}, NBGV {nbgv[p]}"));
        Assert.True(differences.SequenceEqual(differing), $"{name}: differing properties [{string.Join(", ", differing)}], documented [{string.Join(", ", differences)}]\n{table}");
    }

    private static Dictionary<string, string> Evaluate(TestRepo repo, string target, string[] extra)
    {
        var result = repo.Dotnet(["msbuild", repo.PathOf(Project), "-restore", $"-t:{target}", "-p:TargetFramework=net10.0", ReleaseRepos.ReleaseOnly, .. extra,
            $"-getProperty:{string.Join(',', Properties)}", "-nologo"], ci: false);
        Assert.True(result.Succeeded, $"{target}:\n{result.Output}");
        using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }
}
