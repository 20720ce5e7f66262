using Standards.Adoption;
using Standards.Adoption.Survey;
using Standards.Sdk.Checks.Secrets;

namespace Standards.Tool.Tests;

/// <summary>The workspace's builds judge the files the repo's build judges: what git tracks, whatever .gitignore says.</summary>
public sealed partial class AdopterTests
{
    /// <summary>
    /// A file .gitignore matches but git tracks (force-added) is committed, so CI's build checks it: the workspace
    /// tracks it too, and its secrets are findings of the survey and of adopt, as the CI build reports them.
    /// </summary>
    [Fact]
    public void A_tracked_file_gitignore_matches_is_judged_as_the_CI_build_judges_it()
    {
        var env = $"AWS_ACCESS_KEY_ID={Key("AKIA", 16, Upper)}\naws_secret_access_key={Key(string.Empty, 40, Base64)}\nSTRIPE_KEY={Key("sk_live_", 24, Upper + "abcdefghijklmnopqrstuvwxyz")}\n";
        Assert.Equal(3, SecretDetector.Find(env).Count);
        Write(".gitignore", "bin/\nobj/\nartifacts/\n.env\n");
        Write(".env", env);
        Git("add", "-f", ".env");
        Commit();

        // The build's secrets check judges the files git tracks (SecretsCheck), here in the workspace it builds.
        dotnet.WorkspaceFindings = workspace => TrackedFiles(workspace).SelectMany(file => SecretDetector.Find(File.ReadAllText(Path.Combine(workspace, file)))
            .Select(s => $"{file}({s.Line},{s.Column}): error STD3040: {SecretsCheck.Message(file, s)} [{{root}}/src/A/A.csproj]"));

        var result = Run(dryRun: true);
        Assert.Equal([".env", ".env", ".env"], result.Findings.Where(f => f.Code == "STD3040").Select(f => f.File));
        Assert.False(result.CiBuildGreen);
        Assert.Equal(3, result.NotBaselinable.Count(f => f.Diagnostic.Code == "STD3040"));

        var reports = Reports();
        Assert.Equal(1, CommandLine.Run(["survey", root, "--check", "-o", reports], TextWriter.Null, TextWriter.Null, dotnet));
        Assert.Contains("STD3040", File.ReadAllText(Path.Combine(reports, SurveyReport.SarifFile)), StringComparison.Ordinal);
    }

    /// <summary>
    /// The workspace names the repo's remote 'origin', as CI's checkout does: SourceLink writes it into a library's
    /// package, so a survey without it would record "the package does not name its source repository" (STD6053), an
    /// entry the repo's own build then calls stale (STD3902). A repo without a remote gives a workspace without one.
    /// </summary>
    [Fact]
    public void The_workspace_has_the_repos_origin_remote_as_the_build_in_the_repo_does()
    {
        const string Origin = "https://github.com/acme/orders.git";
        Git("remote", "add", "origin", Origin);
        string? seen = null;
        dotnet.WorkspaceFindings = workspace =>
        {
            seen = new ProcessCommandRunner().Run("git", ["config", "--get", "remote.origin.url"], workspace).Output.Trim();
            return [];
        };

        Assert.True(Run(dryRun: true).CiBuildGreen);
        Assert.Equal(Origin, seen);

        // A URL that looks like an option is a URL there too.
        Git("remote", "set-url", "--", "origin", "--upload-pack=touch pwned");
        Assert.True(Run(dryRun: true).CiBuildGreen);
        Assert.Equal("--upload-pack=touch pwned", seen);

        Git("remote", "remove", "origin");
        Assert.True(Run(dryRun: true).CiBuildGreen);
        Assert.Equal(string.Empty, seen);
    }

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>A key of the shape a format has, made at run time so no key is in this source for the secrets check to find.</summary>
    private static string Key(string prefix, int length, string alphabet) =>
        prefix + new string([.. Enumerable.Range(0, length).Select(i => alphabet[((i * 7) + 3) % alphabet.Length])]);

    private static string[] TrackedFiles(string workspace) =>
        new ProcessCommandRunner().Run("git", ["ls-files", "-z"], workspace).Output.Split('\0', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
