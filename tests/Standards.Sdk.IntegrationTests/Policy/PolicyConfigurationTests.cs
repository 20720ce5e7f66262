namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>standards.json on real builds: numbers change behaviour, bad input gives coded errors with lines.</summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class PolicyConfigurationTests
{
    private const string Doc = "/// <summary>Sample.</summary>";

    /// <summary>These tests are about the build policy; repo-wide checks and locked restore have their own tests.</summary>
    private const string PolicyOnly = "-p:StandardsRepositoryChecks=false;RestoreLockedMode=false";

    /// <summary>
    /// For a build after a test's first, which restored the project: standards.json, .editorconfig and source are no
    /// restore inputs, so the restore would be a no-op, and costs seconds of CPU.
    /// </summary>
    private const string NoRestore = "--no-restore";

    private static string LongMethod(int bodyLines) =>
        $"namespace Samples.Config;\n\n{Doc}\npublic static class Totals\n{{\n    {Doc}\n    /// <returns>Total.</returns>\n    public static int Sum()\n    {{\n        var total = 0;\n"
        + string.Concat(Enumerable.Repeat("        total += 1;\n", bodyLines - 2))
        + "        return total;\n    }\n}\n";

    private static string Branches(int count) =>
        $"namespace Samples.Config;\n\n{Doc}\npublic static class Grades\n{{\n    {Doc}\n    /// <param name=\"x\">X.</param>\n    /// <returns>Y.</returns>\n    public static int Grade(int x)\n    {{\n"
        + string.Concat(Enumerable.Repeat("        if (x > 0) { x--; }\n", count))
        + "        return x;\n    }\n}\n";

    [Fact]
    public void Changing_numbers_and_severities_in_standards_json_changes_the_build()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Config.Sample", "Config.Sample")
            .WriteFile("src/Config.Sample/Totals.cs", LongMethod(55))
            .WriteFile("src/Config.Sample/Grades.cs", Branches(17))
            .WriteFile("src/Config.Sample/Work.cs", $"// TODO later\nnamespace Samples.Config;\n\n{Doc}\npublic static class Work\n{{\n}}\n");

        var defaults = repo.Build("src/Config.Sample/Config.Sample.csproj", ci: false, PolicyOnly);
        Assert.Equal(["CA1502", "STD1001", "STD1006"], defaults.Diagnostics.Select(d => d.Code).Order());
        Assert.Equal("warning", defaults.WithCode("STD1001").Single().Severity);
        Assert.Equal("error", defaults.WithCode("CA1502").Single().Severity);

        repo.WriteFile("standards.json", """
            {
              "rules": {
                "STD1001": { "maxLines": 60 },
                "CA1502": { "maxComplexity": 20 },
                "STD1006": "none"
              }
            }
            """);
        var relaxed = repo.Build("src/Config.Sample/Config.Sample.csproj", ci: false, PolicyOnly, NoRestore);
        Assert.True(relaxed.Succeeded, relaxed.Output);
        Assert.Empty(relaxed.Diagnostics);

        repo.WriteFile("standards.json", """
            {
              "profile": "strict",
              "rules": { "STD1001": { "maxLines": 40, "severity": "error" } }
            }
            """);
        repo.WriteFile("src/Config.Sample/Grades.cs", Branches(12));
        var strict = repo.Build("src/Config.Sample/Config.Sample.csproj", ci: false, PolicyOnly, NoRestore);
        Assert.Equal("error", strict.WithCode("STD1001").Single().Severity);
        Assert.Contains("the limit is 40", strict.WithCode("STD1001").Single().Message, StringComparison.Ordinal);
        // Complexity 13: under the default limit of 15, over the strict profile's 10.
        Assert.Equal("error", strict.WithCode("CA1502").Single().Severity);
    }

    [Fact]
    public void Bad_policy_files_give_coded_errors_with_file_and_line_never_MSB4018()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Policy.Sample", "Policy.Sample")
            .WriteFile("src/Policy.Sample/Api.cs", $"namespace Samples.Policy;\n\n{Doc}\npublic static class Api\n{{\n}}\n")
            .WriteFile("standards.json", "{\n  \"rules\": {\n    \"STD1001\": \"loud\"\n  }\n  \"profile\": \"strict\"\n}\n");

        var unparsable = repo.Build("src/Policy.Sample/Policy.Sample.csproj", ci: true, PolicyOnly);
        var syntax = Assert.Single(unparsable.Errors);
        Assert.Equal(("STD0001", repo.PathOf("standards.json"), 5), (syntax.Code, syntax.File, syntax.Line));
        Assert.Empty(unparsable.WithCode("MSB4018"));

        repo.WriteFile("standards.json", """
            {
              "rules": {
                "STD9001": "error",
                "STD1004": { "maxLines": "many" }
              },
              "exceptions": [
                { "rule": "RS0030", "scope": "src", "owner": "@team-clock", "reason": "migration", "expires": "31.12.2027" },
                { "rule": "RS0030", "scope": "src", "owner": "@team-clock", "reason": "migration", "expires": "2020-01-31" }
              ]
            }
            """);
        var invalid = repo.Build("src/Policy.Sample/Policy.Sample.csproj", ci: true, PolicyOnly, NoRestore);
        Assert.Equal([("STD0002", 4), ("STD0003", 3), ("STD0004", 7), ("STD0005", 8)],
            invalid.Errors.Select(e => (e.Code, e.Line)).Order());
        Assert.All(invalid.Errors, e => Assert.Equal(repo.PathOf("standards.json"), e.File));
        Assert.Contains("@team-clock", invalid.WithCode("STD0005").Single().Message, StringComparison.Ordinal);
        Assert.Empty(invalid.WithCode("MSB4018"));
    }

    [Fact]
    public void Exceptions_scope_rules_to_projects_and_files()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Legacy.Sample", "Legacy.Sample", "  <PropertyGroup>\n    <Nullable>disable</Nullable>\n  </PropertyGroup>")
            .WriteFile("src/Legacy.Sample/Legacy/Grades.cs", Branches(17))
            .WriteFile("src/Legacy.Sample/Current/Clock.cs", $"namespace Samples.Config;\n\n{Doc}\npublic static class Clock\n{{\n    {Doc}\n    /// <returns>Now.</returns>\n    public static System.DateTime Now() => System.DateTime.UtcNow;\n}}\n")
            .WriteFile("standards.json", """
                {
                  "exceptions": [
                    { "rule": "STD0101", "scope": "Legacy.Sample", "owner": "@team", "reason": "interop", "expires": "2099-01-01" },
                    { "rule": "CA1502", "scope": "src/Legacy.Sample/Legacy/**", "owner": "@team", "reason": "port", "expires": "2099-01-01" }
                  ]
                }
                """);

        var build = repo.Build("src/Legacy.Sample/Legacy.Sample.csproj", ci: true, PolicyOnly);

        var only = Assert.Single(build.Diagnostics);
        Assert.Equal(("RS0030", "Clock.cs", 8), (only.Code, only.FileName, only.Line));
    }

    [Fact]
    public void Locked_rule_turned_down_in_editorconfig_is_STD0103_and_rechecked_when_the_file_changes()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Config.Sample", "Config.Sample")
            .WriteFile("src/Config.Sample/Api.cs", $"namespace Samples.Config;\n\n{Doc}\npublic static class Api\n{{\n}}\n")
            .WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CA5351.severity = none\n");
        const string project = "src/Config.Sample/Config.Sample.csproj";

        var silenced = repo.Build(project, ci: true, PolicyOnly);
        var error = Assert.Single(silenced.Errors);
        Assert.Equal(("STD0103", repo.PathOf(".editorconfig"), 4), (error.Code, error.File, error.Line));

        repo.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CA1822.severity = none\n");
        var fixedBuild = repo.Build(project, ci: true, PolicyOnly, NoRestore);
        Assert.True(fixedBuild.Ran("StandardsApplyPolicy"), fixedBuild.Output);
        Assert.True(fixedBuild.Succeeded, fixedBuild.Output);
    }
}
