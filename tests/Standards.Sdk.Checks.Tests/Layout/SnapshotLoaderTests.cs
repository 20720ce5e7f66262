using System.Diagnostics;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>Disk snapshot, git information, the repository fingerprint and the run guard, on real temp folders.</summary>
public sealed class SnapshotLoaderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-checks-tests", Guid.NewGuid().ToString("N"));

    public SnapshotLoaderTests() => Directory.CreateDirectory(root);

    [Fact]
    public void Snapshot_skips_build_output_and_tool_folders_and_reads_projects()
    {
        Write("README.md", "# x");
        Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><StandardsCritical>true</StandardsCritical></PropertyGroup></Project>");
        Write("src/App/bin/Debug/App.dll", "x");
        Write("src/App/obj/project.assets.json", "{}");
        Write("node_modules/a/index.js", "x");
        Write("artifacts/standards/summary.md", "x");
        Write(".git/config", "x");
        Write(".github/CODEOWNERS", "* @a");
        Write("src/Broken/Broken.csproj", "<Project");

        var (snapshot, statistics) = RepositorySnapshotLoader.Load(root, useGit: false);
        Assert.Equal([".github/CODEOWNERS", "README.md", "src/App/App.csproj", "src/Broken/Broken.csproj"], snapshot.Files);
        Assert.Equal(4, statistics.Files);
        var app = snapshot.Projects.Single(p => p.Name == "App");
        Assert.Equal(("service", "true"), (app.Kind, app.Properties["StandardsCritical"]));
        Assert.Equal("library", snapshot.Projects.Single(p => p.Name == "Broken").Kind);
        Assert.Null(snapshot.TrackedFiles);
        Assert.Null(snapshot.IgnoredFiles);
        Assert.Equal("# x", snapshot.ReadText("README.md"));
        Assert.Null(snapshot.ReadText("missing.md"));
    }

    [Fact]
    public void Snapshot_knows_tracked_and_ignored_files_in_a_git_repo()
    {
        Write(".gitignore", "*.local.json\n");
        Write("src/A/packages.lock.json", "{}");
        Write("src/B/packages.lock.json", "{}");
        Write("settings.local.json", "{}");
        Write("new.txt", "x");
        if (!Git("init", "-q") || !Git("add", ".gitignore", "src/A/packages.lock.json"))
        {
            return; // git is not installed: nothing to test (the loader then reports null).
        }

        var (snapshot, _) = RepositorySnapshotLoader.Load(root);
        Assert.Equal([".gitignore", "src/A/packages.lock.json"], snapshot.TrackedFiles!.Order(StringComparer.Ordinal));
        Assert.Equal(["settings.local.json"], snapshot.IgnoredFiles!);
    }

    [Fact]
    public void Project_kind_inference_matches_the_targets()
    {
        Assert.Equal("test", ProjectFileReader.Read("tests/A.Tests/A.Tests.csproj", "<Project />").Kind);
        Assert.Equal("test", ProjectFileReader.Read("src/A/A.csproj", "<Project><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>").Kind);
        Assert.Equal("benchmark", ProjectFileReader.Read("bench/A.Benchmarks/A.Benchmarks.csproj", "<Project />").Kind);
        Assert.Equal("service", ProjectFileReader.Read("cmd/A.Api/A.Api.csproj", "<Project />").Kind);
        Assert.Equal("worker", ProjectFileReader.Read("cmd/A.Worker/A.Worker.csproj", "<Project />").Kind);
        Assert.Equal("tool", ProjectFileReader.Read("cmd/A/A.csproj", "<Project />").Kind);
        Assert.Equal("tool", ProjectFileReader.Read("src/A/A.csproj", "<Project><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>").Kind);
        Assert.Equal("worker", ProjectFileReader.Read("src/A/A.csproj", "<Project><Sdk Name=\"Microsoft.NET.Sdk.Worker\" /></Project>").Kind);
        Assert.Equal("library", ProjectFileReader.Read("cmd/A.Api/A.Api.csproj", "<Project><PropertyGroup><StandardsProjectKind>Library</StandardsProjectKind></PropertyGroup></Project>").Kind);
        Assert.Equal("library", ProjectFileReader.Read("src/A/A.csproj", null).Kind);
    }

    [Fact]
    public void Fingerprint_changes_with_the_file_set_not_with_its_order()
    {
        string[] files = ["b.md", "a/x.cs", "README.md"];
        var text = RepositoryFingerprint.CacheText(files, ["today=2026-02-01"]);
        Assert.Equal(text, RepositoryFingerprint.CacheText(files.Reverse().ToList(), ["today=2026-02-01"]));
        Assert.NotEqual(text, RepositoryFingerprint.CacheText(["b.md", "a/y.cs", "README.md"], ["today=2026-02-01"]));
        Assert.NotEqual(text, RepositoryFingerprint.CacheText(["b.md", "README.md"], ["today=2026-02-01"]));
        Assert.NotEqual(text, RepositoryFingerprint.CacheText(files, ["today=2026-02-02"]));
        Assert.Contains("files=3\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md", true)]
    [InlineData("standards-baseline.json", true)]
    [InlineData(".github/workflows/ci.yml", true)]
    [InlineData("docs/adr/0001-x.md", true)]
    [InlineData("src/A/A.csproj", true)]
    [InlineData("src/A/packages.lock.json", true)]
    [InlineData("docs/CODEOWNERS", true)]
    [InlineData("src/A/Program.cs", true)]
    [InlineData("src/A/appsettings.json", true)]
    [InlineData("src/A/Properties/launchSettings.json", true)]
    [InlineData("deploy/.env", true)]
    [InlineData("src/A/key.snk", true)]
    [InlineData("src/A/Resources.resx", true)]
    [InlineData("certs/server.pfx", false)]
    public void Content_inputs_are_the_files_the_checks_read(string path, bool expected) =>
        Assert.Equal(expected, RepositoryFingerprint.IsContentInput(path));

    [Fact]
    public void Run_guard_makes_a_second_build_wait_and_then_proceed()
    {
        var lockFile = Path.Combine(root, "state", "repository.lock");
        using (var first = RunGuard.Acquire(lockFile, TimeSpan.FromSeconds(5)))
        {
            Assert.True(first.Held);
            var waited = false;
            var watch = Stopwatch.StartNew();
            using var second = RunGuard.Acquire(lockFile, TimeSpan.FromMilliseconds(300), () => waited = true);
            Assert.True(waited);
            Assert.False(second.Held);
            Assert.True(watch.ElapsedMilliseconds >= 250);
        }

        using var third = RunGuard.Acquire(lockFile, TimeSpan.FromSeconds(1));
        Assert.True(third.Held);
        Assert.False(third.Waited);
    }

    [Fact]
    public void Run_guard_accepts_only_a_stamp_of_the_same_fingerprint_with_its_outputs()
    {
        var stamp = Write("state/repository.abc.stamp", RunGuard.StampLine("F1") + "\nStandards: 2 checks\n");
        var report = Path.Combine(root, "state", "standards.sarif");
        Assert.True(RunGuard.IsUpToDate(stamp, "F1", []));
        Assert.False(RunGuard.IsUpToDate(stamp, "F2", []));
        Assert.False(RunGuard.IsUpToDate(stamp, "F1", [report]));
        Write("state/standards.sarif", "{}");
        Assert.True(RunGuard.IsUpToDate(stamp, "F1", [report]));

        // Time does not make a stamp valid: a stamp newer than everything, made under other inputs, is refused.
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddDays(1));
        Assert.False(RunGuard.IsUpToDate(stamp, "F3", []));
        Assert.False(RunGuard.IsUpToDate(Path.Combine(root, "no.stamp"), "F1", []));
    }

    [Fact]
    public void Run_guard_in_a_folder_that_cannot_be_created_runs_unguarded_and_says_why()
    {
        var blocker = Write("state-file", "a file where the state folder should be");
        using var guard = RunGuard.Acquire(Path.Combine(blocker, "obj", "repository.lock"), TimeSpan.FromSeconds(1));
        Assert.False(guard.Held);
        Assert.NotNull(guard.Problem);
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

    private string Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private bool Git(params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in arguments)
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
