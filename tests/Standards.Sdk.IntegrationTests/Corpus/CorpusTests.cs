using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Standards.Sdk.IntegrationTests.Adoption;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Corpus;

/// <summary>
/// The corpus tier: `dotnet standards adopt` on real public repos (tests/corpus), each as its user would adopt it.
/// For each repo the manifest marks green: a plain CI run of the repo as it is (restore, build, tests) for the time
/// adopt is compared with and for whether its tests passed before; then, in a fresh clone with the feed's
/// nuget.config and the tool committed, adopt in one command exits 0; the documented commit leaves `git status`
/// clean and changes nothing adopt must leave alone; `CI=true dotnet build` is green; `dotnet test` passes where it
/// passed before; and one CI build with five new violations planted at once (a DateTime.Now call, an undocumented
/// public member (in a service, a console write), a 120-line method, a `#nullable disable` file, an inline package version) fails with each one's
/// code at its file, and on nothing else. Its summary line (`[corpus] name: ...`) gives docs/adopting.md's table.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
[Trait("Tier", "Corpus")]
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>The repos the tier runs.</summary>
    public static TheoryData<string> Green => CorpusManifest.Green();

    /// <summary>
    /// Every repo of the manifest is a bundle here whose first commit squashes the upstream commit it names, under a
    /// permissive licence, and a repo the tier does not run says why.
    /// </summary>
    [Fact]
    public void Every_corpus_repo_is_a_bundle_of_its_upstream_commit_under_a_permissive_licence()
    {
        string[] permissive = ["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause"];
        var repos = CorpusManifest.All();
        Assert.NotEmpty(repos);
        Assert.Equal(repos.Count, repos.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var corpus in repos)
        {
            Assert.Contains(corpus.Licence, permissive);
            Assert.Contains(corpus.Status, (string[])["green", "pending"]);
            Assert.True(corpus.Status == "green" || corpus.Pending.Length > 0, $"{corpus.Name} is pending without its blocker");
            using var repo = Clone(corpus);
            var first = Lines(repo.Git("log", "--reverse", "--format=%s").Output)[0];
            Assert.Contains(corpus.UpstreamCommit, first, StringComparison.Ordinal);
            Assert.True(repo.Exists(corpus.LibraryProject), $"{corpus.Name}: no {corpus.LibraryProject}");
            Assert.True(repo.Exists(corpus.PackageReferenceFile), $"{corpus.Name}: no {corpus.PackageReferenceFile}");
        }
    }

    [Theory]
    [MemberData(nameof(Green))]
    public void Adopt_takes_the_real_repo_to_a_green_CI_build_and_each_planted_violation_fails_it(string name)
    {
        var corpus = CorpusManifest.Get(name);
        var (plainTime, testsPassedBefore) = PlainCiRun(corpus);

        using var repo = Clone(corpus);
        repo.WriteFile("nuget.config", TestRepo.NuGetConfig(repo.Sdk.Feed));
        repo.WriteToolManifest();
        var install = repo.Dotnet(["tool", "install", "Standards.Tool", "--version", repo.Sdk.Version], ci: false);
        Assert.True(install.Succeeded, install.Output);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Standards.Sdk feed and tool");

        var watch = Stopwatch.StartNew();
        var adopt = repo.Dotnet(["standards", "adopt"], ci: false, timeout: AdoptionFixtures.AdoptTimeout);
        var adoptTime = watch.Elapsed;
        output.WriteLine(adopt.Output);
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);

        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");
        var changed = Lines(repo.Git("diff", "--name-only", "HEAD~1", "HEAD").Output);
        Assert.DoesNotContain(changed, file => corpus.LeftAlone.Any(prefix => file.StartsWith(prefix, StringComparison.Ordinal)));

        var build = repo.Build(ci: true);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
        if (testsPassedBefore)
        {
            var test = repo.Dotnet(["test", "--no-build"], ci: true);
            Assert.True(test.Succeeded, test.Output);
        }

        Assert.Empty(Lines(repo.Git("status", "--porcelain").Output));

        output.WriteLine(
            $"[corpus] {name}: plain CI run {plainTime.TotalSeconds:F0} s, adopt {adoptTime.TotalSeconds:F0} s " +
            $"({adoptTime / plainTime:F1}x); tests passed before: {testsPassedBefore}; baselined: " +
            $"{AdoptionFixtures.RepoBaseline(repo).Count} repository finding(s), {AdoptionFixtures.CodeBaseline(repo).Count} code finding(s); " +
            $"exceptions written: {Exceptions(repo)}");

        var planted = Plant(repo, corpus);
        var failed = repo.Build(ci: true);
        AssertFailsAtEachPlantedFileOnly(repo, planted, failed);
    }

    /// <summary>Restore, build and test the repo as it is, in a clone of its own: how long, and whether the tests passed.</summary>
    private (TimeSpan Elapsed, bool TestsPassed) PlainCiRun(CorpusRepo corpus)
    {
        using var plain = Clone(corpus);
        var watch = Stopwatch.StartNew();
        var restore = plain.Dotnet(["restore"], ci: true);
        Assert.True(restore.Succeeded, restore.Output);
        var build = plain.Dotnet(["build", "--no-restore"], ci: true);
        Assert.True(build.Succeeded, build.Output);
        var test = plain.Dotnet(["test", "--no-build"], ci: true);
        output.WriteLine($"[corpus] {corpus.Name}: plain CI run: tests {(test.Succeeded ? "passed" : "failed")}");
        return (watch.Elapsed, test.Succeeded);
    }

    /// <summary>
    /// A fresh test repo holding a clone of the bundle (its own global.json and nuget.config, if any), its remote
    /// 'origin' at the upstream address as in a checkout of the real repo: SourceLink writes that URL into a library's
    /// package, and refuses the bundle's path (a file: URL is no GitHub host).
    /// </summary>
    private static TestRepo Clone(CorpusRepo corpus)
    {
        var repo = TestRepo.Create();
        repo.RepositoryChecks = true;
        repo.DeleteFile("global.json");
        repo.DeleteFile("nuget.config");
        repo.Git("clone", "-q", corpus.Bundle, ".");
        repo.Git("remote", "set-url", "origin", corpus.Url);
        return repo;
    }

    /// <summary>
    /// The four planted source files: name, the code it must fail with, content ("NAMESPACE" is the library's). Each
    /// carries one violation only: every other member is documented, nothing else is banned or nullable-unsafe. The
    /// code compiles in every repo of the corpus: a block-scoped namespace (a repo may be on C# 8, where a file-scoped
    /// one is a compiler error that stops the build before the analyzers report), no API that .NET Framework or
    /// netstandard1.0 lacks and no argument to check (a value parameter: neither ArgumentNullException.ThrowIfNull nor
    /// its analyzer rule). A repo whose style asks for file-scoped namespaces also reports IDE0161 at these files.
    /// </summary>
    private static readonly (string Name, string Code, string Content)[] PlantedSources =
    [
        ("PlantedClock.cs", "RS0030", """
            namespace NAMESPACE
            {
                /// <summary>Planted.</summary>
                public static class PlantedClock
                {
                    /// <summary>Planted.</summary>
                    public static System.DateTime Read() => System.DateTime.Now;
                }
            }

            """),
        ("PlantedUndocumented.cs", "CS1591", """
            namespace NAMESPACE
            {
                /// <summary>Planted.</summary>
                public static class PlantedUndocumented
                {
                    public static int Zero() => 0;
                }
            }

            """),
        ("PlantedLongMethod.cs", "STD1002", $$"""
            namespace NAMESPACE
            {
                /// <summary>Planted.</summary>
                public static class PlantedLongMethod
                {
                    /// <summary>Planted.</summary>
                    public static int Sum(int seed)
                    {
                        var total = 0;
            {{string.Concat(Enumerable.Range(1, 120).Select(i => $"            total += seed + {i % 7};\n"))}}            return total;
                    }
                }
            }

            """),
        ("PlantedNullableOff.cs", "STD0101", """
            #nullable disable
            namespace NAMESPACE
            {
                /// <summary>Planted.</summary>
                public static class PlantedNullableOff
                {
                    /// <summary>Planted.</summary>
                    public static int Zero() => 0;
                }
            }

            """),
    ];

    /// <summary>
    /// A service's fifth planted file: an undocumented public member is no violation there (only a library generates
    /// its documentation, docs/project-kinds.md), a console write is (banned in services).
    /// </summary>
    private static readonly (string Name, string Code, string Content) PlantedConsole = ("PlantedConsole.cs", "RS0030", """
        namespace NAMESPACE;

        /// <summary>Planted.</summary>
        public static class PlantedConsole
        {
            /// <summary>Planted.</summary>
            public static void Write() => System.Console.WriteLine("planted");
        }

        """);

    /// <summary>
    /// A command-line tool's fifth planted file: its public members need no documentation either, and it may write to
    /// the console; a blocking sleep is banned in every kind but tests.
    /// </summary>
    private static readonly (string Name, string Code, string Content) PlantedSleep = ("PlantedSleep.cs", "RS0030", """
        namespace NAMESPACE
        {
            /// <summary>Planted.</summary>
            public static class PlantedSleep
            {
                /// <summary>Planted.</summary>
                public static void Pause() => System.Threading.Thread.Sleep(1);
            }
        }

        """);

    /// <summary>The five violations, each in its own file, in the library: (code, file) each must fail with.</summary>
    private static List<(string Code, string File)> Plant(TestRepo repo, CorpusRepo corpus)
    {
        var planted = new List<(string Code, string File)>();
        var sources = PlantedSources.Select(p => p.Code != "CS1591" ? p : corpus.Kind switch
        {
            "service" => PlantedConsole,
            "tool" => PlantedSleep,
            _ => p,
        });
        foreach (var (name, code, content) in sources)
        {
            var path = $"{corpus.Library}/{name}";
            repo.WriteFile(path, content.Replace("NAMESPACE", corpus.Namespace, StringComparison.Ordinal));
            planted.Add((code, path));
        }

        // An inline version of a package the library references, at the version central package management holds,
        // so that restore succeeds (the lock file does not change) and the build reaches every other planted file.
        var version = CentralVersion(repo, corpus.Package);
        var file = corpus.PackageReferenceFile;
        var project = repo.ReadFile(file);
        var reference = $"<PackageReference Include=\"{corpus.Package}\"";
        Assert.Contains(reference, project, StringComparison.Ordinal);
        repo.WriteFile(file, project.Replace(reference, $"{reference} VersionOverride=\"{version}\"", StringComparison.Ordinal));
        planted.Add(("STD2002", file));
        return planted;
    }

    /// <summary>The build failed with each planted code at its file, and with no error anywhere else.</summary>
    private void AssertFailsAtEachPlantedFileOnly(TestRepo repo, List<(string Code, string File)> planted, BuildResult build)
    {
        Assert.False(build.Succeeded, build.ToString());
        var errors = build.Errors
            .Select(e => (e.Code, File: e.File.Length == 0 ? e.File : Path.GetRelativePath(repo.Root, Path.GetFullPath(e.File, repo.Root)).Replace('\\', '/')))
            .Distinct()
            .ToList();
        output.WriteLine("[corpus] planted build errors: " + string.Join(", ", errors.Select(e => $"{e.Code} {e.File}")));
        foreach (var expected in planted)
        {
            Assert.Contains(expected, errors);
        }

        var plantedFiles = planted.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(errors, e => !plantedFiles.Contains(e.File));
    }

    private static string CentralVersion(TestRepo repo, string package)
    {
        var props = repo.ReadFile("Directory.Packages.props");
        var match = Regex.Match(props, $"<PackageVersion\\s+Include=\"{Regex.Escape(package)}\"\\s+Version=\"([^\"]+)\"", RegexOptions.IgnoreCase);
        Assert.True(match.Success, $"Directory.Packages.props has no version of {package}:\n{props}");
        return match.Groups[1].Value;
    }

    /// <summary>How many exceptions standards.json holds after adopt (none when it wrote no standards.json).</summary>
    private static int Exceptions(TestRepo repo)
    {
        if (!repo.Exists("standards.json"))
        {
            return 0;
        }

        using var policy = JsonDocument.Parse(repo.ReadFile("standards.json"));
        return policy.RootElement.TryGetProperty("exceptions", out var exceptions) && exceptions.ValueKind == JsonValueKind.Array
            ? exceptions.GetArrayLength()
            : 0;
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
