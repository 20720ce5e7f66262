using Standards.Adoption;
using Standards.Adoption.Update;
using Standards.Tool.Commands.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>
/// The update's planner and writer without <c>dotnet new</c>: a scripted <c>dotnet new</c> writes each version's
/// files, git merges for real, and the repo is a temp folder.
/// </summary>
public sealed class TemplateUpdaterTests : IDisposable
{
    internal const string Record = """
        {
          "formatVersion": 1,
          "template": "std-lib",
          "version": "1.0.0",
          "generatedOn": "2026-03-04",
          "options": {
            "name": "Acme.Text",
            "sdk-version": "1.0.0"
          }
        }
        """;

    internal static readonly Dictionary<string, Dictionary<string, string>> Versions = new()
    {
        ["1.0.0"] = new()
        {
            ["README.md"] = "title\nintro\nbody\nend\n",
            ["SECURITY.md"] = "policy\n",
            ["docs/old.md"] = "old\n",
            ["ci.yml"] = "steps:\n  - build\n",
            ["src/Acme.Text/packages.lock.json"] = "{}\n",
        },
        ["2.0.0"] = new()
        {
            ["README.md"] = "title\nintro\nbody\nEND\n",
            ["SECURITY.md"] = "policy, revised\n",
            ["docs/new.md"] = "new\n",
            ["ci.yml"] = "steps:\n  - build --locked\n",
            ["src/Acme.Text/packages.lock.json"] = "{ }\n",
        },

        // A template whose output has no lock files (std-service): a team that restores and commits them has its own.
        ["3.0.0"] = new()
        {
            ["README.md"] = "title\n",
            ["global.json"] = "{ \"msbuild-sdks\": { \"Standards.Sdk\": \"{sdk}\" } }\n",
        },
        ["4.0.0"] = new()
        {
            ["README.md"] = "title, revised\n",
            ["global.json"] = "{ \"msbuild-sdks\": { \"Standards.Sdk\": \"{sdk}\" } }\n",
        },
    };

    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-update-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ScriptedDotnet dotnet = new(Versions);

    public TemplateUpdaterTests()
    {
        foreach (var (path, text) in Versions["1.0.0"])
        {
            Write(path, text);
        }

        Write(TemplateRecord.FileName, Record);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string path, string text)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    private string Read(string path) => File.ReadAllText(Path.Combine(root, path));

    private UpdateResult Update(UpdateOptions? options = null, params string[] served) =>
        new TemplateUpdater(dotnet, new Packs(served.Length > 0 ? served : ["1.0.0", "2.0.0"]), TextWriter.Null).Run(options ?? new UpdateOptions(root));

    [Fact]
    public void Keeps_the_teams_edits_merges_adds_removes_and_lists_the_conflict()
    {
        Write("README.md", "title\nintro, by the team\nbody\nend\n");
        Write("ci.yml", "steps:\n  - build --team\n");

        var result = Update();

        Assert.Equal(
            ["README.md Merged", "SECURITY.md TakeTemplate", "ci.yml Conflict", "docs/new.md Added", "docs/old.md Removed", "src/Acme.Text/packages.lock.json Regenerate"],
            result.Files.Select(f => $"{f.Path} {f.Outcome}"));
        Assert.Equal("title\nintro, by the team\nbody\nEND\n", Read("README.md"));
        Assert.Equal("policy, revised\n", Read("SECURITY.md"));
        Assert.Equal("steps:\n<<<<<<< ci.yml (yours)\n  - build --team\n=======\n  - build --locked\n>>>>>>> ci.yml (template now)\n", Read("ci.yml"));
        Assert.Equal("new\n", Read("docs/new.md"));
        Assert.False(File.Exists(Path.Combine(root, "docs/old.md")));
        Assert.Equal("{}\n", Read("src/Acme.Text/packages.lock.json"));
        Assert.Equal(("STD7535", "ci.yml"), (UpdateResult.Code(Assert.Single(result.Attention).Outcome), result.Attention[0].Path));

        // The template moved, the SDK pin did not: that is upgrade's.
        var record = TemplateRecord.Read(Read(TemplateRecord.FileName));
        Assert.Equal(("2.0.0", "1.0.0"), (record.Version, record.Option("sdk-version")));
        Assert.Equal(("1.0.0", "dotnet standards upgrade --to 2.0.0"), (result.SdkPin, result.SdkUpgrade));
        Assert.Contains(dotnet.Calls, c => c.StartsWith("restore --force-evaluate", StringComparison.Ordinal));
    }

    /// <summary>
    /// The template has no lock files, but the team committed its own: they are restored again after the update (the
    /// merged files may reference other packages; CI restores in locked mode). Without lock files in the repo there is
    /// nothing to restore.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Lock_files_the_team_committed_are_restored_after_an_update(bool teamLockFile)
    {
        Directory.Delete(root, recursive: true);
        foreach (var (path, text) in Versions["3.0.0"])
        {
            Write(path, text.Replace("{sdk}", "3.0.0", StringComparison.Ordinal));
        }

        if (teamLockFile)
        {
            Write("src/Acme.Text/packages.lock.json", "{}\n");
        }

        Write(TemplateRecord.FileName, Record.Replace("1.0.0", "3.0.0", StringComparison.Ordinal));

        var result = Update(null, "3.0.0", "4.0.0");

        Assert.Equal(["README.md TakeTemplate"], result.Files.Select(f => $"{f.Path} {f.Outcome}"));
        Assert.Equal(teamLockFile, dotnet.Calls.Any(c => c.StartsWith("restore --force-evaluate", StringComparison.Ordinal)));
        Assert.Equal("{ \"msbuild-sdks\": { \"Standards.Sdk\": \"3.0.0\" } }\n", Read("global.json"));
    }

    /// <summary>
    /// The repo pins a newer SDK than its record (an upgrade ran since): update merges the template at that pin and
    /// leaves global.json alone, records the pin, and names the upgrade that moves it.
    /// </summary>
    [Fact]
    public void Update_keeps_the_sdk_version_the_repo_pins_and_names_the_upgrade_that_moves_it()
    {
        Directory.Delete(root, recursive: true);
        Write("README.md", "title\n");
        Write("global.json", "{ \"msbuild-sdks\": { \"Standards.Sdk\": \"3.5.0\" } }\n");
        Write(TemplateRecord.FileName, Record.Replace("1.0.0", "3.0.0", StringComparison.Ordinal));

        var result = Update(null, "3.0.0", "4.0.0");

        Assert.Equal(["README.md TakeTemplate"], result.Files.Select(f => $"{f.Path} {f.Outcome}"));
        Assert.Equal("{ \"msbuild-sdks\": { \"Standards.Sdk\": \"3.5.0\" } }\n", Read("global.json"));
        var record = TemplateRecord.Read(Read(TemplateRecord.FileName));
        Assert.Equal(("4.0.0", "3.5.0"), (record.Version, record.Option("sdk-version")));
        Assert.Equal(("3.5.0", "dotnet standards upgrade --to 4.0.0"), (result.SdkPin, result.SdkUpgrade));
        Assert.Contains("Standards.Sdk stays at 3.5.0", UpdateCommand.Text(result, new UpdateOptions(root)), StringComparison.Ordinal);
        Assert.All(dotnet.Calls.Where(c => c.StartsWith("new std-lib", StringComparison.Ordinal)), c => Assert.Contains("--sdk-version=3", c, StringComparison.Ordinal));
    }

    /// <summary>The upgrade is named only when the pin is older than the template version (the same version written otherwise counts as the same).</summary>
    [Theory]
    [InlineData("1.0.0", "dotnet standards upgrade --to 2.0.0")]
    [InlineData("2.0.0", null)]
    [InlineData("2.0", null)]
    [InlineData("2.1.0", null)]
    [InlineData(null, null)]
    [InlineData("not a version", null)]
    public void The_upgrade_is_named_when_the_pin_is_older_than_the_template(string? pin, string? upgrade) =>
        Assert.Equal(upgrade, new UpdateResult { Template = "std-lib", From = "1.0.0", To = "2.0.0", VersionsBehind = 1, Files = [], Written = true, SdkPin = pin }.SdkUpgrade);

    [Fact]
    public void Check_and_dry_run_write_nothing_and_say_how_far_behind()
    {
        foreach (var options in new[] { new UpdateOptions(root, Check: true), new UpdateOptions(root, DryRun: true) })
        {
            var result = Update(options, "1.0.0", "1.5.0", "2.0.0");
            Assert.Equal((true, 2, false), (result.Behind, result.VersionsBehind, result.Written));
            Assert.Equal(6, result.Files.Count);
            Assert.Equal("policy\n", Read("SECURITY.md"));
            Assert.Equal("1.0.0", TemplateRecord.Read(Read(TemplateRecord.FileName)).Version);
        }
    }

    [Fact]
    public void A_file_the_team_deleted_is_left_deleted_and_listed()
    {
        File.Delete(Path.Combine(root, "ci.yml"));
        var result = Update();
        var gone = Assert.Single(result.Attention);
        Assert.Equal(("ci.yml", MergeOutcome.DeletedByTeam, "STD7534"), (gone.Path, gone.Outcome, UpdateResult.Code(gone.Outcome)));
        Assert.False(File.Exists(Path.Combine(root, "ci.yml")));
    }

    [Fact]
    public void Up_to_date_generates_nothing()
    {
        var result = Update(null, "1.0.0");
        Assert.Equal((false, 0), (result.Behind, result.Files.Count));
        Assert.Empty(dotnet.Calls);
    }

    /// <summary>
    /// After an update that wrote a conflict the record is at the new version, yet the repo is not up to date until
    /// the markers are gone: the next run lists the file (STD7535) instead of saying there is nothing to do.
    /// </summary>
    [Fact]
    public void Conflict_markers_left_by_the_last_update_keep_the_repo_out_of_date()
    {
        Write("ci.yml", "steps:\n  - build --team\n");
        Update();

        var check = Update(new UpdateOptions(root, Check: true));
        Assert.False(check.Behind);
        Assert.Equal(("ci.yml", "STD7535"), (Assert.Single(check.Attention).Path, UpdateResult.Code(check.Attention[0].Outcome)));

        Write("ci.yml", "steps:\n  - build --team --locked\n");
        Assert.Empty(Update(new UpdateOptions(root, Check: true)).Files);
    }

    [Theory]
    [InlineData("a\n<<<<<<< yours\nb\n=======\nc\n>>>>>>> theirs\n", true)]
    [InlineData("a\r\n<<<<<<< yours\r\nb\r\n=======\r\nc\r\n>>>>>>> theirs\r\n", true)]
    [InlineData("A heading\n=======\n", false)]
    [InlineData(">>>>>>> before\n=======\n<<<<<<< after\n", false)]
    [InlineData("<<<<<<< only a start\n", false)]
    public void A_file_counts_as_conflicted_only_with_a_whole_marker_set_in_order(string text, bool expected)
    {
        Assert.Equal(expected, ConflictMarkers.HasMarkers(text));
    }

    [Fact]
    public void Errors_are_coded_and_write_nothing()
    {
        Assert.Equal("STD7511", Assert.Throws<ToolException>(() => Update(null, "2.0.0")).Code);
        Assert.Equal("STD7511", Assert.Throws<ToolException>(() => Update(new UpdateOptions(root, To: "3.0.0"))).Code);
        Assert.Equal("STD7514", Assert.Throws<ToolException>(() => Update(new UpdateOptions(root, To: "0.9.0"), "0.9.0", "1.0.0")).Code);
        dotnet.FailNewOf = ["1.0.0", "2.0.0"];
        var failed = Assert.Throws<ToolException>(() => Update());
        Assert.Equal(("STD7532", ".standards/template-record.json"), (failed.Code, failed.File));
        Assert.Contains("Error: Invalid option(s)", failed.Message, StringComparison.Ordinal);
        Assert.Contains("could not generate std-lib 1.0.0 from the record", failed.Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(root, TemplateRecord.FileName));
        Assert.Equal("STD7530", Assert.Throws<ToolException>(() => Update()).Code);
        Assert.Equal("policy\n", Read("SECURITY.md"));
    }

    /// <summary>
    /// Base and theirs are generated at once, each in its own hive that holds only its pack (no SDK templates, no
    /// project context); each `dotnet new` waits for the other, so run one after the other they would never meet.
    /// </summary>
    [Fact]
    public void Base_and_theirs_are_generated_at_once_each_in_its_own_hive_with_the_sdk_templates_left_out()
    {
        using var together = new Barrier(2);
        dotnet.Together = together;

        var result = Update(new UpdateOptions(root, Check: true));

        Assert.True(dotnet.MetEachTime);
        Assert.Equal(6, result.Files.Count);
        var generations = dotnet.Calls.Where(c => c.StartsWith("new ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, generations.Count);
        Assert.All(generations, c => Assert.EndsWith("--debug:disable-sdk-templates --debug:disable-project-context", c, StringComparison.Ordinal));
        var hives = generations.Select(c => c.Split(' ').SkipWhile(a => a != "--debug:custom-hive").ElementAt(1)).Distinct().ToList();
        Assert.Equal(2, hives.Count);
    }

    /// <summary>When only theirs fails, its error is the one reported, coded, naming the version; nothing is written.</summary>
    [Fact]
    public void A_failure_to_generate_theirs_alone_is_coded_and_names_its_version()
    {
        dotnet.FailNewOf = ["2.0.0"];
        var failed = Assert.Throws<ToolException>(() => Update());
        Assert.Equal(("STD7532", ".standards/template-record.json"), (failed.Code, failed.File));
        Assert.Contains("could not generate std-lib 2.0.0 from the record", failed.Message, StringComparison.Ordinal);
        Assert.Equal("policy\n", Read("SECURITY.md"));
        Assert.Equal("1.0.0", TemplateRecord.Read(Read(TemplateRecord.FileName)).Version);
    }

    [Fact]
    public void A_restore_that_skips_projects_is_a_coded_failure_not_a_regenerated_lock_file()
    {
        dotnet.RestoreOutput = "warning NU1503: Skipping restore for project 'src/Acme.Text/Acme.Text.csproj'.";
        var error = Assert.Throws<ToolException>(() => Update());
        Assert.Equal("STD7506", error.Code);
        Assert.Contains("the lock files could not be regenerated", error.Message, StringComparison.Ordinal);
        Assert.Contains("Every file was put back as it was", error.Message, StringComparison.Ordinal);

        // All or nothing: the merge is not left written beside lock files the restore never regenerated.
        Assert.Equal("policy\n", Read("SECURITY.md"));
        Assert.Equal("1.0.0", TemplateRecord.Read(Read(TemplateRecord.FileName)).Version);
        Assert.True(Update(new UpdateOptions(root, Check: true)).Behind);
    }

    [Fact]
    public void Init_records_the_options_and_refuses_a_second_record()
    {
        File.Delete(Path.Combine(root, TemplateRecord.FileName));
        var updater = new TemplateUpdater(dotnet, new Packs(["1.0.0"]), TextWriter.Null);
        var record = updater.Init(root, "std-lib", "1.0.0", ["--name=Acme.Text", "--ci", "none", "--owner=@acme/text"], "2026-05-06");
        Assert.Equal(["name=Acme.Text", "ci=none", "owner=@acme/text"], record.Options.Select(o => $"{o.Key}={o.Value}"));
        Assert.Equal(record.ToJson(), Read(TemplateRecord.FileName));
        Assert.Equal("2026-05-06", record.GeneratedOn);
        Assert.Equal("STD7537", Assert.Throws<ToolException>(() => updater.Init(root, "std-lib", "1.0.0", ["--name=X"], "2026-05-06")).Code);
        File.Delete(Path.Combine(root, TemplateRecord.FileName));
        Assert.Equal("STD7511", Assert.Throws<ToolException>(() => updater.Init(root, "std-lib", "0.1.0", ["--name=X"], "2026-05-06")).Code);
        Assert.Equal("STD7531", Assert.Throws<ToolException>(() => updater.Init(root, "std-lib", "1.0.0", ["--ci=none"], "2026-05-06")).Code);
        Assert.False(File.Exists(Path.Combine(root, TemplateRecord.FileName)));
    }
}
