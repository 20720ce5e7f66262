using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The dotnet and git commands adopt runs in its workspace (the copy of the repo), through the runner it was given:
/// dotnet with the CI variables cleared (CI set only when asked) and English output; git failing the run when it fails.
/// </summary>
internal sealed class WorkspaceCommands(ICommandRunner runner)
{
    private static readonly string[] CiVariables = ["CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "TEAMCITY_VERSION", "JENKINS_URL", "BUILD_ID"];

    /// <summary>Runs dotnet in <paramref name="workspace"/>, in CI mode when <paramref name="ci"/>.</summary>
    public CommandResult Dotnet(string workspace, bool ci, params string[] arguments)
    {
        var environment = CiVariables.ToDictionary(v => v, _ => (string?)null, StringComparer.Ordinal);
        environment["CI"] = ci ? "true" : null;
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_NOLOGO"] = "1";
        return runner.Run("dotnet", arguments, workspace, environment);
    }

    /// <summary>Runs git in <paramref name="workspace"/>; a failure is <see cref="ToolRuleIds.BuildFailed"/>.</summary>
    public void Git(string workspace, params string[] arguments)
    {
        var result = runner.Run("git", arguments, workspace);
        if (result.ExitCode != 0)
        {
            throw new ToolException(ToolRuleIds.BuildFailed, $"`git {string.Join(' ', arguments)}` failed in the workspace: {result.Output.Trim()}");
        }
    }

    /// <summary>What a git command prints, or null when it fails (a value git does not have, a folder that is not a repo).</summary>
    public string? GitOutput(string directory, params string[] arguments)
    {
        var result = runner.Run("git", arguments, directory);
        return result.ExitCode == 0 ? result.Output : null;
    }

    /// <summary>Commits everything in the workspace's git repo as Standards.Sdk (with <paramref name="allowEmpty"/>, also when nothing changed).</summary>
    public void CommitAll(string workspace, string message, bool allowEmpty)
    {
        Git(workspace, "add", "-A");
        string[] identity = ["-c", "user.name=Standards.Sdk", "-c", "user.email=standards@localhost", "-c", "commit.gpgsign=false", "commit", "-q"];
        Git(workspace, [.. identity, .. allowEmpty ? ["--allow-empty"] : Array.Empty<string>(), "-m", message]);
    }

    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    public static string? ReadOrNull(string path) => FileReading.ReadOrNull(path);

    /// <summary>The lines of a workspace file, or null when it does not exist.</summary>
    public static string[]? ReadLines(string workspace, string relative)
    {
        var path = Path.Combine(workspace, relative);
        return File.Exists(path) ? File.ReadAllText(path).Split('\n') : null;
    }
}
