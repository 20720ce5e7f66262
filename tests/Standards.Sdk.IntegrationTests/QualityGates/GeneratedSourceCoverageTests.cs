namespace Standards.Sdk.IntegrationTests.QualityGates;

/// <summary>
/// A library that uses a source generator is measured like any other: coverlet skips an assembly whose PDB names a
/// document it cannot find on disk, and a generator's output is such a document unless the build writes it out.
/// The test project pins coverlet.collector 3.0.2, which checks every document (a real repo's shape: an ASP.NET Core
/// app tested through WebApplicationFactory, whose Program the Web SDK's generator completes).
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class GeneratedSourceCoverageTests
{
    private const string Digits = """
        using System.Text.RegularExpressions;

        namespace Samples.Maths;

        /// <summary>Digits, matched by a generated regex.</summary>
        public static partial class Digits
        {
            /// <summary>Whether the text is digits only.</summary>
            /// <param name="text">The text.</param>
            /// <returns>True when every character is a digit.</returns>
            public static bool AllDigits(string text) => Pattern().IsMatch(text);

            [GeneratedRegex("^[0-9]+$")]
            private static partial Regex Pattern();
        }

        """;

    [Fact]
    public void A_library_with_generated_sources_is_measured_by_a_coverlet_that_skips_assemblies_with_missing_sources()
    {
        using var repo = TestRepo.Create();
        repo.WriteFile("standards.json", """{ "coverage": { "line": 30, "branch": 0 } }""")
            .WriteProject("src/Lib", "Lib")
            .WriteFile("src/Lib/Calc.cs", CoverageRepos.Calc)
            .WriteFile("src/Lib/Digits.cs", Digits)
            .WriteProject("tests/A.Tests", "A.Tests", CoverageRepos.TestPackages + """

                  <ItemGroup>
                    <PackageReference Include="coverlet.collector" Version="3.0.2" PrivateAssets="all" />
                  </ItemGroup>
                """)
            .WriteFile("tests/A.Tests/ATests.cs", CoverageRepos.ATests)
            .WriteFile("tests/A.Tests/DigitsTests.cs", """
                namespace Samples.A.Tests;

                public class DigitsTests
                {
                    [Xunit.Fact]
                    public void Digits_match() => Xunit.Assert.True(Samples.Maths.Digits.AllDigits("42"));
                }

                """)
            .WriteSolution("Generated", "src/Lib/Lib.csproj", "tests/A.Tests/A.Tests.csproj");

        var test = repo.Dotnet(["test", repo.PathOf("Generated.sln"), "-nologo", "-nr:false", "-m:1"], ci: false);

        Assert.True(test.Succeeded, test.Output);
        Assert.Empty(test.WithCode("STD4009"));
        var lines = CoverageRepos.Lines(repo, "artifacts/coverage/A.Tests/coverage.cobertura.xml");
        Assert.Contains(("src/Lib/Digits.cs", 11), lines.Covered);
        Assert.Contains(lines.Covered, line => line.Item1 == "src/Lib/Calc.cs");

        // The generated files are on disk for coverlet, and still not counted.
        Assert.Contains(Directory.EnumerateFiles(repo.PathOf("src/Lib/obj"), "*.g.cs", SearchOption.AllDirectories),
            f => f.Contains("/generated/", StringComparison.Ordinal));
        Assert.All(lines.Valid, line => Assert.StartsWith("src/Lib/", line.Item1, StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Valid, line => line.Item1.Contains("/obj/", StringComparison.Ordinal));
    }
}
