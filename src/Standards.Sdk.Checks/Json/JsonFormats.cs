namespace Standards.Sdk.Checks.Json;

/// <summary>
/// A JSON file format Standards.Sdk reads, and what syntax it accepts beyond strict JSON. Every reader parses
/// through its format (<see cref="Parse"/>), never through System.Text.Json directly; each turns a parse error into
/// its own coded finding with the file and line.
/// </summary>
/// <param name="Name">The file's name or pattern, for messages and the list of formats.</param>
/// <param name="Options">Comments and trailing commas, duplicate keys.</param>
/// <param name="Why">Why the format accepts what it does, in one line (docs/architecture.md lists them).</param>
public sealed record JsonFormat(string Name, JsonParseOptions Options, string Why)
{
    /// <summary>Parses <paramref name="text"/> as this format; never throws on bad input.</summary>
    public JsonParseResult Parse(string text) => PositionedJsonParser.Parse(text, Options);

    /// <summary>As <see cref="Parse"/>, but a duplicate key is always an error: a tool that edits the file must not pick one of two values.</summary>
    public JsonParseResult ParseForEdit(string text) => PositionedJsonParser.Parse(text, Options with { RejectDuplicateKeys = true });
}

/// <summary>
/// Every JSON format Standards.Sdk (its tasks and the <c>dotnet standards</c> tool) reads: one place, so a test can
/// prove each one turns every malformation into its coded finding, and a reader outside this list is caught. In
/// all of them a UTF-8 BOM is accepted and a lone surrogate or invalid syntax is an error. A duplicate key is an
/// error in every file people write or edit; a file another tool writes (<see cref="ToolWritten"/>) is read as that
/// tool reads it, a duplicate key included: NuGet writes one package source twice into project.assets.json when it
/// is configured twice (at user level and in the repo, or under two keys), and a reader that refused that file
/// would fail every build with nothing the user could restore away.
/// </summary>
public static class JsonFormats
{
    private static readonly JsonParseOptions Lenient = new(AllowComments: true, RejectDuplicateKeys: true);

    /// <summary>
    /// As another tool's own reader reads its file: comments accepted, a duplicate key kept in file order (an object's
    /// <see cref="JsonObjectNode.Get"/> returns the last, as System.Text.Json and NuGet's readers keep the last value;
    /// a reader walking an object's properties sees each, as NuGet's list readers do).
    /// </summary>
    private static readonly JsonParseOptions AsTheToolWrites = new(AllowComments: true, RejectDuplicateKeys: false);

    /// <summary>standards.json: its loader reports every duplicate key itself (STD0002), rule codes ignoring case.</summary>
    public static JsonFormat Policy { get; } = new("standards.json", new(AllowComments: true, RejectDuplicateKeys: false),
        "written by hand: comments and trailing commas allowed; the loader reports each duplicate key (STD0002), rule codes ignoring case");

    /// <summary>global.json at the repo root.</summary>
    public static JsonFormat GlobalJson { get; } = new("global.json", Lenient, "written by hand; the dotnet host accepts comments");

    /// <summary>version.json (and each nested one).</summary>
    public static JsonFormat VersionJson { get; } = new("version.json", Lenient, "written by hand; Nerdbank.GitVersioning accepts comments");

    /// <summary>NuGet's packages.lock.json.</summary>
    public static JsonFormat PackagesLock { get; } = new("packages.lock.json", AsTheToolWrites, "written by NuGet, whose reader accepts comments and duplicate keys");

    /// <summary>NuGet's obj/project.assets.json (licence check, SBOM).</summary>
    public static JsonFormat ProjectAssets { get; } = new("project.assets.json", AsTheToolWrites,
        "written by NuGet, which writes a package source configured twice twice, and whose reader accepts comments and duplicate keys");

    /// <summary>The adoption baseline, standards-baseline.json.</summary>
    public static JsonFormat AdoptionBaseline { get; } = new("standards-baseline.json", Lenient, "written by the tool, reviewed and edited by hand");

    /// <summary>The code baseline, standards-code-baseline.json: strict JSON.</summary>
    public static JsonFormat CodeBaseline { get; } = new("standards-code-baseline.json", new(AllowComments: false, RejectDuplicateKeys: true),
        "strict: the compiler's suppressor finds its entries by pattern, so an entry inside a comment would suppress");

    /// <summary>The coverage ratchet, standards-coverage-baseline.json.</summary>
    public static JsonFormat CoverageBaseline { get; } = new("standards-coverage-baseline.json", Lenient, "written by the build, reviewed and edited by hand");

    /// <summary>The benchmark baseline, standards-benchmarks-baseline.json.</summary>
    public static JsonFormat BenchmarkBaseline { get; } = new("standards-benchmarks-baseline.json", Lenient, "written by the build, reviewed and edited by hand");

    /// <summary>BenchmarkDotNet's JSON reports (*-report*.json).</summary>
    public static JsonFormat BenchmarkResults { get; } = new("*-report*.json (BenchmarkDotNet)", AsTheToolWrites, "written by BenchmarkDotNet, read as System.Text.Json reads it (the last of duplicate keys)");

    /// <summary>The versioning engine's cache (obj/.../version-*.json): a damaged one is recomputed, never trusted.</summary>
    public static JsonFormat VersionCache { get; } = new("version-*.json (versioning cache)", Lenient, "our own state; a file that does not read is recomputed");

    /// <summary>The local tool manifest (.config/dotnet-tools.json or dotnet-tools.json), which upgrade edits.</summary>
    public static JsonFormat ToolManifest { get; } = new("dotnet-tools.json", Lenient, "written by dotnet tool, edited by hand; the dotnet CLI accepts comments");

    /// <summary>The rule catalog a Standards.Sdk package ships (catalog/rules.json), which upgrade diffs: strict JSON.</summary>
    public static JsonFormat RuleCatalog { get; } = new("catalog/rules.json (rule catalog)", new(AllowComments: false, RejectDuplicateKeys: true),
        "strict: generated from the rule declarations and shipped in the package, never edited by hand");

    /// <summary>compliance.json, written by a CI build and read by `dotnet standards report`: strict JSON.</summary>
    public static JsonFormat Compliance { get; } = new("compliance.json", new(AllowComments: false, RejectDuplicateKeys: true),
        "strict: written by the build, never edited by hand");

    /// <summary>The compiler's error log (SARIF 2.1, ErrorLog), which compliance.json counts: strict JSON.</summary>
    public static JsonFormat CompilerErrorLog { get; } = new("*.sarif (compiler error log)", new(AllowComments: false, RejectDuplicateKeys: true),
        "strict: written by the compiler, never edited by hand");

    /// <summary>The template record of a generated repo (.standards/template-record.json), which update reads and rewrites.</summary>
    public static JsonFormat TemplateRecord { get; } = new(".standards/template-record.json (template record)", Lenient, "written by the template at generation, edited by hand to record a changed option");

    /// <summary>The formats another tool writes and nobody edits, read as that tool reads them (duplicate keys accepted).</summary>
    public static IReadOnlyList<JsonFormat> ToolWritten { get; } = [PackagesLock, ProjectAssets, BenchmarkResults];

    /// <summary>All of them.</summary>
    public static IReadOnlyList<JsonFormat> All { get; } =
    [
        Policy, GlobalJson, VersionJson, PackagesLock, ProjectAssets, AdoptionBaseline, CodeBaseline, CoverageBaseline, BenchmarkBaseline,
        BenchmarkResults, VersionCache, ToolManifest, RuleCatalog, Compliance, CompilerErrorLog, TemplateRecord,
    ];
}
