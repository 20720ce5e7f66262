using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>An entry of a list setting, with where it is written.</summary>
/// <param name="Value">The text.</param>
/// <param name="Line">1-based line in standards.json.</param>
/// <param name="Column">1-based column.</param>
internal sealed record LayoutSettingValue(string Value, int Line, int Column);

/// <summary>
/// The "layout" section of standards.json:
/// <code>
/// "layout": {
///   "requiredPaths": ["LICENSE", "docs/design/"],
///   "criticalProjects": ["Acme.Payments", "src/Acme.Ledger"]
/// }
/// </code>
/// <c>requiredPaths</c> adds files (or folders, with a trailing '/') the repo must have; <c>criticalProjects</c>
/// names projects (by name, folder or glob) that need at least STD3004.minOwners owners, in addition to projects
/// that set <c>&lt;StandardsCritical&gt;true&lt;/StandardsCritical&gt;</c>. <c>testsFolder</c> names the folder of
/// the test projects (default: <c>tests</c>, or <c>test</c> when only that exists); <c>exclude</c> lists globs of
/// files and folders every repository check leaves out (vendored or generated code); <c>projectsWithoutStandardsSdk</c>
/// is <c>ignore</c> (default: projects not on Standards.Sdk are neither checked nor counted for the repo kind) or
/// <c>check</c>. Severities and numbers of the layout rules are set in the "rules" section by code, like every other
/// rule. Bad shapes are STD0002 findings.
/// </summary>
internal sealed class LayoutSettings
{
    /// <summary>The tests folders looked for, in order, when testsFolder is not set.</summary>
    public static readonly IReadOnlyList<string> DefaultTestsFolders = ["tests", "test"];

    /// <summary>The values of projectsWithoutStandardsSdk.</summary>
    public static readonly IReadOnlyList<string> OtherProjectsChoices = ["ignore", "check"];

    private const string FolderHint = "Write the name of a folder at the repo root, such as \"test\".";

    /// <summary>The section's keys, read by this class and published in the schema.</summary>
    internal static readonly JsonShape Shape = new(
        "'layout' of standards.json",
        new JsonKey("requiredPaths", JsonType.Array) { TextItems = true, NotBlank = true, Description = "Files (or folders, with a trailing '/') the repo must have, relative to the root (STD3001)." },
        new JsonKey("criticalProjects", JsonType.Array) { TextItems = true, NotBlank = true, Description = "Projects (name, folder or glob) that need STD3004.minOwners owners and the critical coverage gate." },
        new JsonKey("testsFolder", JsonType.Text)
        {
            Hint = FolderHint,
            Pattern = "^(?!\\.\\.?/?$)[^/\\\\*]*[^/\\\\*\\s][^/\\\\*]*/?$",
            Description = "The folder at the repo root that holds the test projects. Default: tests, or test when only that exists.",
        },
        new JsonKey("exclude", JsonType.Array) { TextItems = true, NotBlank = true, Description = "Globs of files and folders every repository check leaves out: vendored or generated code (e.g. \"vendor\", \"src/Generated/**\")." },
        new JsonKey("projectsWithoutStandardsSdk", JsonType.Text)
        {
            Allowed = OtherProjectsChoices,
            Default = "ignore",
            Hint = "\"ignore\" is the default.",
            Description = "ignore: projects not on Standards.Sdk are neither checked nor counted for the repo kind; check: they are checked like the others.",
        });

    /// <summary>The tests folder set in standards.json (no slashes), or null for the default.</summary>
    public LayoutSettingValue? TestsFolder { get; private init; }

    /// <summary>Globs of repo-relative files and folders the repository checks leave out.</summary>
    public IReadOnlyList<LayoutSettingValue> Exclude { get; private init; } = [];

    /// <summary>True when projects not on Standards.Sdk are checked too.</summary>
    public bool CheckProjectsWithoutStandardsSdk { get; private init; }

    /// <summary>The tests folder of a repo ("tests", "test", or the configured one), without a trailing slash.</summary>
    public string TestsFolderIn(IReadOnlyCollection<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (TestsFolder is { } configured)
        {
            return configured.Value;
        }

        return DefaultTestsFolders.FirstOrDefault(f => files.Any(file => file.StartsWith(f + "/", StringComparison.Ordinal))) ?? DefaultTestsFolders[0];
    }

    /// <summary>Extra required paths.</summary>
    public IReadOnlyList<LayoutSettingValue> RequiredPaths { get; private init; } = [];

    /// <summary>Projects marked critical in standards.json.</summary>
    public IReadOnlyList<LayoutSettingValue> CriticalProjects { get; private init; } = [];

    /// <summary>Reads the section; problems are added to <paramref name="findings"/>.</summary>
    public static LayoutSettings Read(StandardsPolicy policy, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var path = policy.SourcePath ?? "standards.json";
        if (policy.Document?.Get("layout") is not { } section)
        {
            return new LayoutSettings();
        }

        var read = Shape.Read(section);
        foreach (var problem in read.Problems)
        {
            // A key the section does not know is most often a rule's setting written in the wrong place.
            findings.Add(problem.Kind == JsonProblemKind.Unknown
                ? new Finding(PolicyRuleIds.PolicyShape, Severity.Error, $"{problem.Message} Rule severities go in the \"rules\" section (e.g. \"STD3030\": \"none\").", path, problem.Line, problem.Column)
                : PolicyLoader.Shape(path, problem));
        }

        return new LayoutSettings
        {
            RequiredPaths = Strings(path, read.GetArray("requiredPaths"), "requiredPaths", findings, ValidatePath),
            CriticalProjects = Strings(path, read.GetArray("criticalProjects"), "criticalProjects", findings, static _ => null),
            TestsFolder = TestsFolderOf(path, read.Node("testsFolder") as JsonStringNode, findings),
            Exclude = Strings(path, read.GetArray("exclude"), "exclude", findings, ValidateGlob),
            CheckProjectsWithoutStandardsSdk = read.GetString("projectsWithoutStandardsSdk") == "check",
        };
    }

    private static LayoutSettingValue? TestsFolderOf(string path, JsonStringNode? node, List<Finding> findings)
    {
        if (node is null)
        {
            return null;
        }

        var folder = node.Value.Trim().Trim('/');
        if (ValidateFolderName(folder) is { } problem)
        {
            findings.Add(PolicyLoader.Shape(path, node, $"'layout.testsFolder' {problem}."));
            return null;
        }

        return new LayoutSettingValue(folder, node.Line, node.Column);
    }

    private static string? ValidateFolderName(string value) =>
        value.Length == 0 ? "must be a folder name such as \"test\", not empty"
        : value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) || value is "." or ".." || value.Contains('*', StringComparison.Ordinal)
            ? $"is '{JsonText.Shown(value)}'; it must be the name of a folder at the repo root, such as \"test\""
            : null;

    private static string? ValidateGlob(string value)
    {
        var normalized = value.Replace('\\', '/');
        if (normalized.StartsWith('/') || (normalized.Length > 1 && normalized[1] == ':'))
        {
            return "must be relative to the repo root";
        }

        return normalized.Split('/').Any(s => s == "..") ? "may not leave the repo with '..'" : null;
    }

    private static string? ValidatePath(string value)
    {
        var normalized = value.Replace('\\', '/');
        if (normalized.StartsWith('/') || (normalized.Length > 1 && normalized[1] == ':'))
        {
            return "must be relative to the repo root";
        }

        if (normalized.Split('/').Any(s => s == ".."))
        {
            return "may not leave the repo with '..'";
        }

        return normalized.Contains('*', StringComparison.Ordinal) ? "must be a path, not a glob" : null;
    }

    private static List<LayoutSettingValue> Strings(string path, JsonArrayNode? array, string name, List<Finding> findings, Func<string, string?> validate)
    {
        var result = new List<LayoutSettingValue>();
        if (array is null)
        {
            return result;
        }

        foreach (var item in array.Items)
        {
            if (item is not JsonStringNode { Value.Length: > 0 } s || s.Value.Trim().Length == 0)
            {
                findings.Add(PolicyLoader.Shape(path, item, $"Each entry of 'layout.{name}' must be a non-empty string, not {Describe(item)}."));
                continue;
            }

            if (validate(s.Value.Trim()) is { } problem)
            {
                findings.Add(PolicyLoader.Shape(path, item, $"'layout.{name}' entry '{JsonText.Shown(s.Value)}' {problem}."));
                continue;
            }

            result.Add(new LayoutSettingValue(s.Value.Trim(), s.Line, s.Column));
        }

        return result;
    }

    private static string Describe(JsonValueNode node) => node is JsonStringNode ? "an empty string" : node.Kind;
}
