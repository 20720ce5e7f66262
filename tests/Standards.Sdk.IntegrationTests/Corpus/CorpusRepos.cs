using System.Text.Json;
using System.Text.Json.Serialization;

namespace Standards.Sdk.IntegrationTests.Corpus;

/// <summary>
/// The corpus of real public repos (tests/corpus/corpus.json, one git bundle each): what each is, where the corpus
/// test plants its new violations, and what adopt must leave alone. A repo whose adoption does not go green yet is
/// listed with its status "pending" and the blocker; the corpus tier runs the "green" ones only.
/// </summary>
internal sealed class CorpusRepo
{
    /// <summary>The short name, also the bundle's file name without ".bundle".</summary>
    public required string Name { get; init; }

    /// <summary>The upstream repository.</summary>
    public required string Url { get; init; }

    /// <summary>The upstream licence (SPDX).</summary>
    public required string Licence { get; init; }

    /// <summary>The upstream commit the bundle's first commit squashes.</summary>
    public required string UpstreamCommit { get; init; }

    /// <summary>The shapes this repo covers.</summary>
    public required string Shape { get; init; }

    /// <summary>"green" (the tier runs it) or "pending" (bundled, not run).</summary>
    public required string Status { get; init; }

    /// <summary>Why a pending repo does not go green yet (empty for a green one).</summary>
    public string Pending { get; init; } = string.Empty;

    /// <summary>The folder of the library project the violations are planted in.</summary>
    public required string Library { get; init; }

    /// <summary>The project kind of the library project (docs/project-kinds.md): "library", "service" for a web app, "tool" for a console app.</summary>
    public string Kind { get; init; } = "library";

    /// <summary>The library's project file.</summary>
    public required string LibraryProject { get; init; }

    /// <summary>The namespace the library's code uses.</summary>
    public required string Namespace { get; init; }

    /// <summary>A package the library references, planted with an inline version.</summary>
    public required string Package { get; init; }

    /// <summary>
    /// The file whose <c>PackageReference</c> of <see cref="Package"/> the inline version is planted in: the library's
    /// project file, the <c>Directory.Build.props</c> that references the package for it, or, for a library that
    /// references no package, another project of the repo.
    /// </summary>
    public string? PackageFile { get; init; }

    /// <summary>The file the inline version is planted in.</summary>
    public string PackageReferenceFile => PackageFile ?? LibraryProject;

    /// <summary>Path prefixes adopt must not change: template content, samples on their own SDKs, generated and vendored code.</summary>
    public IReadOnlyList<string> LeftAlone { get; init; } = [];

    /// <summary>The bundle's path in this repository.</summary>
    public string Bundle => Path.Combine(CorpusManifest.Folder, Name + ".bundle");

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Reads tests/corpus/corpus.json.</summary>
internal static class CorpusManifest
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>tests/corpus in this repository.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "corpus");

    /// <summary>Every repo of the corpus.</summary>
    public static IReadOnlyList<CorpusRepo> All()
    {
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(Folder, "corpus.json")), Options);
        return manifest?.Repos ?? throw new InvalidDataException("tests/corpus/corpus.json has no repos");
    }

    /// <summary>The repos the corpus tier runs (status "green"), as theory data.</summary>
    public static TheoryData<string> Green()
    {
        var data = new TheoryData<string>();
        foreach (var repo in All().Where(r => r.Status == "green"))
        {
            data.Add(repo.Name);
        }

        return data;
    }

    /// <summary>One repo by name.</summary>
    public static CorpusRepo Get(string name) => All().Single(r => r.Name == name);

    private sealed class Manifest
    {
        public required List<CorpusRepo> Repos { get; init; }
    }
}
