using System.Diagnostics;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>
/// The fingerprint that decides whether the repository checks run again. Generated variants of
/// time-reversed edits (every kind of file the checks read, changed in every way that leaves an older or equal
/// modification time: moved in place, copied with -p, rewritten and touched back, same size) must change it; an
/// unchanged repo must not; and the git state (index) must be found in every layout: plain clone, a repo root in a
/// subfolder of the work tree, a `git worktree`, a submodule.
/// </summary>
public sealed class FingerprintTests : IDisposable
{
    private static readonly string[] Settings = ["mode=local"];

    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-tests", "fingerprint-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string> TimeReversedEdits()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { ".github/CODEOWNERS", "docs/adr/0001-a.md", "src/App/App.csproj", "src/App/packages.lock.json", "Directory.Build.props", "standards.json", "global.json" })
        {
            foreach (var how in new[] { "move an older file in place", "copy preserving times", "rewrite and set the time back", "same size, same time, new inode" })
            {
                data.Add(file, how);
            }
        }

        return data;
    }

    /// <summary>
    /// The checks of a build take the fingerprint's walk (no second walk of a big repo), so they judge exactly
    /// the files the fingerprint, and the stamp made under it, name; without a walk they list the repo themselves.
    /// </summary>
    [Fact]
    public void The_snapshot_judges_the_files_of_the_fingerprint_walk_it_is_given()
    {
        var repo = NewRepo();
        var (_, count) = RepositoryFingerprint.Compute(repo, Settings, [], ContentHashCache.Parse(null), out var walk);
        Assert.Equal(count, walk.Files.Count);
        Assert.Equal(Path.GetFullPath(repo), walk.Root);
        Assert.Equal(RepositorySnapshotLoader.Walk(repo).Files, walk.Files);

        // A file added after the fingerprint: the snapshot from the walk does not see it (its build's stamp does not
        // name it, so the next build's fingerprint differs and the checks run again); a fresh walk does.
        File.WriteAllText(Path.Combine(repo, "added-later.md"), "# Later\n");
        var fromWalk = RepositorySnapshotLoader.Load(repo, useGit: false, walk).Snapshot;
        var fresh = RepositorySnapshotLoader.Load(repo, useGit: false).Snapshot;
        Assert.False(fromWalk.Exists("added-later.md"));
        Assert.True(fresh.Exists("added-later.md"));
        Assert.Equal(fresh.Projects.Select(p => p.Path), fromWalk.Projects.Select(p => p.Path));
        Assert.NotEmpty(fromWalk.Projects);
    }

    [Theory]
    [MemberData(nameof(TimeReversedEdits))]
    public void A_content_change_with_an_older_or_equal_time_changes_the_fingerprint(string file, string how)
    {
        var repo = NewRepo();
        var clock = new FakeClock();
        var cache = ContentHashCache.Parse(null, clock.Now);
        var before = RepositoryFingerprint.Compute(repo, Settings, [], cache).Text;

        // Later (past the racy window) the files are hashed once more, and from then on an unchanged repo reads nothing.
        clock.Advance(TimeSpan.FromMinutes(10));
        var warm = ContentHashCache.Parse(cache.Write(), clock.Now);
        Assert.Equal(before, RepositoryFingerprint.Compute(repo, Settings, [], warm).Text);
        var cached = ContentHashCache.Parse(warm.Write(), clock.Now);
        Assert.Equal(before, RepositoryFingerprint.Compute(repo, Settings, [], cached).Text);
        Assert.Equal(0, cached.FilesRead);

        var path = Path.Combine(repo, file);
        var old = File.GetLastWriteTimeUtc(path);
        var original = File.ReadAllText(path);
        var changed = original.Length > 2 ? original[..^2] + "X\n" : "X\n";
        switch (how)
        {
            case "move an older file in place":
                var older = path + ".older";
                File.WriteAllText(older, changed + "more\n");
                File.SetLastWriteTimeUtc(older, old.AddDays(-3));
                File.Move(older, path, overwrite: true);
                break;
            case "copy preserving times":
                var other = Path.Combine(root, "elsewhere");
                File.WriteAllText(other, changed);
                File.SetLastWriteTimeUtc(other, old.AddHours(-1));
                File.Copy(other, path, overwrite: true);
                File.SetLastWriteTimeUtc(path, old.AddHours(-1));
                break;
            case "rewrite and set the time back":
                File.WriteAllText(path, changed);
                File.SetLastWriteTimeUtc(path, old);
                break;
            default:
                var replacement = path + ".new";
                File.WriteAllText(replacement, changed);
                File.SetLastWriteTimeUtc(replacement, old);
                File.Move(replacement, path, overwrite: true);
                break;
        }

        Assert.True(File.GetLastWriteTimeUtc(path) <= old, "the edit must not make the file newer");
        var next = ContentHashCache.Parse(cached.Write(), clock.Now);
        Assert.NotEqual(before, RepositoryFingerprint.Compute(repo, Settings, [], next).Text);
    }

    [Fact]
    public void A_file_hashed_within_the_racy_window_is_read_again_until_it_is_safely_old()
    {
        var repo = NewRepo();
        var clock = new FakeClock(DateTime.UtcNow);
        var first = ContentHashCache.Parse(null, clock.Now);
        RepositoryFingerprint.Compute(repo, Settings, [], first);
        var second = ContentHashCache.Parse(first.Write(), clock.Now);
        RepositoryFingerprint.Compute(repo, Settings, [], second);
        Assert.True(second.FilesRead > 0, "files modified just now must not be trusted from the cache");
        clock.Advance(TimeSpan.FromMinutes(1));
        var third = ContentHashCache.Parse(second.Write(), clock.Now);
        RepositoryFingerprint.Compute(repo, Settings, [], third);
        var fourth = ContentHashCache.Parse(third.Write(), clock.Now);
        RepositoryFingerprint.Compute(repo, Settings, [], fourth);
        Assert.Equal(0, fourth.FilesRead);
    }

    /// <summary>
    /// One cache is shared by every project an MSBuild node builds (WriteInputsCache), each asking about its
    /// own files one at a time. Asking about one file keeps the entries of the others (HashAll drops them), so a file
    /// every project names is read once while it stays safely old and unchanged; the edits it must still see are the
    /// time-reversed ones above, judged by the same rules.
    /// </summary>
    [Fact]
    public void A_shared_cache_asked_one_file_at_a_time_keeps_the_others_and_reads_an_unchanged_old_file_once()
    {
        var repo = NewRepo();
        var clock = new FakeClock();
        var shared = ContentHashCache.Parse(null, clock.Now);
        var policy = Path.GetFullPath(Path.Combine(repo, "standards.json"));
        var lockFile = Path.GetFullPath(Path.Combine(repo, "src/App/packages.lock.json"));
        var first = shared.Hash(policy);

        // Written just before it was hashed: read again until it is safely old.
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(first, shared.Hash(policy));
        Assert.Equal(2, shared.FilesRead);

        // Another project's own file, then the common one again: not read a third time.
        Assert.NotEqual(first, shared.Hash(lockFile));
        Assert.Equal(first, shared.Hash(policy));
        // Where the system cannot give change time and inode, every file is read every time.
        Assert.Equal(FileStat.Of(policy) is { Exact: true } ? 3 : 4, shared.FilesRead);
        Assert.Equal("missing", shared.Hash(Path.Combine(repo, "no-such-file.json")));
    }

    [Fact]
    public void Settings_an_extra_file_outside_the_repo_and_unlisted_folders_change_it()
    {
        var repo = NewRepo();
        var outside = Path.Combine(root, "policy", "strict.json");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.WriteAllText(outside, "{}");
        var a = RepositoryFingerprint.Compute(repo, Settings, [outside], ContentHashCache.Parse(null)).Text;
        Assert.NotEqual(a, RepositoryFingerprint.Compute(repo, ["mode=ci"], [outside], ContentHashCache.Parse(null)).Text);
        File.WriteAllText(outside, "{ }");
        Assert.NotEqual(a, RepositoryFingerprint.Compute(repo, Settings, [outside], ContentHashCache.Parse(null)).Text);
        Assert.NotEqual(RepositoryFingerprint.SettingsKey(["mode=local"]), RepositoryFingerprint.SettingsKey(["mode=ci"]));
    }

    public static TheoryData<string> GitLayouts() => new() { "plain", "subfolder", "worktree", "submodule" };

    [Theory]
    [MemberData(nameof(GitLayouts))]
    public void Git_rm_cached_of_a_lock_file_is_seen_in_every_git_layout(string layout)
    {
        var repo = GitRepo(layout);
        var git = GitLayout.Find(repo);
        Assert.NotNull(git);
        Assert.True(File.Exists(git!.IndexFile), $"{layout}: index {git.IndexFile}");

        var before = RepositoryFingerprint.Compute(repo, Settings, [], ContentHashCache.Parse(null)).Text;
        var (tracked, _) = RepositorySnapshotLoader.Load(repo);
        Assert.Contains("src/App/packages.lock.json", tracked.TrackedFiles!);

        Git(repo, "rm", "--cached", "-q", "src/App/packages.lock.json");

        Assert.NotEqual(before, RepositoryFingerprint.Compute(repo, Settings, [], ContentHashCache.Parse(null)).Text);
        var (snapshot, _) = RepositorySnapshotLoader.Load(repo);
        Assert.Null(snapshot.GitProblem);
        Assert.DoesNotContain("src/App/packages.lock.json", snapshot.TrackedFiles!);
        var findings = new Checks.Dependencies.DependencyCheck().Run(snapshot, Checks.Policy.StandardsPolicy.Default, new DateOnly(2026, 11, 21));
        Assert.Contains(findings, f => f.Code == "STD2004" && f.File == "src/App/packages.lock.json" && f.Message.Contains("not committed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_git_that_refuses_the_repo_is_a_problem_the_snapshot_reports()
    {
        var repo = NewRepo();
        File.WriteAllText(Path.Combine(repo, ".git"), "gitdir: ../missing-git-dir\n");
        var (snapshot, _) = RepositorySnapshotLoader.Load(repo);
        Assert.Null(snapshot.TrackedFiles);
        Assert.NotNull(snapshot.GitProblem);
        var finding = Assert.Single(new Checks.Dependencies.DependencyCheck().Run(snapshot, Checks.Policy.StandardsPolicy.Default, new DateOnly(2026, 11, 21)), f => f.Code == "STD2013");
        Assert.Contains("StandardsRepositoryChecksUseGit=false", finding.Message, StringComparison.Ordinal);
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
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string NewRepo(string name = "repo")
    {
        var repo = Path.Combine(root, name);
        Write(repo, ".github/CODEOWNERS", "* @acme/team\n");
        Write(repo, "docs/adr/0001-a.md", "# ADR-0001: A\n\nStatus: Accepted\n");
        Write(repo, "src/App/App.csproj", "<Project Sdk=\"Standards.Sdk\" />\n");
        Write(repo, "src/App/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }\n");
        Write(repo, "src/App/Program.cs", "return 0;\n");
        Write(repo, "Directory.Build.props", "<Project />\n");
        Write(repo, "standards.json", "{ }\n");
        Write(repo, "global.json", "{ \"sdk\": { \"version\": \"10.0.401\", \"rollForward\": \"latestFeature\" } }\n");
        return repo;
    }

    /// <summary>A repo whose files are committed, in the given git layout; returns the repo root.</summary>
    private string GitRepo(string layout)
    {
        switch (layout)
        {
            case "plain":
            {
                var repo = NewRepo();
                Commit(repo);
                return repo;
            }

            case "subfolder":
            {
                var top = Path.Combine(root, "mono");
                Directory.CreateDirectory(top);
                var repo = NewRepo(Path.Combine("mono", "services", "orders"));
                Commit(top);
                return repo;
            }

            case "worktree":
            {
                var main = NewRepo("main");
                Commit(main);
                var linked = Path.Combine(root, "linked");
                Git(main, "worktree", "add", "-q", linked);
                return linked;
            }

            default:
            {
                var sub = NewRepo("sub");
                Commit(sub);
                var super = Path.Combine(root, "super");
                Directory.CreateDirectory(super);
                Git(super, "init", "-q");
                Git(super, "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub, "orders");
                Git(super, "commit", "-q", "-m", "add submodule");
                var repo = Path.Combine(super, "orders");
                Assert.True(File.Exists(Path.Combine(repo, ".git")), "a submodule's .git is a file");
                return repo;
            }
        }
    }

    private static void Commit(string folder)
    {
        Git(folder, "init", "-q");
        Git(folder, "add", "-A");
        Git(folder, "commit", "-q", "-m", "initial");
    }

    private static void Git(string folder, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", "user.name=Tests", "-c", "user.email=tests@example.invalid", "-c", "init.defaultBranch=main", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    private static void Write(string repo, string relative, string text)
    {
        var path = Path.Combine(repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private sealed class FakeClock(DateTime? start = null)
    {
        private DateTime now = start ?? DateTime.UtcNow;

        public Func<DateTime> Now => () => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
