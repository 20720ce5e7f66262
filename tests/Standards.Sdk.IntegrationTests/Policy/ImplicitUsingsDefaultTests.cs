namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>
/// The implicit usings Standards.Sdk turns on where a project says nothing are C# 10 global using directives. On real
/// CI builds of the packed SDK: a project that pins an older language version in its body, on targets from
/// netstandard1.0 to net10.0, compiles as it did before it took the SDK, instead of failing every target with CS8400
/// (and netstandard1.0 with CS0234, it has no System.Net.Http); a project on the default language version keeps them.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class ImplicitUsingsDefaultTests
{
    private const string Project = "Older.Lang";

    /// <summary>Uses nothing an implicit using would bring, so it compiles with them and without them.</summary>
    private const string Source = """
        namespace Older.Lang
        {
            /// <summary>A value.</summary>
            public static class Values
            {
                /// <summary>Zero.</summary>
                /// <returns>0.</returns>
                public static int Zero() => 0;
            }
        }

        """;

    /// <summary>Uses System.Linq without a using of its own: it compiles only with the implicit usings.</summary>
    private const string ImplicitSource = """
        namespace Older.Lang;

        /// <summary>A total.</summary>
        public static class Totals
        {
            /// <summary>0 + 1 + 2.</summary>
            /// <returns>3.</returns>
            public static int OfThree() => Enumerable.Range(0, 3).Sum();
        }

        """;

    private static readonly string[] BuildArguments = ["-p:StandardsRepositoryChecks=false;RestoreLockedMode=false"];

    [Fact]
    public void A_project_on_LangVersion_8_compiles_on_every_target_without_the_implicit_usings()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject($"src/{Project}", Project, """
              <PropertyGroup>
                <TargetFrameworks>netstandard1.0;netstandard2.0;net10.0</TargetFrameworks>
                <LangVersion>8.0</LangVersion>
              </PropertyGroup>
            """);
        repo.WriteFile($"src/{Project}/Values.cs", Source);

        var build = repo.Build($"src/{Project}", ci: true, BuildArguments);

        Assert.Empty(build.WithCode("CS8400"));
        Assert.Empty(build.WithCode("CS0234"));
        Assert.True(build.Succeeded, build.ToString());
    }

    [Fact]
    public void A_project_on_the_default_language_version_keeps_the_implicit_usings_and_netstandard1_0_compiles()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject($"src/{Project}", Project, """
              <PropertyGroup>
                <TargetFrameworks>netstandard1.0;net10.0</TargetFrameworks>
              </PropertyGroup>
            """);
        repo.WriteFile($"src/{Project}/Totals.cs", ImplicitSource);

        var build = repo.Build($"src/{Project}", ci: true, BuildArguments);

        Assert.Empty(build.WithCode("CS0234"));
        Assert.True(build.Succeeded, build.ToString());
    }
}
