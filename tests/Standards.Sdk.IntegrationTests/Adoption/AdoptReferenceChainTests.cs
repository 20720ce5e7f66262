using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// `dotnet standards adopt` on a generated repo whose project references are deeper than CI-mode build rounds could
/// reach: six libraries, each referencing the previous, each with findings. In CI mode a library that
/// fails stops its dependents from compiling, so recording round by round needed one build per layer (seven here);
/// the survey build compiles every project with warnings not errors and records them all, so adopt takes one survey
/// build and one CI-mode build. The first library is named Acme.Common (STD1007, a generic project name), which the
/// adoption baseline accepts; a generic project added afterwards still fails.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class AdoptReferenceChainTests(ITestOutputHelper output)
{
    private const int Depth = 6;

    private static string ProjectName(int layer) => layer == 1 ? "Acme.Common" : string.Create(CultureInfo.InvariantCulture, $"Acme.Chain.L{layer}");

    private static string ProjectPath(int layer) => $"src/{ProjectName(layer)}/{ProjectName(layer)}.csproj";

    [Fact]
    public void Adopt_greens_a_reference_chain_deeper_than_the_old_round_limit_with_one_survey_and_one_CI_build()
    {
        using var repo = AdoptionFixtures.Committed("adopt-chain", Files());

        var watch = Stopwatch.StartNew();
        var adopt = repo.Dotnet(["standards", "adopt"], ci: false, timeout: AdoptionFixtures.AdoptTimeout);
        output.WriteLine($"dotnet standards adopt: {watch.Elapsed.TotalSeconds:F1} s\n{adopt.Output}");
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("Builds: 2 (1 survey, 1 in CI mode); the CI-mode build is green.", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);

        // Every layer's findings are recorded, the deepest too: analyzer (CA1305), nullable (CS8602), and a rule the
        // policy makes an error (CA1502), which the survey compiles through as a warning.
        var code = AdoptionFixtures.CodeBaseline(repo);
        for (var layer = 1; layer <= Depth; layer++)
        {
            Assert.Contains($"CA1305 src/{ProjectName(layer)}/Layer.cs", code);
        }

        Assert.Contains("CS8602 src/Acme.Chain.L3/Layer.cs", code);
        Assert.Contains("CA1502 src/Acme.Chain.L2/Layer.cs", code);

        // The generic project name is in the repo baseline and listed among the findings.
        Assert.Contains($"STD1007 {ProjectPath(1)}", AdoptionFixtures.RepoBaseline(repo));
        Assert.Matches(@"(?m)^\s+STD1007\s+1$", adopt.Output);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");

        var build = repo.Build(ci: true);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
        Assert.NotEmpty(build.MessagesContaining("[baseline] Project 'Acme.Common' is named 'Common'"));

        // A generic project added after the adoption is not in the baseline: it fails.
        repo.WriteFile("src/Acme.Utils/Acme.Utils.csproj", "<Project Sdk=\"Standards.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        repo.WriteFile("src/Acme.Utils/Money.cs", "namespace Acme.Utils;\n\n/// <summary>Money.</summary>\npublic static class Money\n{\n}\n");
        // Restored once, outside CI (its lock file is new); the CI build then builds on that restore.
        var restore = repo.Dotnet(["restore", repo.PathOf("src/Acme.Utils/Acme.Utils.csproj")], ci: false);
        Assert.True(restore.Succeeded, restore.Output);
        var added = repo.Build("src/Acme.Utils/Acme.Utils.csproj", true, "--no-restore");
        Assert.False(added.Succeeded);
        Assert.Contains(added.Errors, e => e.Code == "STD1007" && e.File.Replace('\\', '/').EndsWith("src/Acme.Utils/Acme.Utils.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain(added.Errors, e => e.Code == "STD1007" && e.File.Replace('\\', '/').EndsWith(ProjectPath(1), StringComparison.Ordinal));
    }

    /// <summary>The repo before adoption: plain Microsoft.NET.Sdk libraries, each referencing the one before.</summary>
    private static Dictionary<string, string> Files()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [".gitignore"] = "bin/\nobj/\nartifacts/\n",
            ["Chain.slnx"] = "<Solution>\n" + string.Concat(Enumerable.Range(1, Depth).Select(l => $"  <Project Path=\"{ProjectPath(l)}\" />\n")) + "</Solution>\n",
        };
        for (var layer = 1; layer <= Depth; layer++)
        {
            var reference = layer == 1 ? string.Empty
                : $"  <ItemGroup>\n    <ProjectReference Include=\"../{ProjectName(layer - 1)}/{ProjectName(layer - 1)}.csproj\" />\n  </ItemGroup>\n";
            files[ProjectPath(layer)] = $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n{reference}</Project>\n";
            files[$"src/{ProjectName(layer)}/Layer.cs"] = Source(layer);
        }

        return files;
    }

    private static string Source(int layer)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"namespace {ProjectName(layer)};\n\n/// <summary>Layer {layer}.</summary>\npublic static class Layer\n{{\n");
        text.Append("    /// <summary>Formats.</summary>\n    public static string Format(int value) => value.ToString();\n");
        if (layer == 2)
        {
            // Cyclomatic complexity 17 (CA1502, an error by the policy's default of 15).
            text.Append("\n    /// <summary>Grades.</summary>\n    public static int Grade(int value)\n    {\n");
            for (var i = 0; i < 16; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        if (value == {i})\n        {{\n            return {i * 2};\n        }}\n\n");
            }

            text.Append("        return -1;\n    }\n");
        }

        if (layer == 3)
        {
            text.Append("\n    /// <summary>Measures.</summary>\n    public static int Measure(string? text) => text.Length;\n");
        }

        return text.Append("}\n").ToString();
    }
}
