using System.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.State;
using Standards.Sdk.Checks.Tests.Dependencies;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>
/// A FIFO named standards.json (or a link to one) made the build wait for ever, and a link to /dev/zero or a file of
/// gigabytes ran it out of memory: the files the checks read are regular files of a bounded size, and anything else
/// is STD0007 naming the file and why, within seconds. Each read runs on a task bounded at 30 s, so a regression fails
/// here instead of hanging the test run.
/// </summary>
public sealed class BoundedInputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-tests", "bounded-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> fifos = [];

    public BoundedInputTests() => Directory.CreateDirectory(root);

    public static TheoryData<string, string> SettingsFiles() => new()
    {
        { "standards.json", "fifo" },
        { "standards.json", "link to fifo" },
        { "standards-baseline.json", "fifo" },
        { "standards-baseline.json", "link to fifo" },
        { "standards-code-baseline.json", "fifo" },
    };

    [Theory]
    [MemberData(nameof(SettingsFiles))]
    public void A_FIFO_as_a_settings_file_is_refused_within_seconds_with_the_reason(string name, string kind)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are made with mkfifo(1).
        }

        var path = Special(name, kind);

        var (text, problem) = Within(() => (FileReading.ReadSettings(path, out var why), why));

        Assert.Null(text);
        Assert.Equal(BoundedFile.NotRegularReason, problem);
    }

    [Fact]
    public void A_FIFO_named_standards_json_is_STD0007_naming_it_and_the_defaults_apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Special("standards.json", "link to fifo");

        var result = Within(() => PolicyFile.Read(path, FakeRepo.Today));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("STD0007", path), (finding.Code, finding.File));
        Assert.Contains("not a regular file", finding.Message, StringComparison.Ordinal);
        Assert.Same(StandardsPolicy.Default, result.Policy);
    }

    [Fact]
    public void A_FIFO_named_standards_baseline_json_is_STD0007_in_the_repository_checks_and_accepts_nothing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        WriteRepo();
        var baseline = Special("standards-baseline.json", "fifo");
        var request = new RepositoryCheckRequest { RepoRoot = root, Policy = StandardsPolicy.Default, Today = FakeRepo.Today, BaselinePath = baseline, UseGit = false };

        var run = Within(() => RepositoryCheckSession.Run(request, Stopwatch.StartNew(), []));

        // The baseline's own finding, and the secrets check's, which searches every .json file, once each.
        var findings = run.Outcome.Reported.Where(f => f.Code == "STD0007").ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("standards-baseline.json", f.File));
        Assert.Contains(findings, f => f.Message.Contains("so it accepts no finding", StringComparison.Ordinal) && f.Message.Contains("not a regular file", StringComparison.Ordinal));
        Assert.Empty(run.Outcome.Baselined);
    }

    [Theory]
    [InlineData(".github/CODEOWNERS")]
    [InlineData("src/Acme.Orders/packages.lock.json")]
    public void A_FIFO_or_a_link_to_one_among_the_files_a_check_reads_is_STD0007_naming_it(string relative)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        WriteRepo();
        File.Delete(Path.Combine(root, relative));
        Special(relative, "link to fifo");

        var outcome = Within(() =>
        {
            var (snapshot, _) = RepositorySnapshotLoader.Load(root, useGit: false);
            return RepositoryCheckRunner.Run(snapshot, StandardsPolicy.Default, FakeRepo.Today, RepositoryChecks.All, null);
        });

        var finding = Assert.Single(outcome.Reported, f => f.Code == "STD0007");
        Assert.Equal(relative, finding.File);
        Assert.Contains("not a regular file", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_over_the_limit_is_refused_naming_the_limit_without_being_read()
    {
        var path = Path.Combine(root, "standards.json");
        using (var sparse = new FileStream(path, FileMode.CreateNew))
        {
            sparse.SetLength(BoundedFile.SettingsLimit + 1); // Sparse: costs no disk and, unless read, no memory.
        }

        var (text, problem) = Within(() => (FileReading.ReadSettings(path, out var why), why));
        var policy = PolicyFile.Read(path, FakeRepo.Today);
        var baseline = AdoptionBaseline.ReadFile("standards-baseline.json", path)!;

        Assert.Null(text);
        Assert.Contains("16 MiB (16777216 bytes)", problem, StringComparison.Ordinal);
        Assert.Equal(["STD0007"], policy.Findings.Select(f => f.Code));
        Assert.Contains("16 MiB", policy.Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(["STD0007"], baseline.Problems.Select(f => f.Code));
        Assert.Empty(baseline.File.Entries);
    }

    [Fact]
    public void A_file_at_the_limit_is_read_and_a_device_that_never_ends_stops_at_it()
    {
        var path = Path.Combine(root, "big.json");
        File.WriteAllText(path, "{}" + new string(' ', 100));

        Assert.Equal("{}" + new string(' ', 100), BoundedFile.ReadAllText(path, 102));
        Assert.Contains("101 bytes", Assert.Throws<IOException>(() => BoundedFile.ReadAllText(path, 101)).Message, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            var zero = Path.Combine(root, "zero.json");
            File.CreateSymbolicLink(zero, "/dev/zero");
            var problem = Within(() => FileReading.ReadSettings(zero, out var why) is null ? why : "read");
            Assert.Equal(BoundedFile.NotRegularReason, problem);
        }
    }

    [Fact]
    public void A_regular_settings_file_reads_as_File_ReadAllText_reads_it()
    {
        var path = Path.Combine(root, "standards.json");
        foreach (var bytes in new[] { [], "\uFEFF{ \"a\": \"é\" }"u8.ToArray(), "{\r\n}"u8.ToArray(), System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("{}")).ToArray() })
        {
            File.WriteAllBytes(path, bytes);

            Assert.Equal(File.ReadAllText(path), FileReading.ReadSettings(path, out var problem));
            Assert.Null(problem);
        }

        Assert.Null(FileReading.ReadSettings(Path.Combine(root, "missing.json"), out var missing));
        Assert.Null(missing);
    }

    public void Dispose()
    {
        // A regression blocked in open(2) on a FIFO is released by a writer, so no thread is left waiting.
        foreach (var fifo in fifos)
        {
            try
            {
                using var release = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite);
            }
            catch (IOException)
            {
            }

            if (!fifo.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                File.Delete(fifo);
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static T Within<T>(Func<T> read)
    {
        var task = Task.Run(read);
        Assert.True(task.Wait(Bound), "The read did not finish within 30 s: it is waiting on a FIFO.");
        return task.Result;
    }

    /// <summary>A FIFO at <paramref name="relative"/>, or (<c>link to fifo</c>) a link there to a FIFO outside the repo.</summary>
    private string Special(string relative, string kind)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fifo = kind == "fifo" ? path : root + "-fifo-" + fifos.Count;
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        fifos.Add(fifo);
        if (kind != "fifo")
        {
            File.CreateSymbolicLink(path, fifo);
        }

        return path;
    }

    private void WriteRepo()
    {
        var repo = FakeRepo.Service()
            .With("global.json", DependencyRepo.GlobalJson)
            .With("Directory.Packages.props", DependencyRepo.PackagesProps)
            .With("src/Acme.Orders/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }");
        foreach (var (relative, text) in repo.Files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}
