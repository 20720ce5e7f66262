using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// The class fixture of a template class: the <see cref="RepoRun"/> of its definition (generated, built, tested once per
/// test run), so one generated repo serves every assertion about it, also those of other classes (the fleet report).
/// The class owns the repo: it is deleted when the class is done.
/// </summary>
public abstract partial class RepoFlow : IDisposable
{
    private readonly RepoRun run;

    /// <summary>Takes the run of <paramref name="definition"/>, made now if no class asked for it before.</summary>
    protected RepoFlow(IMessageSink diagnostics, RepoDefinition definition) => run = RepoRun.Of(definition, diagnostics);

    /// <summary>The generated repo.</summary>
    public GeneratedRepo Repo => run.Repo;

    /// <summary>The file tree and key files right after generation.</summary>
    public string SnapshotText => run.SnapshotText;

    /// <summary><c>dotnet restore --locked-mode</c>.</summary>
    public BuildResult Restore => run.Restore;

    /// <summary><c>dotnet build -c Release --no-restore</c> in CI mode; null when restore failed.</summary>
    public BuildResult? Build => run.Build;

    /// <summary><c>dotnet test -c Release --no-build</c>; null when not run.</summary>
    public BuildResult? Test => run.Test;

    /// <summary>The CI coverage step; null when not run.</summary>
    public BuildResult? Coverage => run.Coverage;

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

    [GeneratedRegex(@"Standards: repository checks(?:: | up to date \(last run: )\d+ ran, (?<errors>\d+) errors?, (?<warnings>\d+) warnings?", RegexOptions.CultureInvariant)]
    private static partial Regex StandardsSummary();
}
