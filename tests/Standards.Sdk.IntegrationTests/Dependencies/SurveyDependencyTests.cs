namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>
/// A survey build (what `dotnet standards adopt` runs) compiles every project and the projects that reference it: a
/// dependency finding, or a locked rule a project silences, is a warning there (the tool records it as CI fails on
/// it), so it stops neither the project's compiler nor its dependents', and the survey analyses all of their code in
/// one build. Any other build still stops there, with the error.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class SurveyDependencyTests
{
    private const string Project = "src/App/App.csproj";

    [Fact]
    public void A_licence_finding_does_not_stop_the_compiler_in_a_survey_build_and_still_stops_it_in_any_other()
    {
        using var repo = TestRepo.Create();
        repo.WriteFile("standards.json", """{ "dependencies": { "licenses": { "packages": { "Newtonsoft.Json": "GPL-3.0-only" } } } }""")
            .WriteProject("src/App", "App", """
                  <ItemGroup>
                    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                  </ItemGroup>
                """)
            .WriteFile("src/App/Json.cs", DependencySamples.AppCode);

        var survey = repo.Build(Project, ci: false, "-p:StandardsSurveyBuild=true");

        var denied = Assert.Single(survey.About("STD2012", Project));
        Assert.Equal("warning", denied.Severity);
        Assert.True(survey.Ran("CoreCompile"), survey.Output);
        Assert.Contains("Standards survey: ", survey.Output, StringComparison.Ordinal);

        // The failed check wrote no stamp: the next survey build judges the packages again.
        var again = repo.Build(Project, ci: false, "--no-restore", "-p:StandardsSurveyBuild=true");
        Assert.True(again.Ran("StandardsCheckDependencies"), again.Output);
        Assert.Equal("warning", Assert.Single(again.About("STD2012", Project)).Severity);

        var plain = repo.Build(Project, ci: false, "--no-restore");
        Assert.False(plain.Succeeded, plain.Output);
        Assert.Equal("error", Assert.Single(plain.About("STD2012", Project)).Severity);
        Assert.False(plain.Ran("CoreCompile"), plain.Output);
    }

    /// <summary>
    /// The checks after the compiler (strong name, STD6040; assembly size, STD5010) are warnings in a survey build too:
    /// a library over its budget and not signed as the policy requires stops no dependent, and writes no stamp, so
    /// the next build judges it again; a CI build still stops at the first (the size gate's CI failure is
    /// BudgetGateTests').
    /// </summary>
    [Fact]
    public void A_library_over_its_size_budget_and_unsigned_stops_no_dependent_in_a_survey_build_and_fails_a_CI_build()
    {
        using var repo = TestRepo.Create();
        repo.WriteFile("standards.json", """{ "budgets": { "sizes": { "Acme.Clock": { "assembly": "1 KiB" } } }, "release": { "signing": { "strongName": "required" } } }""");
        WriteClockAndApi(repo, string.Empty);

        var survey = repo.Build("src/Acme.Api/Acme.Api.csproj", ci: true, "-p:StandardsSurveyBuild=true");

        Assert.Equal(["warning"], OfClock(survey, "STD5010").Select(d => d.Severity));
        Assert.Equal(["warning"], OfClock(survey, "STD6040").Select(d => d.Severity));
        Assert.Empty(survey.Errors);
        Assert.Contains($"Standards survey: {repo.PathOf("src/Acme.Api/Acme.Api.csproj")} ", survey.Output, StringComparison.Ordinal);

        var again = repo.Build("src/Acme.Api/Acme.Api.csproj", ci: true, "--no-restore", "-p:StandardsSurveyBuild=true");
        Assert.True(again.Ran("StandardsCheckAssemblySize"), again.Output);
        Assert.True(again.Ran("StandardsCheckStrongName"), again.Output);

        var ci = repo.Build("src/Acme.Api/Acme.Api.csproj", ci: true, "--no-restore");
        Assert.False(ci.Succeeded, ci.Output);
        Assert.Equal(["error"], OfClock(ci, "STD6040").Select(d => d.Severity));
    }

    /// <summary>A library, Acme.Clock (its project file's body given), and Acme.Api, which references it.</summary>
    private static void WriteClockAndApi(TestRepo repo, string clockBody) =>
        repo.WriteProject("src/Acme.Clock", "Acme.Clock", clockBody)
            .WriteFile("src/Acme.Clock/Clock.cs", "namespace Acme.Clock;\n\n/// <summary>A.</summary>\npublic static class Clock\n{\n}\n")
            .WriteProject("src/Acme.Api", "Acme.Api", """
                  <ItemGroup>
                    <ProjectReference Include="../Acme.Clock/Acme.Clock.csproj" />
                  </ItemGroup>
                """)
            .WriteFile("src/Acme.Api/Uses.cs", "namespace Acme.Api;\n\n/// <summary>A.</summary>\npublic static class Uses\n{\n    /// <summary>A.</summary>\n    public static string Name => nameof(Acme.Clock.Clock);\n}\n");

    /// <summary>The diagnostics with a code that the library project Acme.Clock reported.</summary>
    private static IEnumerable<BuildDiagnostic> OfClock(BuildResult build, string code) =>
        build.WithCode(code).Where(d => d.Project.Replace('\\', '/').EndsWith("src/Acme.Clock/Acme.Clock.csproj", StringComparison.Ordinal));

    [Fact]
    public void A_project_that_silences_a_locked_rule_stops_neither_its_compiler_nor_its_dependents_in_a_survey_build()
    {
        using var repo = TestRepo.Create();
        WriteClockAndApi(repo, """
                  <PropertyGroup>
                    <NoWarn>$(NoWarn);CA5351</NoWarn>
                  </PropertyGroup>
                """);

        var survey = repo.Build("src/Acme.Api/Acme.Api.csproj", ci: true, "-p:StandardsSurveyBuild=true");

        var silenced = Assert.Single(survey.About("STD0103", "src/Acme.Clock/Acme.Clock.csproj"));
        Assert.Equal("warning", silenced.Severity);
        Assert.Empty(survey.Errors);
        Assert.Contains($"Standards survey: {repo.PathOf("src/Acme.Clock/Acme.Clock.csproj")} ", survey.Output, StringComparison.Ordinal);
        Assert.Contains($"Standards survey: {repo.PathOf("src/Acme.Api/Acme.Api.csproj")} ", survey.Output, StringComparison.Ordinal);

        var ci = repo.Build("src/Acme.Api/Acme.Api.csproj", ci: true, "--no-restore");
        Assert.False(ci.Succeeded, ci.Output);
        Assert.Equal("error", Assert.Single(ci.About("STD0103", "src/Acme.Clock/Acme.Clock.csproj")).Severity);
    }
}
