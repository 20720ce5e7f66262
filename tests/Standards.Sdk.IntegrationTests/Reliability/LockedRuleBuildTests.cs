namespace Standards.Sdk.IntegrationTests.Reliability;

/// <summary>
/// On real builds with the real compiler: a file-scoped exception under a repo path full of characters that
/// are special in analyzer config section names applies to exactly its files; and every way to drop a locked rule
/// (a .globalconfig above the repo root, NoWarn of a nullable warning in an imported .props, the banned-API list
/// switched off, RunAnalyzersDuringBuild on the command line, #pragma, #nullable, [SuppressMessage], a target that
/// changes NoWarn after the policy check) is an error at the place that does it.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class LockedRuleBuildTests
{
    private static string Todo(string type) => $$"""
        namespace Acme.Orders;

        /// <summary>A type.</summary>
        public static class {{type}}
        {
            // TODO fix this
            /// <summary>A method.</summary>
            public static int Value() => 1;
        }

        """;

    [Fact]
    public void A_file_exception_under_odd_paths_turns_the_rule_off_for_exactly_its_files()
    {
        using var repo = TestRepo.Create(folder: "team#1 [x]{a,b} é!/repo");
        repo.WriteProject("src/Acme.Orders", "Acme.Orders")
            .WriteFile("src/Acme.Orders/Orders.cs", Todo("Orders"))
            .WriteFile("standards.json", """
                { "exceptions": [ { "rule": "STD1006", "scope": "src/Acme.Orders/Legacy/**", "owner": "@team", "reason": "old code", "expires": "2099-01-01" } ] }
                """);
        string[] names = ["a;b", "c:d", "[x]", "é !", "g#h", "k{l,m}", "n'o", "p=q", "r,s"];
        for (var i = 0; i < names.Length; i++)
        {
            repo.WriteFile($"src/Acme.Orders/Legacy/{names[i]}.cs", Todo("Legacy" + i));
        }

        var build = repo.Build("src/Acme.Orders", ci: false);

        Assert.True(build.Succeeded, build.ToString());
        var todo = build.WithCode("STD1006").Select(d => Path.GetRelativePath(repo.Root, d.File).Replace('\\', '/')).Distinct().ToList();
        Assert.Equal(["src/Acme.Orders/Orders.cs"], todo);
    }

    [Fact]
    public void Every_way_to_drop_a_locked_rule_is_an_error_where_it_is_done()
    {
        using var repo = TestRepo.Create(folder: "outer/repo");
        var parentConfig = WriteGlobalConfigAboveTheRepo(repo);
        WriteProjectThatDropsRulesInMsBuild(repo);

        var projectLevel = repo.Build("src/Project.Level", ci: false, "-p:RunAnalyzersDuringBuild=false");

        AssertMsBuildLevelErrors(repo, projectLevel, parentConfig);

        File.Delete(parentConfig);
        WriteProjectThatDropsRulesInSource(repo);
        WriteProjectThatDropsARuleLate(repo);
        var sourceLevel = repo.Build("src/Source.Level", ci: false);
        var late = repo.Build("src/Late.Target", ci: false);

        AssertSourceLevelErrors(repo, sourceLevel);
        var lateError = Assert.Single(late.Errors, e => e.Code == "STD0103");
        Assert.Contains("A target added CA5351 to NoWarn", lateError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_late_comparison_runs_its_body_only_when_a_value_changed_after_the_check()
    {
        // The compiler's own CoreCompile appends 1701;1702 (and 8002 on .NETCoreApp) to NoWarn; that alone must not
        // make every project run the comparison, and an id added late still must.
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Acme.Orders", "Acme.Orders", """
                  <PropertyGroup>
                    <NoWarn>$(NoWarn);CS1591</NoWarn>
                  </PropertyGroup>
                """)
            .WriteFile("src/Acme.Orders/Orders.cs", "namespace Acme.Orders;\n\n/// <summary>A.</summary>\npublic static class A\n{\n}\n")
            .WriteProject("src/Acme.Late", "Acme.Late", """
                  <Target Name="SilenceLate" AfterTargets="StandardsApplyPolicy">
                    <PropertyGroup>
                      <NoWarn>$(NoWarn);CS1998</NoWarn>
                    </PropertyGroup>
                  </Target>
                """)
            .WriteFile("src/Acme.Late/Code.cs", "namespace Acme.Late;\n\n/// <summary>A.</summary>\npublic static class A\n{\n}\n");

        var unchanged = repo.Build("src/Acme.Orders", ci: false);
        var changed = repo.Build("src/Acme.Late", ci: false);

        Assert.True(unchanged.Succeeded, unchanged.ToString());
        Assert.Equal(0, unchanged.RunCount("_StandardsCheckLockedSettingsUnchanged"));
        // MSBuild logs no skip event for an AfterTargets target whose condition is false: that the compiler ran and
        // the comparison did not is what shows the condition was false.
        Assert.True(unchanged.Ran("CoreCompile"), unchanged.ToString());
        Assert.True(changed.Succeeded, changed.ToString());
        Assert.Equal(1, changed.RunCount("_StandardsCheckLockedSettingsUnchanged"));
    }

    /// <summary>A .globalconfig above the repo root that turns the banned-API rule off; its path.</summary>
    private static string WriteGlobalConfigAboveTheRepo(TestRepo repo)
    {
        var parentConfig = Path.GetFullPath(Path.Combine(repo.Root, "..", ".globalconfig"));
        // Above the level of Standards.locked.globalconfig, which restates every locked rule's severity: a config at a
        // lower level loses to it and weakens nothing.
        File.WriteAllText(parentConfig, "is_global = true\nglobal_level = 2000000\ndotnet_diagnostic.RS0030.severity = none\n");
        return parentConfig;
    }

    /// <summary>NoWarn of a nullable warning in an imported .props, and the banned-API list switched off.</summary>
    private static void WriteProjectThatDropsRulesInMsBuild(TestRepo repo) =>
        repo.WriteFile("eng/legacy.props", "<Project>\n  <PropertyGroup>\n    <LegacyNoWarn>CS8604</LegacyNoWarn>\n  </PropertyGroup>\n</Project>\n")
            .WriteProject("src/Project.Level", "Project.Level", """
                  <Import Project="../../eng/legacy.props" />
                  <PropertyGroup>
                    <NoWarn>$(NoWarn);$(LegacyNoWarn)</NoWarn>
                    <StandardsBannedApis>false</StandardsBannedApis>
                  </PropertyGroup>
                """)
            .WriteFile("src/Project.Level/Code.cs", "namespace Project.Level;\n\n/// <summary>A.</summary>\npublic static class A\n{\n}\n");

    /// <summary>[SuppressMessage] of a locked rule, #pragma and #nullable disable.</summary>
    private static void WriteProjectThatDropsRulesInSource(TestRepo repo) =>
        repo.WriteProject("src/Source.Level", "Source.Level")
            .WriteFile("src/Source.Level/Code.cs", """
                [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms")]

                namespace Source.Level;

                #pragma warning disable RS0030 // legacy clock
                #nullable disable

                /// <summary>A.</summary>
                public static class A
                {
                }

                """);

    /// <summary>A target that adds a locked rule to NoWarn after the policy check.</summary>
    private static void WriteProjectThatDropsARuleLate(TestRepo repo) =>
        repo.WriteProject("src/Late.Target", "Late.Target", """
                  <Target Name="SilenceLate" AfterTargets="StandardsApplyPolicy">
                    <PropertyGroup>
                      <NoWarn>$(NoWarn);CA5351</NoWarn>
                    </PropertyGroup>
                  </Target>
                """)
            .WriteFile("src/Late.Target/Code.cs", "namespace Late.Target;\n\n/// <summary>A.</summary>\npublic static class A\n{\n}\n");

    private static void AssertMsBuildLevelErrors(TestRepo repo, BuildResult projectLevel, string parentConfig)
    {
        Assert.False(projectLevel.Succeeded);
        Assert.Equal(
            [
                ("STD0101", Path.Combine(repo.Root, "eng", "legacy.props"), 3),
                ("STD0103", parentConfig, 3),
                ("STD0103", repo.PathOf("src/Project.Level/Project.Level.csproj"), 0),
                ("STD0103", repo.PathOf("src/Project.Level/Project.Level.csproj"), 5),
            ],
            Errors(projectLevel, "STD01"));
        Assert.Contains(projectLevel.Errors, e => e.Message.Contains("RunAnalyzersDuringBuild is false (set on the command line", StringComparison.Ordinal));
    }

    private static void AssertSourceLevelErrors(TestRepo repo, BuildResult sourceLevel) =>
        Assert.Equal(
            [
                ("STD0101", repo.PathOf("src/Source.Level/Code.cs"), 6),
                ("STD0103", repo.PathOf("src/Source.Level/Code.cs"), 1),
                ("STD0103", repo.PathOf("src/Source.Level/Code.cs"), 5),
            ],
            Errors(sourceLevel, "STD01"));

    private static List<(string Code, string File, int Line)> Errors(BuildResult build, string prefix) =>
        [.. build.Errors.Where(e => e.Code.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => (e.Code, e.File, e.Line))
            .Distinct()
            .OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)];
}
