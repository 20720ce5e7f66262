using System.Xml.Linq;

namespace Standards.Sdk.IntegrationTests.QualityGates;

/// <summary>
/// A repo with one library (Lib: two methods with a branch each) and two test projects: A.Tests covers A() fully,
/// B.Tests only B()'s positive path. Each test run sees part of the library; the merge sees both.
/// </summary>
internal static class CoverageRepos
{
    public const string Solution = "Coverage.sln";

    public const string Calc = """
        namespace Samples.Maths;

        /// <summary>Two small functions with one branch each.</summary>
        public static class Calc
        {
            /// <summary>A.</summary>
            /// <param name="x">The input.</param>
            /// <returns>1 for a positive input, else 2.</returns>
            public static int A(int x)
            {
                if (x > 0)
                {
                    return 1;
                }

                return 2;
            }

            /// <summary>B.</summary>
            /// <param name="x">The input.</param>
            /// <returns>3 for a positive input, else 4.</returns>
            public static int B(int x)
            {
                if (x > 0)
                {
                    return 3;
                }

                return 4;
            }
        }

        """;

    /// <summary>The tests of A.Tests: they cover Calc.A's two branches and nothing of Calc.B (the same in every test framework).</summary>
    public const string ATests = """
        namespace Samples.A.Tests;

        public class ATests
        {
            [Xunit.Theory]
            [Xunit.InlineData(1, 1)]
            [Xunit.InlineData(-1, 2)]
            public void A_maps_the_sign(int x, int expected) => Xunit.Assert.Equal(expected, Samples.Maths.Calc.A(x));
        }

        """;

    /// <summary>A VSTest project's test packages and its reference to src/Lib.</summary>
    internal const string TestPackages = """
          <ItemGroup>
            <ProjectReference Include="../../src/Lib/Lib.csproj" />
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
        """;

    public static TestRepo Create(string policy)
    {
        var repo = TestRepo.Create();
        repo.WriteFile("standards.json", policy)
            .WriteProject("src/Lib", "Lib")
            .WriteFile("src/Lib/Calc.cs", Calc)
            .WriteProject("tests/A.Tests", "A.Tests", TestPackages)
            .WriteFile("tests/A.Tests/ATests.cs", ATests)
            .WriteProject("tests/B.Tests", "B.Tests", TestPackages)
            .WriteFile("tests/B.Tests/BTests.cs", """
                namespace Samples.B.Tests;

                public class BTests
                {
                    [Xunit.Fact]
                    public void B_of_a_positive_number_is_3() => Xunit.Assert.Equal(3, Samples.Maths.Calc.B(1));
                }

                """);
        return repo.WriteSolution("Coverage", "src/Lib/Lib.csproj", "tests/A.Tests/A.Tests.csproj", "tests/B.Tests/B.Tests.csproj");
    }

    /// <summary>
    /// <c>dotnet test</c> on the solution (VSTest mode), not a CI build, on one MSBuild node (the harness leaves
    /// dotnet test's node count alone, for Microsoft.Testing.Platform: DotnetCommand.OnOneNodeUnlessAsked): the two
    /// test projects run one after the other. Parallel runs: JUnitReportTests and MixedSolutionCoverageTests.
    /// </summary>
    public static BuildResult Test(TestRepo repo, params string[] extra) =>
        repo.Dotnet(["test", repo.PathOf(Solution), "-nologo", "-nr:false", "-m:1", .. extra], ci: false);

    /// <summary>The repo gate: <c>dotnet build -t:StandardsCoverage -m:1</c> on the solution (one node, as the CI templates run it), at normal verbosity.</summary>
    public static BuildResult Merge(TestRepo repo, params string[] extra) =>
        repo.Build(Solution, ci: false, ["-t:StandardsCoverage", "--no-restore", "-m:1", .. extra]);

    /// <summary>The covered and measured lines of a Cobertura file, as (file, line) pairs.</summary>
    public static (HashSet<(string, int)> Covered, HashSet<(string, int)> Valid) Lines(TestRepo repo, string report)
    {
        var doc = XDocument.Load(repo.PathOf(report));
        var covered = new HashSet<(string, int)>();
        var valid = new HashSet<(string, int)>();
        foreach (var cls in doc.Descendants("class"))
        {
            foreach (var line in cls.Element("lines")!.Elements("line"))
            {
                var key = ((string)cls.Attribute("filename")!, (int)line.Attribute("number")!);
                valid.Add(key);
                if ((long)line.Attribute("hits")! > 0)
                {
                    covered.Add(key);
                }
            }
        }

        return (covered, valid);
    }
}
