namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>
/// A survey build (what `dotnet standards adopt` runs) compiles every project: a dependency finding is still
/// reported as the error CI makes it, but it no longer stops the project's compiler, so the survey analyses the
/// project's code in the same build. Any other build still stops there.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class SurveyDependencyTests
{
    private const string Project = "src/App/App.csproj";

    [Fact]
    public void A_licence_error_does_not_stop_the_compiler_in_a_survey_build_and_still_stops_it_in_any_other()
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

        Assert.False(survey.Succeeded, survey.Output);
        var denied = Assert.Single(survey.About("STD2012", Project));
        Assert.Equal("error", denied.Severity);
        Assert.True(survey.Ran("CoreCompile"), survey.Output);
        Assert.Contains("Standards survey: ", survey.Output, StringComparison.Ordinal);

        // The failed check wrote no stamp: the next survey build judges the packages again.
        var again = repo.Build(Project, ci: false, "--no-restore", "-p:StandardsSurveyBuild=true");
        Assert.True(again.Ran("StandardsCheckDependencies"), again.Output);
        Assert.Equal("error", Assert.Single(again.About("STD2012", Project)).Severity);

        var plain = repo.Build(Project, ci: false, "--no-restore");
        Assert.False(plain.Succeeded, plain.Output);
        Assert.Equal("error", Assert.Single(plain.About("STD2012", Project)).Severity);
        Assert.False(plain.Ran("CoreCompile"), plain.Output);
    }
}
