using System.Diagnostics;
using System.Globalization;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Checks.Snapshot;

// Generates a realistic repo of FILES files (default 10,000; LIBRARIES libraries with tests, default 40, 4 executables,
// ADRs, runbooks, docs, build output under bin/ and obj/ that must be skipped), then times each step of the
// repository checks and the memory one run of it allocates:
//   fingerprint   what every build runs (walk + sorted SHA-256): decides whether the checks run at all
//   snapshot      walk + project files read (and again with git ls-files / check-ignore, the repo committed)
//   layout        the layout check on the snapshot, in memory
//   secrets       the secret check on the snapshot (reads every file from disk, searches every text file)
//   all checks    layout + dependencies through the runner (what RunRepositoryChecks does after the snapshot)
//   end to end    what a build pays: the fingerprint with the content-hash cache it keeps between builds (every
//                 build), and fingerprint + snapshot from its walk + every repo check (a build after an input changed)
// Prints the median and min/max of RUNS runs after WARMUP runs as a markdown table.
//   first build   the same with no content hashes kept (a fresh clone, or a cleaned artifacts/ folder)
// CONFIGS of the files (default 0) are configuration files the secret check searches (appsettings JSON, YAML, .env,
// scripts, XML), spread over the libraries, instead of as many assets.
// Usage: LayoutBench [runs=15] [files=10000] [libraries=40] [configs=0]
var runs = IntArgument(0, 15);
const int Warmup = 3;
var targetFiles = IntArgument(1, 10_000);
var libraryCount = IntArgument(2, 40);
var configCount = IntArgument(3, 0);
long lastAllocated = 0;
var allocated = new Dictionary<string, long>();

var root = Path.Combine(Path.GetTempPath(), "standards-layout-bench-" + Guid.NewGuid().ToString("N"));
try
{
    var (files, skipped) = BenchRepo.Generate(root, targetFiles, libraryCount, configCount);
    var gitRoot = root + "-git";
    BenchRepo.CopyFolder(root, gitRoot);
    BenchRepo.Git(gitRoot, "init", "-q");
    BenchRepo.Git(gitRoot, "add", "-A");

    var today = new DateOnly(2026, 2, 1);
    var policy = StandardsPolicy.Default;
    var (snapshot, _) = RepositorySnapshotLoader.Load(root, useGit: false);
    var hashes = ContentHashCache.Parse(null);

    // The secret findings a build keeps between builds (RunRepositoryChecks' secret-findings.txt), as text: each
    // build after a change reads it, searches only texts it does not hold, and writes it back.
    string? keptSecrets = null;

    // What the two tasks of a build after a change do: the fingerprint (WriteRepositoryFingerprint), then the snapshot
    // from the fingerprint's walk and every repo check (RunRepositoryChecks).
    void AfterChange(string repo, bool useGit, ContentHashCache kept, bool first = false)
    {
        RepositoryFingerprint.Compute(repo, ["today=2026-02-01"], [], kept, out var walk);
        var secrets = SecretFindingsCache.Parse(first ? null : keptSecrets, SecretFindingsCache.Version);
        RepositoryCheckRunner.Run(RepositorySnapshotLoader.Load(repo, useGit, walk).Snapshot, policy, today, RepositoryChecks.With(secrets), null);
        var text = secrets.Write();
        keptSecrets = first ? keptSecrets : text;
    }

    // The content hashes a no-op build reads from its state folder: every file hashed once, long enough ago that each
    // kept hash is trusted (past the racy window).
    string? keptHashes = null;
    string KeptHashes()
    {
        if (keptHashes is null)
        {
            RepositoryFingerprint.Compute(root, ["today=2026-02-01"], [], hashes);
            Thread.Sleep(ContentHashCache.RacyWindow + TimeSpan.FromMilliseconds(500));
            RepositoryFingerprint.Compute(root, ["today=2026-02-01"], [], hashes);
            keptHashes = hashes.Write();
        }

        return keptHashes;
    }

    var rows = new List<(string Step, List<double> Times)>
    {
        Row("fingerprint (every build)", (() => RepositoryFingerprint.CacheText(RepositorySnapshotLoader.EnumerateFiles(root), ["today=2026-02-01"]))),
        Row("fingerprint as a build computes it (kept content hashes read, walk, every file examined)", (() => RepositoryFingerprint.Compute(root, ["today=2026-02-01"], [], ContentHashCache.Parse(KeptHashes())))),
        Row("snapshot from disk", (() => RepositorySnapshotLoader.Load(root, useGit: false))),
        Row("snapshot from disk + git (tracked, ignored)", (() => RepositorySnapshotLoader.Load(gitRoot, useGit: true))),
        Row("layout check (in memory)", (() => new LayoutCheck().Run(snapshot, policy, today))),
        Row("layout + dependencies (runner)", (() => RepositoryCheckRunner.Run(snapshot, policy, today, [new DependencyCheck(), new LayoutCheck()], null))),
        Row("secrets check (in memory)", (() => new SecretsCheck().Run(snapshot, policy, today))),
        Row("snapshot + layout (end to end, no git)", (() => new LayoutCheck().Run(RepositorySnapshotLoader.Load(root, useGit: false).Snapshot, policy, today))),
        Row("a build after a change, no git: fingerprint, snapshot from its walk, every repo check", (() => AfterChange(root, useGit: false, hashes))),
        Row("a build after a change, git repo: fingerprint, snapshot from its walk + git, every repo check", (() => AfterChange(gitRoot, useGit: true, hashes))),
        Row("a first build, git repo: the same with no content hashes or secret findings kept", (() => AfterChange(gitRoot, useGit: true, ContentHashCache.Parse(null), first: true))),
    };

    var findings = new LayoutCheck().Run(snapshot, policy, today);
    var searched = snapshot.Files.Count(SecretsCheck.IsScanned);
    var secrets = new SecretsCheck().Run(snapshot, policy, today).Count;
    Console.WriteLine($"Repo: {files} files checked, {searched} of them searched for secrets ({secrets} secret findings) ({skipped} more under bin/ and obj/, skipped), {snapshot.Projects.Count} projects, {findings.Count} layout findings; {Environment.ProcessorCount} cores; median of {runs} runs after {Warmup} warm-up runs.");
    BenchRepo.PrintTable(rows, allocated);
}
finally
{
    BenchRepo.DeleteRepos(root);
}


List<double> Measure(Action action)
{
    // Every thread's allocations: the walk and the content hashes run on every core.
    var before = GC.GetTotalAllocatedBytes(precise: true);
    action();
    lastAllocated = GC.GetTotalAllocatedBytes(precise: true) - before;

    for (var i = 0; i < Warmup; i++)
    {
        action();
    }

    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    return times;
}

(string Step, List<double> Times) Row(string step, Action action)
{
    var times = Measure(action);
    allocated[step] = lastAllocated;
    return (step, times);
}

int IntArgument(int index, int fallback) =>
    args.Length > index && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
