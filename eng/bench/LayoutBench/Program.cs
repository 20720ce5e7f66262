using System.Diagnostics;
using System.Globalization;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Secrets;

// Generates a realistic repo of FILES files (default 10,000; LIBRARIES libraries with tests, default 40, 4 executables,
// ADRs, runbooks, docs, build output under bin/ and obj/ that must be skipped), then times each step of the
// repository checks and the memory one run of it allocates:
//   fingerprint   what every build runs (walk + sorted SHA-256): decides whether the checks run at all
//   snapshot      walk + project files read (and again with git ls-files / check-ignore, the repo committed)
//   layout        the layout check on the snapshot, in memory
//   secrets       the secret check on the snapshot, in memory (reads and searches every JSON, YAML, script... file)
//   all checks    layout + dependencies through the runner (what RunRepositoryChecks does after the snapshot)
//   end to end    what a build pays: the fingerprint with the content-hash cache it keeps between builds (every
//                 build), and fingerprint + snapshot from its walk + every repo check (a build after an input changed)
// Prints the median and min/max of RUNS runs after WARMUP runs as a markdown table.
// Usage: LayoutBench [runs=15] [files=10000] [libraries=40]
var runs = IntArgument(0, 15);
const int Warmup = 3;
var targetFiles = IntArgument(1, 10_000);
var libraryCount = IntArgument(2, 40);
long lastAllocated = 0;
var allocated = new Dictionary<string, long>();

var root = Path.Combine(Path.GetTempPath(), "standards-layout-bench-" + Guid.NewGuid().ToString("N"));
try
{
    var (files, skipped) = Generate(root, targetFiles, libraryCount);
    var gitRoot = root + "-git";
    CopyFolder(root, gitRoot);
    Git(gitRoot, "init", "-q");
    Git(gitRoot, "add", "-A");

    var today = new DateOnly(2026, 2, 1);
    var policy = StandardsPolicy.Default;
    var (snapshot, _) = RepositorySnapshotLoader.Load(root, useGit: false);
    var hashes = ContentHashCache.Parse(null);

    // What the two tasks of a build after a change do: the fingerprint (WriteRepositoryFingerprint), then the snapshot
    // from the fingerprint's walk and every repo check (RunRepositoryChecks).
    void AfterChange(string repo, bool useGit)
    {
        RepositoryFingerprint.Compute(repo, ["today=2026-02-01"], [], hashes, out var walk);
        RepositoryCheckRunner.Run(RepositorySnapshotLoader.Load(repo, useGit, walk).Snapshot, policy, today, RepositoryChecks.All, null);
    }

    var rows = new List<(string Step, List<double> Times)>
    {
        Row("fingerprint (every build)", (() => RepositoryFingerprint.CacheText(RepositorySnapshotLoader.EnumerateFiles(root), ["today=2026-02-01"]))),
        Row("fingerprint as a build computes it (walk, content hashes from the kept cache)", (() => RepositoryFingerprint.Compute(root, ["today=2026-02-01"], [], hashes))),
        Row("snapshot from disk", (() => RepositorySnapshotLoader.Load(root, useGit: false))),
        Row("snapshot from disk + git (tracked, ignored)", (() => RepositorySnapshotLoader.Load(gitRoot, useGit: true))),
        Row("layout check (in memory)", (() => new LayoutCheck().Run(snapshot, policy, today))),
        Row("layout + dependencies (runner)", (() => RepositoryCheckRunner.Run(snapshot, policy, today, [new DependencyCheck(), new LayoutCheck()], null))),
        Row("secrets check (in memory)", (() => new SecretsCheck().Run(snapshot, policy, today))),
        Row("snapshot + layout (end to end, no git)", (() => new LayoutCheck().Run(RepositorySnapshotLoader.Load(root, useGit: false).Snapshot, policy, today))),
        Row("a build after a change, no git: fingerprint, snapshot from its walk, every repo check", (() => AfterChange(root, useGit: false))),
        Row("a build after a change, git repo: fingerprint, snapshot from its walk + git, every repo check", (() => AfterChange(gitRoot, useGit: true))),
    };

    var findings = new LayoutCheck().Run(snapshot, policy, today);
    Console.WriteLine($"Repo: {files} files checked ({skipped} more under bin/ and obj/, skipped), {snapshot.Projects.Count} projects, {findings.Count} layout findings; {Environment.ProcessorCount} cores; median of {runs} runs after {Warmup} warm-up runs.");
    Console.WriteLine();
    Console.WriteLine("| Step | median ms | min ms | max ms | allocated MB (one run) |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var (step, times) in rows)
    {
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {median:F1} | {times[0]:F1} | {times[^1]:F1} | {allocated[step] / 1048576.0:F1} |"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set of the whole benchmark process (repo generation, every step, git): {Environment.WorkingSet / 1048576} MB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB peak."));
}
finally
{
    Directory.Delete(root, recursive: true);
    if (Directory.Exists(root + "-git"))
    {
        Directory.Delete(root + "-git", recursive: true);
    }
}

List<double> Measure(Action action)
{
    var before = GC.GetAllocatedBytesForCurrentThread();
    action();
    lastAllocated = GC.GetAllocatedBytesForCurrentThread() - before;

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

static (int Files, int Skipped) Generate(string root, int target, int libraries)
{
    var count = 0;
    var skipped = 0;
    void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        count++;
    }

    void Output(string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        skipped++;
    }

    Write("README.md", "# Bench\n");
    Write("CHANGELOG.md", "# Changelog\n");
    Write(".editorconfig", "root = true\n");
    Write("SECURITY.md", "# Security\n");
    Write("global.json", "{ \"sdk\": { \"version\": \"10.0.401\", \"rollForward\": \"latestFeature\" } }\n");
    Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally><CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled></PropertyGroup></Project>\n");
    Write(".github/pull_request_template.md", "## What\n## Why\n## How\n## Testing\n## Checklist\n");
    var owners = new System.Text.StringBuilder("* @acme/platform\n");
    for (var a = 1; a <= 60; a++)
    {
        var adr = $"# ADR-{a:D4}: Decision {a}\n\n**Status**: Accepted\n**Date**: 2025-06-01\n\n## Context\nc\n## Decision\nd\n## Alternatives Considered\na\n## Consequences\nc\n\n**Next Review**: 2026-06-01\n";
        Write($"docs/adr/{a:D4}-decision-number-{a}.md", adr);
    }

    for (var b = 1; b <= 15; b++)
    {
        Write($"docs/runbooks/failure-{b}.md", "# Failure\n\nOwner: @ops\nLast Validated: 2026-01-01\n\n## Symptoms\n## Checks\n## Resolution\n## Escalation\n");
    }

    for (var d = 1; d <= 150; d++)
    {
        Write($"docs/guides/area-{d % 10}/guide-{d}.md", $"# Guide {d}\n\nText.\n\n```markdown\nNext Review: 2020-01-01\n```\n\nLast Validated: 2026-01-01\nNext Review: 2026-12-01\n");
    }

    var perProject = (target - count - 200) / (libraries * 2 + 4);
    for (var p = 1; p <= libraries; p++)
    {
        var name = $"Acme.Module{p:D2}";
        owners.Append($"/src/{name}/ @team-{p} @lead-{p}\n");
        Write($"src/{name}/{name}.csproj", "<Project Sdk=\"Standards.Sdk\"><PropertyGroup><StandardsCritical>" + (p % 5 == 0 ? "true" : "false") + "</StandardsCritical></PropertyGroup></Project>\n");
        Write($"src/{name}/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }\n");
        Write($"tests/{name}.Tests/{name}.Tests.csproj", "<Project Sdk=\"Standards.Sdk\" />\n");
        Write($"tests/{name}.Tests/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }\n");
        for (var f = 0; f < perProject; f++)
        {
            Write($"src/{name}/Feature{f % 12}/Type{f}.cs", "namespace X;\n");
            Write($"tests/{name}.Tests/Feature{f % 12}/Type{f}Tests.cs", "namespace X;\n");
        }

        for (var o = 0; o < 60; o++)
        {
            Output($"src/{name}/obj/Debug/net10.0/f{o}.cache");
            Output($"src/{name}/bin/Debug/net10.0/f{o}.dll");
        }
    }

    for (var e = 1; e <= 4; e++)
    {
        var name = $"Acme.App{e}.Api";
        Write($"cmd/{name}/{name}.csproj", "<Project Sdk=\"Standards.Sdk\" />\n");
        Write($"cmd/{name}/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }\n");
        for (var f = 0; f < perProject; f++)
        {
            Write($"cmd/{name}/Endpoints/Endpoint{f}.cs", "namespace X;\n");
        }
    }

    Write(".github/CODEOWNERS", owners.ToString());
    var filler = 0;
    while (count < target)
    {
        Write($"assets/img-{filler / 100}/asset-{filler}.svg", "<svg/>\n");
        filler++;
    }

    return (count, skipped);
}

static void CopyFolder(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}

static void Git(string root, params string[] arguments)
{
    var info = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in arguments)
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    process.WaitForExit();
}
