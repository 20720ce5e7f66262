using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// Generate → snapshot → restore (locked) → build (CI, Release) → test → coverage, once per test run for each
/// <see cref="RepoDefinition"/>, whichever test class asks first. A step runs only when the one before succeeded.
/// </summary>
/// <remarks>
/// A static registry, not a collection fixture: xunit v2 has no assembly fixture, and a collection shared by the
/// template classes would run them one after another instead of two at once.
/// </remarks>
public sealed class RepoRun
{
    private static readonly ConcurrentDictionary<RepoDefinition, Lazy<RepoRun>> Runs = new(ReferenceEqualityComparer.Instance);

    static RepoRun()
    {
        // The class that owns a repo deletes it when it is done (RepoFlow.Dispose); a repo only another class asked
        // for (its owner filtered out of the run) goes when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var run in Runs.Values.Where(r => r.IsValueCreated))
            {
                run.Value.Repo.Delete();
            }
        };
    }

    private RepoRun(IMessageSink diagnostics, RepoDefinition definition)
    {
        var timings = new List<string>();
        T Timed<T>(string step, Func<T> work)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = work();
            timings.Add(string.Create(CultureInfo.InvariantCulture, $"{step} {stopwatch.Elapsed.TotalSeconds:F1} s"));
            return result;
        }

        var (template, name, options) = (definition.Template, definition.Name, definition.Options);
        Repo = Timed("generate", () => GeneratedRepo.Generate(template, name, options));
        SnapshotText = Snapshot.Of(Repo, definition.KeyFiles.Select(f => f.Replace("{name}", name, StringComparison.Ordinal)).ToArray());
        Restore = Timed("restore", Repo.Restore);
        Build = Restore.Succeeded ? Timed("build", Repo.Build) : null;
        Test = definition.RunTests && Build?.Succeeded == true ? Timed("test", () => Repo.Test(definition.TestEnvironment?.Invoke())) : null;
        Coverage = definition.Coverage && Test?.Succeeded == true ? Timed("coverage", Repo.Coverage) : null;
        var compliance = Repo.PathOf("artifacts/standards/compliance.json");
        Compliance = File.Exists(compliance) ? File.ReadAllText(compliance) : null;
        diagnostics.OnMessage(new DiagnosticMessage($"{template} {string.Join(' ', options)}: {string.Join(", ", timings)}"));
    }

    /// <summary>The generated repo.</summary>
    public GeneratedRepo Repo { get; }

    /// <summary>The file tree and key files right after generation.</summary>
    public string SnapshotText { get; }

    /// <summary><c>dotnet restore --locked-mode</c>.</summary>
    public BuildResult Restore { get; }

    /// <summary><c>dotnet build -c Release --no-restore</c> in CI mode; null when restore failed.</summary>
    public BuildResult? Build { get; }

    /// <summary><c>dotnet test -c Release --no-build</c>; null when not run.</summary>
    public BuildResult? Test { get; }

    /// <summary><c>dotnet build -c Release --no-restore -t:StandardsCoverage -m:1</c> in CI mode; null when not run.</summary>
    public BuildResult? Coverage { get; }

    /// <summary>The text of <c>artifacts/standards/compliance.json</c> after the last step, or null when there is none.</summary>
    public string? Compliance { get; }

    /// <summary>The run of a definition: made by the first caller, shared by every later one.</summary>
    public static RepoRun Of(RepoDefinition definition, IMessageSink diagnostics)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return Runs.GetOrAdd(definition, d => new Lazy<RepoRun>(() => new RepoRun(diagnostics, d), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
