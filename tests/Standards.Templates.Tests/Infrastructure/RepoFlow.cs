using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// Generate → snapshot → restore (locked) → build (CI, Release) → test, once per fixture; the tests of the class
/// assert on the recorded results, so one generated repo serves every assertion about it. A step runs only when
/// the one before succeeded.
/// </summary>
public abstract partial class RepoFlow : IDisposable
{
    /// <summary>Generates the repo and runs the CI steps; reports the time of each step as a diagnostic message.</summary>
    protected RepoFlow(
        IMessageSink diagnostics,
        string template,
        string name,
        string[] options,
        string[] keyFiles,
        bool runTests = true,
        IReadOnlyDictionary<string, string?>? testEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var timings = new List<string>();
        T Timed<T>(string step, Func<T> work)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = work();
            timings.Add(string.Create(CultureInfo.InvariantCulture, $"{step} {stopwatch.Elapsed.TotalSeconds:F1} s"));
            return result;
        }

        Repo = Timed("generate", () => GeneratedRepo.Generate(template, name, options));
        SnapshotText = Snapshot.Of(Repo, keyFiles.Select(f => f.Replace("{name}", name, StringComparison.Ordinal)).ToArray());
        Restore = Timed("restore", Repo.Restore);
        Build = Restore.Succeeded ? Timed("build", Repo.Build) : null;
        Test = runTests && Build?.Succeeded == true ? Timed("test", () => Repo.Test(testEnvironment)) : null;
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

    /// <summary>Asserts the restore succeeded.</summary>
    public void AssertRestored() =>
        Assert.True(Restore.Succeeded, $"dotnet restore --locked-mode failed for {Repo}:\n{Restore}");

    /// <summary>Asserts the CI build succeeded with zero warnings and errors and clean Standards checks.</summary>
    public void AssertBuiltClean()
    {
        AssertRestored();
        Assert.NotNull(Build);
        Assert.True(Build.Succeeded, $"The CI build of {Repo} failed:\n{Build}");
        Assert.True(Build.Diagnostics.Count == 0, $"The CI build of {Repo} reported:\n{string.Join('\n', Build.Diagnostics)}");
        var summaries = Build.Messages.Select(m => StandardsSummary().Match(m.Text)).Where(m => m.Success).ToList();
        Assert.True(summaries.Count > 0, $"The CI build of {Repo} ran no repository checks:\n{Build}");
        foreach (var summary in summaries)
        {
            Assert.True(summary.Groups["errors"].Value == "0" && summary.Groups["warnings"].Value == "0", $"Standards checks of {Repo}: {summary.Value}");
        }
    }

    /// <summary>Asserts every test project passed, with at least one test.</summary>
    public void AssertTestsPassed()
    {
        AssertBuiltClean();
        Assert.NotNull(Test);
        Assert.True(Test.Succeeded, $"dotnet test failed for {Repo}:\n{Test}");
        // The summary of dotnet test on Microsoft.Testing.Platform (generated repos' global.json names that runner);
        // a run of zero tests fails by itself (exit code 8).
        Assert.Contains("Test run summary: Passed!", Test.Output, StringComparison.Ordinal);
        Assert.Matches(@"\bfailed: 0\b", Test.Output);
        Assert.Matches(@"\bsucceeded: [1-9]", Test.Output);
        Assert.DoesNotContain("Failed!", Test.Output, StringComparison.Ordinal);
    }

    /// <summary>The built entry point of the first project under cmd/ (Release, net10.0).</summary>
    public string EntryPointDll()
    {
        var project = Repo.ProjectUnder("cmd");
        var name = Path.GetFileNameWithoutExtension(project);
        var dll = Repo.PathOf($"{Path.GetDirectoryName(project)}/bin/Release/net10.0/{name}.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built.");
        return dll;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Repo.Delete();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"Standards: \d+ checks?, (?<errors>\d+) errors?, (?<warnings>\d+) warnings?", RegexOptions.CultureInvariant)]
    private static partial Regex StandardsSummary();
}
