namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>The policy target is skipped on a no-op build and re-runs when any input changes.</summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class IncrementalPolicyTests
{
    private const string Target = "StandardsApplyPolicy";
    private const string Doc = "/// <summary>Sample.</summary>";

    /// <summary>The sample project's one source file: a documented, empty class that passes every rule.</summary>
    private const string SimpleApi = $"namespace Samples.Incremental;\n\n{Doc}\npublic static class Api\n{{\n}}\n";

    /// <summary>These tests are about the build policy; repo-wide checks and locked restore have their own tests.</summary>
    private const string PolicyOnly = "-p:StandardsRepositoryChecks=false;RestoreLockedMode=false";

    /// <summary>
    /// A build after the test's first: that one restored the project, and nothing these tests change is a restore
    /// input, so the restore would be a no-op; without it the build is about a third shorter. The first no-op build
    /// of the first test restores, as a user's `dotnet build` does, so a restore that disturbed the no-op would show.
    /// </summary>
    private static BuildResult Rebuild(TestRepo repo, string project, string properties) =>
        repo.Build(project, ci: true, properties, "--no-restore");

    [Fact]
    public void Policy_check_is_skipped_on_no_op_and_rerun_on_changed_added_or_removed_inputs()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Incremental.Sample", "Incremental.Sample")
            .WriteFile("src/Incremental.Sample/Api.cs", SimpleApi);
        const string project = "src/Incremental.Sample/Incremental.Sample.csproj";

        var first = repo.Build(project, ci: true, PolicyOnly);
        Assert.True(first.Ran(Target), first.Output);

        var noOp = repo.Build(project, ci: true, PolicyOnly);
        Assert.True(noOp.Skipped(Target), noOp.Output);
        Assert.True(noOp.Skipped("CoreCompile"), noOp.Output);

        repo.WriteFile("standards.json", """{ "rules": { "STD1007": "error" } }""");
        var policyAdded = Rebuild(repo, project, PolicyOnly);
        Assert.True(policyAdded.Ran(Target), policyAdded.Output);
        Assert.True(Rebuild(repo, project, PolicyOnly).Skipped(Target));

        repo.WriteFile("standards.json", """{ "rules": { "NOPE-0001": "error" } }""");
        var policyChanged = Rebuild(repo, project, PolicyOnly);
        Assert.True(policyChanged.Ran(Target), policyChanged.Output);
        Assert.Equal("STD0003", Assert.Single(policyChanged.Errors).Code);

        // A failed check is not recorded as up to date: the next build reports it again.
        var again = Rebuild(repo, project, PolicyOnly);
        Assert.True(again.Ran(Target), again.Output);
        Assert.Equal("STD0003", Assert.Single(again.Errors).Code);

        repo.DeleteFile("standards.json");
        var policyRemoved = Rebuild(repo, project, PolicyOnly);
        Assert.True(policyRemoved.Ran(Target), policyRemoved.Output);
        Assert.True(policyRemoved.Succeeded, policyRemoved.Output);

        repo.WriteFile("src/Incremental.Sample/More.cs", $"namespace Samples.Incremental;\n\n{Doc}\npublic static class More\n{{\n}}\n");
        Assert.True(Rebuild(repo, project, PolicyOnly).Ran(Target));

        repo.DeleteFile("src/Incremental.Sample/More.cs");
        Assert.True(Rebuild(repo, project, PolicyOnly).Ran(Target));

        repo.WriteProject("src/Incremental.Sample", "Incremental.Sample", "  <PropertyGroup>\n    <Nullable>disable</Nullable>\n  </PropertyGroup>");
        var projectChanged = Rebuild(repo, project, PolicyOnly);
        Assert.True(projectChanged.Ran(Target), projectChanged.Output);
        Assert.Equal("STD0101", Assert.Single(projectChanged.Errors).Code);
    }

    [Fact]
    public void Policy_inputs_are_compared_by_content_under_odd_paths_and_an_unreadable_policy_file_is_a_coded_error()
    {
        // A repo path full of characters that are special in globs and analyzer config sections.
        using var repo = TestRepo.Create(folder: "team#1 [x]{a,b} é!/repo");
        repo.WriteProject("src/Incremental.Sample", "Incremental.Sample")
            .WriteFile("src/Incremental.Sample/Api.cs", SimpleApi)
            .WriteFile("src/Incremental.Sample/.editorconfig", "[*.cs]\ndotnet_diagnostic.CA1822.severity = warning\n");
        const string project = "src/Incremental.Sample/Incremental.Sample.csproj";

        Assert.True(repo.Build(project, ci: true, PolicyOnly).Ran(Target));
        var noOp = Rebuild(repo, project, PolicyOnly);
        Assert.True(noOp.Skipped(Target), noOp.Output);

        // An edit that carries an older time (mv, cp -p, rsync -a, tar x): the content decides, not the time.
        var config = repo.PathOf("src/Incremental.Sample/.editorconfig");
        var before = File.GetLastWriteTimeUtc(config);
        File.WriteAllText(config, "[*.cs]\ndotnet_diagnostic.CA5351.severity = none\n");
        File.SetLastWriteTimeUtc(config, before.AddDays(-30));
        var reversed = Rebuild(repo, project, PolicyOnly);
        Assert.True(reversed.Ran(Target), reversed.Output);
        var locked = Assert.Single(reversed.Errors, e => e.Code == "STD0103");
        Assert.Equal((config, 2), (locked.File, locked.Line));

        // Neither size nor write time is trusted: an edit of the same length that puts back the very same write time
        // still re-runs the check (the inputs cache hashes the content on every build).
        const string allowed = "[*.cs]\ndotnet_diagnostic.CA1822.severity = warning\n";
        const string lockedSameLength = "[*.cs]\ndotnet_diagnostic.CA5351.severity = none\n#a\n";
        Assert.Equal(allowed.Length, lockedSameLength.Length);
        File.WriteAllText(config, allowed);
        File.SetLastWriteTimeUtc(config, before.AddDays(-30));
        var restored = Rebuild(repo, project, PolicyOnly);
        Assert.True(restored.Succeeded, restored.Output);
        var restoredNoOp = Rebuild(repo, project, PolicyOnly);
        Assert.True(restoredNoOp.Skipped(Target), restoredNoOp.Output);
        var kept = File.GetLastWriteTimeUtc(config);
        File.WriteAllText(config, lockedSameLength);
        File.SetLastWriteTimeUtc(config, kept);
        var sameSizeAndTime = Rebuild(repo, project, PolicyOnly);
        Assert.True(sameSizeAndTime.Ran(Target), sameSizeAndTime.Output);
        Assert.Contains(sameSizeAndTime.Errors, e => e.Code == "STD0103" && e.File == config);

        // standards.json that cannot be read (a link to nothing): a coded error at the file, never a crash, never a pass.
        File.WriteAllText(config, allowed);
        File.CreateSymbolicLink(repo.PathOf("standards.json"), "../shared/standards.json");
        var unreadable = Rebuild(repo, project, PolicyOnly);
        Assert.False(unreadable.Succeeded, unreadable.Output);
        Assert.Contains(unreadable.Errors, e => e.Code.StartsWith("STD", StringComparison.Ordinal) && e.File == repo.PathOf("standards.json"));
        Assert.DoesNotContain(unreadable.Diagnostics, d => d.Code is "STD0000" or "MSB4018");
    }

    [Fact]
    public void A_deleted_policy_config_is_written_again_before_the_compiler_reads_it()
    {
        // Standards.globalconfig and CodeMetricsConfig.txt carry the policy to the compiler. A build that finds one of
        // them deleted (a clean-up script, a partly restored build cache) while the check's stamp survives must not
        // compile without the policy: CA1502 is an error, and its threshold 15, only through these two files.
        using var repo = TestRepo.Create();
        var branches = string.Concat(Enumerable.Repeat("        if (x > 0) { x--; }\n", 15));
        var complex = $"namespace Samples.Incremental;\n\n{Doc}\npublic static class Api\n{{\n    {Doc}\n"
            + "    /// <param name=\"x\">Score.</param>\n    /// <returns>Grade.</returns>\n"
            + $"    public static int Grade(int x)\n    {{\n{branches}        return x;\n    }}\n}}\n";
        repo.WriteProject("src/Incremental.Sample", "Incremental.Sample").WriteFile("src/Incremental.Sample/Api.cs", SimpleApi);
        const string project = "src/Incremental.Sample/Incremental.Sample.csproj";
        var first = repo.Build(project, ci: true, PolicyOnly);
        Assert.True(first.Succeeded, first.Output);

        foreach (var generated in new[] { "Standards.globalconfig", "CodeMetricsConfig.txt" })
        {
            var file = Assert.Single(Directory.GetFiles(repo.PathOf("src/Incremental.Sample/obj"), generated, SearchOption.AllDirectories));
            File.Delete(file);
            // A source edit the check does not record (the source list is the same): only the deleted file can
            // re-run it.
            repo.WriteFile("src/Incremental.Sample/Api.cs", complex);
            var build = Rebuild(repo, project, PolicyOnly);
            Assert.True(build.Ran(Target), $"{generated}: {build.Output}");
            Assert.True(File.Exists(file), generated);
            Assert.Equal("CA1502", Assert.Single(build.Errors).Code);

            repo.WriteFile("src/Incremental.Sample/Api.cs", SimpleApi);
            var fixedBuild = Rebuild(repo, project, PolicyOnly);
            Assert.True(fixedBuild.Succeeded, fixedBuild.Output);
        }

        // The survey config (a survey build, `dotnet standards adopt`) makes the policy's errors warnings for that
        // build. Deleted between two survey builds, it is written again too: without it the survey's compile would
        // report CA1502 as the error of a CI build.
        const string survey = PolicyOnly + ";StandardsSurveyBuild=true";
        repo.WriteFile("src/Incremental.Sample/Api.cs", complex);
        var firstSurvey = Rebuild(repo, project, survey);
        Assert.Contains(firstSurvey.Warnings, w => w.Code == "CA1502");
        var surveyConfig = Assert.Single(Directory.GetFiles(repo.PathOf("src/Incremental.Sample/obj"), "Standards.survey.globalconfig", SearchOption.AllDirectories));
        File.Delete(surveyConfig);
        repo.WriteFile("src/Incremental.Sample/Api.cs", complex + "// edited\n");
        var secondSurvey = Rebuild(repo, project, survey);
        Assert.True(secondSurvey.Ran(Target), secondSurvey.Output);
        Assert.True(File.Exists(surveyConfig));
        Assert.Contains(secondSurvey.Warnings, w => w.Code == "CA1502");
        Assert.DoesNotContain(secondSurvey.Errors, e => e.Code == "CA1502");
    }

    [Fact]
    public void Policy_check_reruns_when_an_item_list_it_records_changes_though_no_input_file_is_newer()
    {
        // The policy's inputs cache records the compiler's item lists (WriteInputsCache formats them): an additional
        // file from a global property, an analyzer config and a baseline that arrive with old times change no input
        // the target compares by time, only the cache.
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Incremental.Sample", "Incremental.Sample",
                "  <ItemGroup>\n    <AdditionalFiles Include=\"$(ExtraAdditionalFile)\" Condition=\"'$(ExtraAdditionalFile)' != ''\" />\n  </ItemGroup>")
            .WriteFile("src/Incremental.Sample/Api.cs", SimpleApi)
            .WriteFile("src/Incremental.Sample/notes.txt", "notes\n");
        const string project = "src/Incremental.Sample/Incremental.Sample.csproj";
        var longAgo = DateTime.UtcNow.AddDays(-30);
        Assert.True(repo.Build(project, ci: true, PolicyOnly).Ran(Target));
        Assert.True(Rebuild(repo, project, PolicyOnly).Skipped(Target));

        var withAdditional = $"{PolicyOnly};ExtraAdditionalFile=notes.txt";
        var added = Rebuild(repo, project, withAdditional);
        Assert.True(added.Ran(Target), added.Output);
        Assert.True(Rebuild(repo, project, withAdditional).Skipped(Target));
        Assert.True(Rebuild(repo, project, PolicyOnly).Ran(Target));

        repo.WriteFile("src/.editorconfig", "[*.cs]\ndotnet_diagnostic.CA1822.severity = warning\n");
        File.SetLastWriteTimeUtc(repo.PathOf("src/.editorconfig"), longAgo);
        var config = Rebuild(repo, project, PolicyOnly);
        Assert.True(config.Ran(Target), config.Output);
        Assert.True(Rebuild(repo, project, PolicyOnly).Skipped(Target));

        repo.WriteFile("standards-baseline.json", """{ "version": 1, "findings": [] }""");
        File.SetLastWriteTimeUtc(repo.PathOf("standards-baseline.json"), longAgo);
        var baseline = Rebuild(repo, project, PolicyOnly);
        Assert.True(baseline.Ran(Target), baseline.Output);
        Assert.True(Rebuild(repo, project, PolicyOnly).Skipped(Target));
    }

    [Fact]
    public void A_repacked_task_assembly_of_the_same_version_reruns_the_checks()
    {
        // The inputs caches record the write time of the task assembly the node loaded (WriteInputsCache), so a
        // package re-packed under the same version, as a local feed or a CI cache may hold, re-runs every check.
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Incremental.Sample", "Incremental.Sample")
            .WriteFile("src/Incremental.Sample/Api.cs", SimpleApi);
        const string project = "src/Incremental.Sample/Incremental.Sample.csproj";
        var tasks = repo.PathOf("packed-tasks");
        Directory.CreateDirectory(tasks);
        foreach (var file in Directory.GetFiles(Runtimes.PackedTaskAssemblies.Folder("net10.0")))
        {
            File.Copy(file, Path.Combine(tasks, Path.GetFileName(file)));
        }

        var assembly = Path.Combine(tasks, "Standards.Sdk.Tasks.dll");
        var arguments = $"{PolicyOnly};StandardsTasksAssembly={assembly}";
        Assert.True(repo.Build(project, ci: true, arguments).Ran(Target));
        var noOp = Rebuild(repo, project, arguments);
        Assert.True(noOp.Skipped(Target), noOp.Output);

        File.SetLastWriteTimeUtc(assembly, File.GetLastWriteTimeUtc(assembly).AddMinutes(5));
        var repacked = Rebuild(repo, project, arguments);
        Assert.True(repacked.Ran(Target), repacked.Output);
        Assert.True(repacked.Succeeded, repacked.Output);
        Assert.True(Rebuild(repo, project, arguments).Skipped(Target));
    }

    [Fact]
    public void A_new_day_reruns_the_policy_check_so_an_expired_exception_fails_the_next_build()
    {
        // Exceptions expire: the inputs cache records the date the checks judge them against (WriteInputsCache,
        // RecordToday), from StandardsToday or the machine's clock, so the first build of a new day re-runs the check.
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Dated.Sample", "Dated.Sample", "  <PropertyGroup>\n    <Nullable>disable</Nullable>\n  </PropertyGroup>")
            .WriteFile("src/Dated.Sample/Api.cs", $"namespace Samples.Dated;\n\n{Doc}\npublic static class Api\n{{\n}}\n")
            .WriteFile("standards.json", """
                {
                  "exceptions": [
                    { "rule": "STD0101", "scope": "Dated.Sample", "owner": "@team", "reason": "interop", "expires": "2099-12-31" }
                  ]
                }
                """);
        const string project = "src/Dated.Sample/Dated.Sample.csproj";

        var lastDay = repo.Build(project, ci: true, $"{PolicyOnly};StandardsToday=2099-12-31");
        Assert.True(lastDay.Succeeded, lastDay.Output);
        Assert.True(lastDay.Ran(Target), lastDay.Output);
        Assert.True(Rebuild(repo, project, $"{PolicyOnly};StandardsToday=2099-12-31").Skipped(Target));

        var expired = Rebuild(repo, project, $"{PolicyOnly};StandardsToday=2100-01-01");
        Assert.True(expired.Ran(Target), expired.Output);
        // The expired entry itself (STD0005) and the deviation it no longer allows.
        Assert.Equal(["STD0005", "STD0101"], expired.Errors.Select(e => e.Code).Order());

        // The machine's date: recorded as the check resolves it; a cache from yesterday re-runs the check.
        var today = Rebuild(repo, project, PolicyOnly);
        Assert.True(today.Succeeded, today.Output);
        Assert.True(today.Ran(Target), today.Output);
        var cache = Directory.GetFiles(repo.PathOf("src/Dated.Sample/obj"), "policy.inputs", SearchOption.AllDirectories).Single();
        var recorded = File.ReadAllText(cache);
        var date = System.DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"\ntoday={date} override=\n", recorded, StringComparison.Ordinal);
        Assert.True(Rebuild(repo, project, PolicyOnly).Skipped(Target));

        // Yesterday's cache, with its old write time: only the task's rewrite can make the check run again.
        var written = File.GetLastWriteTimeUtc(cache);
        File.WriteAllText(cache, recorded.Replace($"today={date}", "today=2000-01-01", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(cache, written);
        var nextDay = Rebuild(repo, project, PolicyOnly);
        Assert.True(nextDay.Ran(Target), nextDay.Output);
        Assert.Contains($"\ntoday={date} override=\n", File.ReadAllText(cache), StringComparison.Ordinal);
    }
}
