namespace Standards.Templates.Tests;

/// <summary>
/// The automation of `dotnet standards upgrade` in ci-templates/: the Renovate preset passes Renovate's own
/// validator, and the scheduled GitHub workflow and GitLab job are valid against the official schemas (and, for
/// GitHub, action-validator). Each check is also shown to reject a broken file, so a pass means something.
/// </summary>
public sealed class UpgradeAutomationTests
{
    private const string Preset = "ci-templates/renovate/standards.json";
    private const string GitHubWorkflow = "ci-templates/github/standards-upgrade.yml";
    private const string GitLabJob = "ci-templates/gitlab/standards-upgrade.yml";

    [Fact]
    public void The_renovate_preset_passes_renovate_config_validator()
    {
        var result = RenovateValidator(Path.Combine(RepoPaths.Root, Preset));
        Assert.True(result.ExitCode == 0, $"renovate-config-validator {Preset}:\n{result.Output}");
    }

    [Fact]
    public void The_renovate_validator_rejects_a_broken_preset()
    {
        var broken = Path.Combine(PackedSdk.NewTempDirectory("renovate-broken"), "renovate.json");
        File.WriteAllText(broken, "{ \"packageRules\": [ { \"matchPackageNames\": \"Standards.*\", \"groupNam\": \"x\" } ] }\n");
        Assert.NotEqual(0, RenovateValidator(broken).ExitCode);
    }

    [Fact]
    public void The_preset_groups_every_Standards_package_and_runs_the_upgrade_on_the_new_version()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, Preset));
        Assert.Contains("\"matchPackageNames\": [\"Standards.*\"]", text, StringComparison.Ordinal);
        Assert.Contains("\"dotnet standards upgrade --to {{{newVersion}}} --allow-dirty\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GitHubWorkflow, "github-workflow.schema.json")]
    [InlineData(GitLabJob, "gitlab-ci.schema.json")]
    public void The_scheduled_upgrade_is_valid_against_its_official_schema(string file, string schema)
    {
        var errors = CiSchemas.Validate(schema, Path.Combine(RepoPaths.Root, file));
        Assert.True(errors.Count == 0, $"{file}:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void The_scheduled_github_workflow_passes_action_validator()
    {
        var result = CiSchemas.ActionValidator(Path.Combine(RepoPaths.Root, GitHubWorkflow));
        Assert.True(result.ExitCode == 0, $"action-validator {GitHubWorkflow}:\n{result.Output}");
    }

    private static ProcessResult RenovateValidator(string file)
    {
        var tool = Path.Combine(RepoPaths.Root, "eng", "tools", "renovate", "node_modules", ".bin", "renovate-config-validator");
        Assert.True(File.Exists(tool), $"{tool} is missing: run eng/setup.sh (it installs Renovate from npm).");
        // --no-global: a preset is repo configuration (a file argument is read as self-hosted configuration otherwise); --strict fails on warnings and on options that need a migration.
        return ProcessRunner.Run(tool, ["--strict", "--no-global", file], Path.GetDirectoryName(file)!);
    }
}
