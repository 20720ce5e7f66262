using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// The fixture repos of the adoption tests (tests/fixtures/adopt-*) as a user has them before adopting: copied into a
/// test repo that has only the test feed's nuget.config, committed to git, with the tool installed as a local tool
/// from the test feed at the SDK's version. Also what the tests plant in them and read back from the baselines.
/// </summary>
internal static class AdoptionFixtures
{
    /// <summary>
    /// Fixture (a): a strong-name-signed library multi-targeting .NET Framework (net462) through
    /// Microsoft.NETFramework.ReferenceAssemblies, its tests on xunit.v3 under Microsoft.Testing.Platform.
    /// </summary>
    public const string Library = "adopt-library";

    /// <summary>Fixture (b): a web service with EF Core migrations, a samples app and a dotnet new template pack.</summary>
    public const string Service = "adopt-service";

    /// <summary>
    /// New code with one new finding of each code kind the CI build must fail on: an analyzer finding (CA1305), a
    /// nullable warning (CS8602) and one of ours (STD1006, a to-do marker comment). Every member is documented, so a
    /// library's documentation rule (CS1591) finds nothing in it.
    /// </summary>
    public const string PlantedClass = """
        /// <summary>Planted.</summary>
        public static class Planted
        {
            /// <summary>Planted.</summary>
            public static int Parse(string text) => int.Parse(text);

            /// <summary>Planted.</summary>
            public static int Length(string? text) => text.Length; // TODO: planted
        }
        """;

    /// <summary>How long one `dotnet standards adopt` of a fixture may take before it is killed.</summary>
    public static readonly TimeSpan AdoptTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The folder of a fixture repo in this repository.</summary>
    public static string Folder(string fixture) => Path.Combine(RepoPaths.Root, "tests", "fixtures", fixture);

    /// <summary>The files of a fixture repo (repo-relative path, with '/', to bytes).</summary>
    public static Dictionary<string, byte[]> Files(string fixture)
    {
        var folder = Folder(fixture);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
    }

    /// <summary>
    /// The fixture in a fresh test repo (with no global.json but the fixture's), byte for byte (a key file, a byte
    /// order mark), committed, the tool installed.
    /// </summary>
    public static TestRepo Committed(string fixture) => Committed(fixture, Files(fixture));

    /// <summary>A repo a test generates (repo-relative path to content), as <see cref="Committed(string)"/> sets it up.</summary>
    public static TestRepo Committed(string fixture, IReadOnlyDictionary<string, string> files) =>
        Committed(fixture, files.ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal));

    private static TestRepo Committed(string fixture, Dictionary<string, byte[]> files)
    {
        var repo = TestRepo.Create();
        repo.RepositoryChecks = true;
        repo.DeleteFile("global.json");
        foreach (var (path, content) in files)
        {
            var full = repo.PathOf(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }

        repo.Git("init", "-q");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", $"{fixture} before adoption");
        repo.WriteToolManifest();
        var install = repo.Dotnet(["tool", "install", "Standards.Tool", "--version", repo.Sdk.Version], ci: false);
        Assert.True(install.Succeeded, install.Output);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Standards.Tool as a local tool");
        return repo;
    }

    /// <summary>How many times <paramref name="what"/> occurs in <paramref name="text"/>.</summary>
    public static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;

    /// <summary>The distinct codes of a build's errors, sorted.</summary>
    public static List<string> ErrorCodes(BuildResult build) => [.. build.Errors.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The entries of the repo's standards-baseline.json as "code file".</summary>
    public static List<string> RepoBaseline(TestRepo repo) => Entries(repo, "standards-baseline.json", "findings", "code");

    /// <summary>The entries of the repo's standards-code-baseline.json as "id file".</summary>
    public static List<string> CodeBaseline(TestRepo repo) => Entries(repo, "standards-code-baseline.json", "diagnostics", "id");

    private static List<string> Entries(TestRepo repo, string file, string array, string code)
    {
        using var document = JsonDocument.Parse(repo.ReadFile(file));
        return [.. document.RootElement.GetProperty(array).EnumerateArray().Select(e => $"{e.GetProperty(code).GetString()} {e.GetProperty("file").GetString()}")];
    }
}
