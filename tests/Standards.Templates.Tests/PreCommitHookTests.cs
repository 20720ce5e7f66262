using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// The pre-commit hook of the host templates (.githooks/pre-commit, enabled by <c>git config core.hooksPath
/// .githooks</c>, as the README says), run by git in a generated repo: a staged file with a planted secret stops the
/// commit with STD3040 (kind, file and line, never the secret), judged as staged even when the work tree no longer
/// holds it; a staged C# file that is not formatted stops it; a clean commit goes through.
/// </summary>
public sealed class PreCommitHookTests
{
    [Fact]
    public void The_hook_stops_a_commit_with_a_staged_secret_or_unformatted_code_and_lets_a_clean_one_through()
    {
        var repo = GeneratedRepo.Generate("std-worker", "Acme.Hooks", "--owner=@acme/hooks");
        try
        {
            Assert.Contains("git config core.hooksPath .githooks", repo.Read("README.md"), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.True((File.GetUnixFileMode(repo.PathOf(".githooks/pre-commit")) & UnixFileMode.UserExecute) != 0, "the hook is not executable");
            }

            GeneratedRepo.Git(repo.Root, "config", "core.hooksPath", ".githooks");

            // A token made at run time, so no file of this repo holds one.
            var token = "ghp_" + new string([.. Enumerable.Range(0, 36).Select(i => "abcdefghijklmnopqrstuvwxyz0123456789"[(i * 7 + 3) % 36])]);
            Directory.CreateDirectory(repo.PathOf("deploy"));
            File.WriteAllText(repo.PathOf("deploy/settings.yaml"), "logLevel: info\ngithubToken: " + token + "\n");
            GeneratedRepo.Git(repo.Root, "add", "deploy/settings.yaml");
            // The work tree no longer holds it; the index, which the commit records, does.
            File.WriteAllText(repo.PathOf("deploy/settings.yaml"), "logLevel: info\ngithubToken: ${GITHUB_TOKEN}\n");
            var secret = Commit(repo, "settings");
            Assert.NotEqual(0, secret.ExitCode);
            Assert.Contains("deploy/settings.yaml(2,", secret.Output, StringComparison.Ordinal);
            Assert.Contains("error STD3040: deploy/settings.yaml holds a secret (github-token, fingerprint ", secret.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(token, secret.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(token[4..20], secret.Output, StringComparison.Ordinal);
            Assert.Equal("1", GeneratedRepo.Git(repo.Root, "rev-list", "--count", "HEAD").Output.Trim());

            GeneratedRepo.Git(repo.Root, "add", "deploy/settings.yaml");
            var clean = Commit(repo, "settings from the environment");
            Assert.True(clean.ExitCode == 0, clean.Output);
            Assert.Contains("secret scan of 1 staged file(s): 0 error(s)", clean.Output, StringComparison.Ordinal);
            Assert.Equal("2", GeneratedRepo.Git(repo.Root, "rev-list", "--count", "HEAD").Output.Trim());

            File.WriteAllText(repo.PathOf("cmd/Acme.Hooks.Worker/Unformatted.cs"), "namespace Acme.Hooks.Worker;\n\ninternal static class Unformatted\n{\n        internal const int Value = 1;\n}\n");
            GeneratedRepo.Git(repo.Root, "add", "cmd/Acme.Hooks.Worker/Unformatted.cs");
            var unformatted = Commit(repo, "unformatted");
            Assert.NotEqual(0, unformatted.ExitCode);
            Assert.Contains("staged C# files are not formatted", unformatted.Output, StringComparison.Ordinal);
            Assert.Equal("2", GeneratedRepo.Git(repo.Root, "rev-list", "--count", "HEAD").Output.Trim());
        }
        finally
        {
            repo.Delete();
        }
    }

    private static ProcessResult Commit(GeneratedRepo repo, string message) =>
        HeavyWork.Run(() => ProcessRunner.Run(
            "git",
            ["-c", "user.name=Standards Tests", "-c", "user.email=tests@example.invalid", "commit", "-q", "-m", message],
            repo.Root,
            GeneratedRepo.Environment));
}
