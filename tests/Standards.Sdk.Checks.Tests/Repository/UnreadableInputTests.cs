using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.State;
using Standards.Sdk.Checks.Tests.Dependencies;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>
/// A CODEOWNERS symlink to nowhere, an ADR at mode 000, a lock file the user cannot read: none may make the rules
/// skip silently with 0 errors. Every file the checks read, made unreadable in every way (permission, a link
/// to nothing, a link loop, a disappearing file), gives STD0007 naming it; the other checks still run.
/// </summary>
public sealed class UnreadableInputTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-tests", "unreadable-" + Guid.NewGuid().ToString("N"));

    /// <summary>A compliant service repo with lock files and a runbook: every kind of file a check reads.</summary>
    private static FakeRepo Repo() => FakeRepo.Service()
        .With("global.json", DependencyRepo.GlobalJson)
        .With("Directory.Packages.props", DependencyRepo.PackagesProps)
        .With("src/Acme.Orders/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }")
        .With(".github/pull_request_template.md", FakeRepo.PullRequestTemplate)
        .With("docs/notes.md", "Next Review: 2030-01-01\n");

    public static TheoryData<string, string> Failures()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Repo().Files.Keys.Where(p => p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith("CODEOWNERS", StringComparison.Ordinal)
                     || p.EndsWith(".csproj", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".props", StringComparison.Ordinal)))
        {
            data.Add(path, "permission");
            data.Add(path, "missing link target");
            data.Add(path, "io");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Every_file_a_check_reads_that_cannot_be_read_is_STD0007_naming_it(string path, string failure)
    {
        var repo = Repo();
        var files = repo.Files;
        string? Read(string relative) => relative == path
            ? failure switch
            {
                "permission" => throw new UnauthorizedAccessException("Access to the path is denied."),
                "missing link target" => throw new FileNotFoundException("gone", relative),
                _ => throw new IOException("Too many levels of symbolic links"),
            }
            : files.GetValueOrDefault(relative);
        var projects = files.Keys.Where(ProjectFileReader.IsProjectFile).Select(p => ProjectFileReader.Read(p, files[p])).ToList();
        var snapshot = new RepositorySnapshot(FakeRepo.Root, [.. files.Keys], projects, Read);

        var outcome = RepositoryCheckRunner.Run(snapshot, StandardsPolicy.Default, FakeRepo.Today, RepositoryChecks.All, null);

        Assert.DoesNotContain(outcome.Reported, f => f.Code == "STD0000");
        var finding = Assert.Single(outcome.Reported, f => f.Code == "STD0007");
        Assert.Equal(path, finding.File);
        Assert.Contains(failure switch { "permission" => "permission denied", "missing link target" => "disappeared", _ => "Too many levels" }, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_that_cannot_be_listed_are_STD0007()
    {
        var snapshot = new RepositorySnapshot(FakeRepo.Root, [.. Repo().Files.Keys], [], p => Repo().Files.GetValueOrDefault(p),
            unreadableFolders: [new UnreadablePath("docs/adr", "the folder cannot be listed (permission denied)")]);
        var outcome = RepositoryCheckRunner.Run(snapshot, StandardsPolicy.Default, FakeRepo.Today, [new LayoutCheck()], null);
        var finding = Assert.Single(outcome.Reported, f => f.Code == "STD0007");
        Assert.Equal("docs/adr", finding.File);
        Assert.Contains("could not be listed", finding.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> DiskFiles() => new() { ".github/CODEOWNERS", "docs/adr/0001-record-architecture-decisions.md", "docs/runbooks/high-error-rate.md", "src/Acme.Orders/packages.lock.json" };

    [Theory]
    [MemberData(nameof(DiskFiles))]
    public void On_disk_a_dangling_link_and_a_link_loop_are_STD0007_with_the_reason(string path)
    {
        foreach (var (kind, target, says) in new[] { ("dangling", "../nowhere/missing.md", "which does not exist"), ("loop", null, "Too many levels") })
        {
            var repoRoot = Path.Combine(root, kind + Path.GetFileNameWithoutExtension(path));
            foreach (var (relative, text) in Repo().Files)
            {
                Write(repoRoot, relative, text);
            }

            var full = Path.Combine(repoRoot, path);
            File.Delete(full);
            File.CreateSymbolicLink(full, target ?? full);

            var (snapshot, _) = RepositorySnapshotLoader.Load(repoRoot, useGit: false);
            var outcome = RepositoryCheckRunner.Run(snapshot, StandardsPolicy.Default, FakeRepo.Today, RepositoryChecks.All, null);

            Assert.DoesNotContain(outcome.Reported, f => f.Code == "STD0000");
            var finding = Assert.Single(outcome.Reported, f => f.Code == "STD0007");
            Assert.Equal(path, finding.File);
            Assert.Contains(says, finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_check_that_fails_on_one_file_reports_that_file_and_the_others_still_run()
    {
        var reporter = FindingReporter.ForProject(StandardsPolicy.Default, new ProjectContext("Acme", "library", string.Empty), FakeRepo.Today);
        foreach (var file in new[] { "a.md", "bad.md", "c.md" })
        {
            PerFile.Run(reporter, file, "check", () =>
            {
                if (file == "bad.md")
                {
                    throw new InvalidOperationException("boom");
                }

                reporter.Add(new Checks.Diagnostics.Finding("STD3032", Checks.Diagnostics.Severity.Warning, "ok", file));
            });
        }

        Assert.Equal([("STD3032", "a.md"), ("STD0000", "bad.md"), ("STD3032", "c.md")], reporter.Findings.Select(f => (f.Code, f.File!)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Write(string repoRoot, string relative, string text)
    {
        var path = Path.Combine(repoRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
