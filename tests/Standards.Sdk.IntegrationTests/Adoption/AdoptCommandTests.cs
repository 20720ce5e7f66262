using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// `dotnet standards adopt` end to end on the fixture repos, the shapes that stopped real repos, each a test with
/// nothing written by hand: (a) tests/fixtures/adopt-library, a strong-name-signed library multi-targeting
/// net462;netstandard2.0;net8.0;net10.0 through Microsoft.NETFramework.ReferenceAssemblies, its tests on xunit.v3
/// under Microsoft.Testing.Platform (global.json), legacy code calling banned APIs and a project whose NoWarn lists
/// CS1591; (b) tests/fixtures/adopt-service, a web service with EF Core migrations as `dotnet ef` writes them, banned
/// APIs in a samples app and a `dotnet new` template pack (their READMEs say what they model). Each: adopt exits 0,
/// the CI build is green, the tests pass, then one CI build with a planted new violation of each kind, one file per
/// kind, fails with exactly those codes at their file and line, while the baselined old findings do not fail.
/// The tool is installed as a local tool from the test feed, as a user installs it, at the SDK's version. Every step
/// is timed in the test output (the suite's long pole: each build and restore runs once).
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class AdoptCommandTests(ITestOutputHelper output)
{
    private const string Guard = "src/Fluent.Guard/Guard.cs";
    private const string Legacy = "src/Fluent.Guard.Legacy/Fluent.Guard.Legacy.csproj";
    private const string RetryGuard = "src/Fluent.Guard.Legacy/RetryGuard.cs";

    [Fact]
    public void Adopt_takes_the_signed_net_framework_library_on_MTP_to_a_green_CI_build_and_new_findings_fail()
    {
        var steps = new Steps(output);
        using var repo = steps.Run("copy, commit, install the tool", () => AdoptionFixtures.Committed(AdoptionFixtures.Library));

        var adopt = steps.Run("dotnet standards adopt", () => repo.Dotnet(["standards", "adopt"], ci: false, timeout: AdoptionFixtures.AdoptTimeout));
        output.WriteLine(adopt.Output);
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("src/Fluent.Guard/Fluent.Guard.csproj: Sdk=\"Microsoft.NET.Sdk\" -> Sdk=\"Standards.Sdk\"", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"{Legacy}: Sdk=\"Microsoft.NET.Sdk\" -> Sdk=\"Standards.Sdk\"", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"{Legacy}(8): <NoWarn> listed CS1591, which switched off the public-API documentation rule for the whole project: taken out", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);

        // The MTP tests' coverage is measured by the coverage step and recorded as the starting point, never as 0.
        Assert.Contains("standards.json: coverage minimums set to what the tests reach today (", adopt.Output, StringComparison.Ordinal);
        AssertCoverageMinimumsAboveZero(repo);

        // global.json gains the SDK pin and keeps the test runner; the key file is untouched.
        using (var globalJson = JsonDocument.Parse(repo.ReadFile("global.json")))
        {
            Assert.Equal(repo.Sdk.Version, globalJson.RootElement.GetProperty("msbuild-sdks").GetProperty("Standards.Sdk").GetString());
            Assert.Equal("Microsoft.Testing.Platform", globalJson.RootElement.GetProperty("test").GetProperty("runner").GetString());
        }

        Assert.Equal(AdoptionFixtures.Files(AdoptionFixtures.Library)["Fluent.Guard.snk"], File.ReadAllBytes(repo.PathOf("Fluent.Guard.snk")));

        // The legacy banned calls, the nullable warning and the analyzer finding are recorded at their places; the
        // reference assemblies the .NET Framework targets restore are no dependency finding of the repo.
        var code = AdoptionFixtures.CodeBaseline(repo);
        Assert.Equal(2, code.Count(entry => entry == $"RS0030 {RetryGuard}"));
        Assert.Contains($"CS8602 {Guard}", code);
        Assert.Contains($"CA1305 {Guard}", code);
        Assert.DoesNotContain(AdoptionFixtures.RepoBaseline(repo), entry => entry.StartsWith("STD20", StringComparison.Ordinal));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");

        // The first build restores (adopt restored in its own copy of the repo); every later one does not.
        var build = steps.Run("CI build", () => repo.Build(ci: true));
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
        Assert.NotEmpty(PublicKeyOf(repo.PathOf("src/Fluent.Guard/bin/Debug/net462/Fluent.Guard.dll")));

        // dotnet test in the Microsoft.Testing.Platform mode global.json selects, on the build above.
        var test = steps.Run("dotnet test (MTP)", () => repo.Dotnet(["test", "--no-build"], ci: true));
        Assert.True(test.Succeeded, test.Output);

        // The CI pipeline's coverage step (docs/ci.md): the gate holds the repo at today's coverage.
        var coverage = steps.Run("coverage gate", () => repo.Build(null, true, "--no-restore", "-t:StandardsCoverage"));
        Assert.True(coverage.Succeeded, coverage.ToString());

        // One CI build with a new violation of each kind, one file per kind: each fails at its place, the baselined
        // old ones (the same banned calls, the same nullable dereference in Guard.cs) do not.
        var planted = new Planted(repo);
        // In Fluent.Guard, beside the other planted files: Fluent.Guard.Legacy references Fluent.Guard, so a failing
        // Fluent.Guard stops Legacy from compiling and a finding planted there would never be reported.
        planted.File("src/Fluent.Guard/PlantedBannedApi.cs", "RS0030", """
            namespace Fluent.Guard;

            /// <summary>Planted.</summary>
            public static class PlantedBannedApi
            {
                /// <summary>Planted.</summary>
                public static void Pause() => System.Threading.Thread.Sleep(1); // RS0030
            }
            """);
        planted.File("src/Fluent.Guard/PlantedNullable.cs", "CS8602", """
            namespace Fluent.Guard;

            /// <summary>Planted.</summary>
            public static class PlantedNullable
            {
                /// <summary>Planted.</summary>
                public static int Length(string? text) => text.Length; // CS8602
            }
            """);
        planted.File("src/Fluent.Guard/PlantedAnalyzer.cs", "CA1305", """
            namespace Fluent.Guard;

            /// <summary>Planted.</summary>
            public static class PlantedAnalyzer
            {
                /// <summary>Planted.</summary>
                public static int Parse(string text) => int.Parse(text); // CA1305
            }
            """);
        planted.Deleted("README.md", "STD3001");
        steps.Run("CI build with the planted violations", () => planted.AssertFailsWithExactlyThose(repo.Build(null, true, "--no-restore")));
    }

    /// <summary>Every coverage minimum standards.json holds is above 0: a minimum of 0 would pass on anything.</summary>
    private static void AssertCoverageMinimumsAboveZero(TestRepo repo)
    {
        using var policy = JsonDocument.Parse(repo.ReadFile("standards.json"));
        var coverage = policy.RootElement.GetProperty("coverage");
        Assert.NotEmpty(coverage.EnumerateObject());
        Assert.All(coverage.EnumerateObject(), minimum => Assert.True(minimum.Value.GetDouble() > 0, $"coverage.{minimum.Name} is {minimum.Value}"));
    }

    private const string Product = "src/Acme.Catalog.Domain/Product.cs";
    private const string Web = "src/Acme.Catalog.Web/Acme.Catalog.Web.csproj";
    private const string Samples = "samples/Acme.Catalog.Samples/Acme.Catalog.Samples.csproj";
    private const string SamplesProgram = "samples/Acme.Catalog.Samples/Program.cs";

    [Fact]
    public void Adopt_takes_the_web_service_with_EF_migrations_samples_and_a_template_pack_to_a_green_CI_build_and_leaves_the_templates_alone()
    {
        var steps = new Steps(output);
        using var repo = steps.Run("copy, commit, install the tool", () => AdoptionFixtures.Committed(AdoptionFixtures.Service));

        var adopt = steps.Run("dotnet standards adopt", () => repo.Dotnet(["standards", "adopt"], ci: false, timeout: AdoptionFixtures.AdoptTimeout));
        output.WriteLine(adopt.Output);
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"{Web}: layered <Sdk Name=\"Standards.Sdk\" /> over Microsoft.NET.Sdk.Web", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"{Samples}: layered <Sdk Name=\"Standards.Sdk\" /> over Microsoft.NET.Sdk.Web", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("templates/Acme.Catalog.Templates.csproj: left alone: a template pack project", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("templates/acme-module/Acme.Module.csproj: left alone: template content", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("Directory.Solution.targets: created: imports Standards.Sdk's solution entry", adopt.Output, StringComparison.Ordinal);

        // The template pack and its content, byte for byte as they were.
        foreach (var (path, bytes) in AdoptionFixtures.Files(AdoptionFixtures.Service).Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal)))
        {
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(repo.PathOf(path))), $"{path} changed");
        }

        Assert.False(repo.Exists("templates/acme-module/packages.lock.json"), "a lock file beside the template content");

        // The banned calls of the samples app, the domain's nullable and analyzer findings are recorded at their places.
        var code = AdoptionFixtures.CodeBaseline(repo);
        Assert.Equal(3, code.Count(entry => entry == $"RS0030 {SamplesProgram}"));
        foreach (var recorded in new[] { $"CS8602 {Product}", "CS8618 src/Acme.Catalog.Domain/Category.cs", "CA1305 src/Acme.Catalog.Domain/ProductService.cs" })
        {
            Assert.Contains(recorded, code);
        }

        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");

        // The first build restores (adopt restored in its own copy of the repo); every later one does not.
        var build = steps.Run("CI build", () => repo.Build(ci: true));
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
        var test = steps.Run("dotnet test (VSTest)", () => repo.Dotnet(["test", "--no-build", "-tl:off"], ci: true));
        Assert.True(test.Succeeded, test.Output);
        var coverage = steps.Run("coverage gate", () => repo.Build(null, true, "--no-restore", "-t:StandardsCoverage"));
        Assert.True(coverage.Succeeded, coverage.ToString());

        // A CI build with a new violation of each kind, each at its place, while the baselined old ones (the samples'
        // banned calls, the domain's findings) do not fail. One build per project of the chain samples -> infrastructure
        // -> domain: a project that fails to compile stops the projects that reference it from compiling at all.
        var planted = new Planted(repo);
        planted.File("src/Acme.Catalog.Domain/PlantedNullable.cs", "CS8602", """
            namespace Acme.Catalog.Domain;

            /// <summary>Planted.</summary>
            public static class PlantedNullable
            {
                /// <summary>Planted.</summary>
                public static int Length(string? text) => text.Length; // CS8602
            }
            """);
        steps.Run("CI build with the planted nullable warning", () => planted.AssertFailsWithExactlyThose(repo.Build(null, true, "--no-restore")));
        planted.Remove();
        planted.File("src/Acme.Catalog.Infrastructure/PlantedMarker.cs", "STD1006", """
            namespace Acme.Catalog.Infrastructure;

            /// <summary>Planted.</summary>
            public static class PlantedMarker
            {
                /// <summary>Planted.</summary>
                public static int Zero() => 0; // TODO: planted
            }
            """);
        steps.Run("CI build with the planted marker comment", () => planted.AssertFailsWithExactlyThose(repo.Build(null, true, "--no-restore")));
        planted.Remove();
        planted.File("samples/Acme.Catalog.Samples/PlantedBannedApi.cs", "RS0030", """
            internal static class PlantedBannedApi
            {
                public static void Print(string text) => System.Console.WriteLine(text); // RS0030
            }
            """);
        planted.Deleted("README.md", "STD3001");
        steps.Run("CI build with the planted banned call and deleted document", () => planted.AssertFailsWithExactlyThose(repo.Build(null, true, "--no-restore")));
    }

    /// <summary>The public key an assembly is signed with (empty when it is not strong-named).</summary>
    private static byte[] PublicKeyOf(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.GetBlobBytes(metadata.GetAssemblyDefinition().PublicKey);
    }

    /// <summary>Runs the steps of a test, each timed in the test output.</summary>
    private sealed class Steps(ITestOutputHelper output)
    {
        private readonly Stopwatch total = Stopwatch.StartNew();

        public T Run<T>(string step, Func<T> run)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                return run();
            }
            finally
            {
                output.WriteLine($"[step] {step}: {watch.Elapsed.TotalSeconds:F1} s (at {total.Elapsed.TotalSeconds:F1} s)");
            }
        }

        public void Run(string step, Action run) => Run(step, () =>
        {
            run();
            return 0;
        });
    }

    /// <summary>
    /// New violations planted in a repo, each where the build must report it: a file whose line marked
    /// <c>// CODE</c> (or whose marker comment) carries it, or a deleted document a layout rule asks for.
    /// </summary>
    private sealed class Planted(TestRepo repo)
    {
        private readonly List<(string Code, string File, int Line)> expected = [];

        public void File(string path, string code, string content)
        {
            repo.WriteFile(path, content + "\n");
            var lines = content.Split('\n');
            var line = Array.FindIndex(lines, l => l.Contains($"// {code}", StringComparison.Ordinal) || l.Contains("// TODO", StringComparison.Ordinal)) + 1;
            Assert.True(line > 0, $"no line of {path} is marked // {code}");
            expected.Add((code, path, line));
        }

        /// <summary>Deletes the files planted so far and forgets what they carry (a deleted document stays deleted).</summary>
        public void Remove()
        {
            foreach (var (_, file, _) in expected.Where(x => x.Line > 0))
            {
                repo.DeleteFile(file);
            }

            expected.Clear();
        }

        public void Deleted(string document, string code)
        {
            if (repo.Exists(document))
            {
                repo.DeleteFile(document);
            }

            expected.Add((code, document, 0));
        }

        /// <summary>The build fails with exactly the planted codes, each at its file and line (a document: its file).</summary>
        public void AssertFailsWithExactlyThose(BuildResult build)
        {
            Assert.False(build.Succeeded, build.ToString());
            var errors = build.Errors
                .Select(e => (e.Code, File: Relative(e.File), Line: expected.Any(x => x.Code == e.Code && x.Line == 0) ? 0 : e.Line))
                .Distinct()
                .Order()
                .ToList();
            Assert.Equal(expected.Order(), errors);
        }

        private string Relative(string file) =>
            file.Length == 0 ? file : Path.GetRelativePath(repo.Root, Path.GetFullPath(file, repo.Root)).Replace('\\', '/');
    }
}
