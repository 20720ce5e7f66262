using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// Reads one version.json (Nerdbank.GitVersioning's format, its version.schema.json). Never throws: syntax errors
/// are STD6001, wrong values STD6002, each with the file, line and column, and a file with errors yields no
/// settings (a version is never computed from half a file).
/// </summary>
public static class VersionFile
{
    /// <summary>The file name.</summary>
    public const string FileName = "version.json";

    private static readonly string[] Precisions = ["major", "minor", "build", "revision"];

    /// <summary>
    /// Every top-level key Nerdbank.GitVersioning's version.schema.json has: the ones Standards.Sdk's versioning does
    /// not use ("release", "setAllVariables") are still accepted, with any value or a checked one, as before.
    /// </summary>
    private static readonly JsonShape Top = new(
        FileName,
        new JsonKey("version", JsonType.Text) { NotBlank = true },
        new JsonKey("inherit", JsonType.Boolean),
        new JsonKey("prerelease", JsonType.Text),
        new JsonKey("assemblyVersion", JsonType.Any),
        Offset("versionHeightOffset"),
        new JsonKey("versionHeightOffsetAppliesTo", JsonType.Text) { NotBlank = true },
        Offset("buildNumberOffset"),
        new JsonKey("semVer1NumericIdentifierPadding", JsonType.WholeNumber) { Minimum = 1, Maximum = 6 },
        new JsonKey("gitCommitIdShortFixedLength", JsonType.WholeNumber) { Minimum = 1, Maximum = 40 },
        new JsonKey("gitCommitIdShortAutoMinimum", JsonType.WholeNumber) { Minimum = 0, Maximum = 40 },
        new JsonKey("gitCommitIdPrefix", JsonType.Text) { NotBlank = true },
        new JsonKey("gitCommitIdIncludeDirty", JsonType.Boolean),
        new JsonKey("nugetPackageVersion", JsonType.KeyedObject),
        new JsonKey("publicReleaseRefSpec", JsonType.Array) { Hint = "Write an array of regular expressions." },
        new JsonKey("cloudBuild", JsonType.KeyedObject),
        new JsonKey("release", JsonType.Any),
        new JsonKey("pathFilters", JsonType.Array) { Hint = "Write an array of paths, such as [\"./src\"]." });

    private static readonly JsonShape NuGetPackageVersionShape = new(
        $"'nugetPackageVersion' of {FileName}",
        new JsonKey("semVer", JsonType.WholeNumber) { Minimum = 1, Maximum = 2 },
        new JsonKey("precision", JsonType.Text) { Allowed = Precisions });

    private static readonly JsonShape AssemblyVersionShape = new(
        $"'assemblyVersion' of {FileName}",
        new JsonKey("version", JsonType.Text) { Hint = "Write a version such as \"1.0\"." },
        new JsonKey("precision", JsonType.Text) { Allowed = Precisions });

    private static readonly JsonShape CloudBuildShape = new(
        $"'cloudBuild' of {FileName}",
        new JsonKey("setVersionVariables", JsonType.Boolean),
        new JsonKey("setAllVariables", JsonType.Boolean),
        new JsonKey("buildNumber", JsonType.KeyedObject));

    private static readonly JsonShape BuildNumberShape = new(
        $"'cloudBuild.buildNumber' of {FileName}",
        new JsonKey("enabled", JsonType.Boolean),
        new JsonKey("includeCommitId", JsonType.KeyedObject));

    private static readonly JsonShape IncludeCommitIdShape = new(
        $"'cloudBuild.buildNumber.includeCommitId' of {FileName}",
        new JsonKey("when", JsonType.Text) { Allowed = ["always", "nonPublicReleaseOnly", "never"] },
        new JsonKey("where", JsonType.Text) { Allowed = ["buildMetadata", "fourthVersionComponent"] });

    /// <summary>Reads a file's text.</summary>
    /// <param name="displayPath">The path findings name (absolute on disk, or repo-relative).</param>
    /// <param name="repoPath">The file's repo-relative path ('/'-separated): path filters are relative to its folder.</param>
    /// <param name="text">The file's content.</param>
    /// <param name="findings">Where problems go.</param>
    public static VersionFileSettings? Read(string displayPath, string repoPath, string text, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        var parsed = JsonFormats.VersionJson.Parse(text);
        if (!parsed.Succeeded)
        {
            findings.Add(new Finding(ReleaseRuleIds.VersionFileSyntax, Severity.Error,
                $"{FileName} is not valid JSON: {parsed.Error} Fix the syntax; the version cannot be computed until then.",
                displayPath, parsed.ErrorLine, parsed.ErrorColumn));
            return null;
        }

        var before = findings.Count;
        var reader = new Reader(displayPath, findings);
        if (parsed.Root is not JsonObjectNode root)
        {
            reader.Problem(parsed.Root!, $"The top level of {FileName} must be an object such as {{ \"version\": \"1.0\" }}, not {parsed.Root!.Kind}.");
            return null;
        }

        var directory = repoPath.Contains('/', StringComparison.Ordinal) ? repoPath[..repoPath.LastIndexOf('/')] : string.Empty;
        var settings = reader.Settings(root, repoPath, directory);
        return findings.Count > before ? null : settings;
    }

    private static JsonKey Offset(string name) =>
        new(name, JsonType.WholeNumber) { Minimum = int.MinValue / 2, Maximum = int.MaxValue / 2 };

    private sealed class Reader(string path, List<Finding> findings)
    {
        public void Problem(JsonValueNode node, string message) =>
            findings.Add(new Finding(ReleaseRuleIds.VersionFileInvalid, Severity.Error,
                $"{message} See the version.json format in docs/release.md.", path, node.Line, node.Column));

        /// <summary>Reads <paramref name="node"/> with <paramref name="shape"/>; its problems are findings (an unknown key: the reader's message alone).</summary>
        private JsonRead? Read(JsonValueNode? node, JsonShape shape)
        {
            if (node is null)
            {
                return null;
            }

            var read = shape.Read(node);
            findings.AddRange(read.Problems.Select(p => new Finding(ReleaseRuleIds.VersionFileInvalid, Severity.Error,
                p.Kind == JsonProblemKind.Unknown ? p.Message : $"{p.Message} See the version.json format in docs/release.md.", path, p.Line, p.Column)));
            return read.Source is null ? null : read;
        }

        public VersionFileSettings Settings(JsonObjectNode root, string repoPath, string directory)
        {
            var read = Read(root, Top)!;
            var inherit = read.GetBoolean("inherit") ?? false;
            var versionNode = root.Get("version");
            var (version, versionText) = VersionSetting(root, read.Node("version") as JsonStringNode, inherit);
            var prerelease = Prerelease(read.Node("prerelease") as JsonStringNode, inherit);
            if (read.GetBoolean("gitCommitIdIncludeDirty") == true)
            {
                Problem(root.Get("gitCommitIdIncludeDirty")!, "'gitCommitIdIncludeDirty' is not supported by Standards.Sdk's versioning (the version is cached by commit, not by working-tree state); remove it or set StandardsUseNerdbankGitVersioning=true.");
            }

            var (nugetSemVer, nugetPrecision) = NuGetPackageVersion(read.GetObject("nugetPackageVersion"));
            var (assemblyVersion, assemblyPrecision) = AssemblyVersion(read.Node("assemblyVersion"));
            var cloud = CloudBuild(read.GetObject("cloudBuild"));
            return new VersionFileSettings
            {
                RepoPath = repoPath,
                Inherit = inherit,
                InheritLine = root.Get("inherit")?.Line ?? 1,
                VersionSource = (path, versionNode?.Line ?? 1),
                Version = version,
                VersionText = versionText,
                Prerelease = inherit ? prerelease : null,
                VersionHeightOffset = read.GetInt32("versionHeightOffset") ?? read.GetInt32("buildNumberOffset"),
                VersionHeightOffsetAppliesTo = AppliesTo(read.Node("versionHeightOffsetAppliesTo") as JsonStringNode),
                PathFilters = PathFilters(read.GetArray("pathFilters"), directory),
                PublicReleaseRefSpec = RefSpecs(read.GetArray("publicReleaseRefSpec")),
                NuGetSemVer = nugetSemVer,
                NuGetPrecision = nugetPrecision,
                AssemblyVersion = assemblyVersion,
                AssemblyPrecision = assemblyPrecision,
                GitCommitIdShortFixedLength = read.GetInt32("gitCommitIdShortFixedLength"),
                GitCommitIdShortAutoMinimum = read.GetInt32("gitCommitIdShortAutoMinimum"),
                GitCommitIdPrefix = CommitIdPrefix(read.Node("gitCommitIdPrefix") as JsonStringNode),
                SemVer1NumericIdentifierPadding = read.GetInt32("semVer1NumericIdentifierPadding"),
                CloudBuildNumberEnabled = cloud.Enabled,
                CloudBuildNumberCommitIdWhen = cloud.When,
                CloudBuildNumberCommitIdWhere = cloud.Where,
                CloudBuildSetVersionVariables = cloud.SetVersionVariables,
            };
        }

        /// <summary>'version': required unless the file inherits (a value of the wrong type is reported by the reader).</summary>
        private (VersionSpec? Version, string? Text) VersionSetting(JsonObjectNode root, JsonStringNode? versionNode, bool inherit)
        {
            if (versionNode is not null)
            {
                var version = VersionSpec.TryParse(versionNode.Value);
                if (version is null)
                {
                    Problem(versionNode, $"'version' is '{versionNode.Value}'; it must be major.minor[.build[.revision]] with an optional -prerelease label, e.g. \"1.2\", \"1.2.0-beta.{{height}}\".");
                }

                return (version, versionNode.Value);
            }

            if (!inherit && root.Get("version") is null)
            {
                Problem(root, "'version' is missing; set it (e.g. \"version\": \"1.0\") or set \"inherit\": true to take it from the version.json above.");
            }

            return (null, null);
        }

        /// <summary>'prerelease': only in an inheriting file, letters, digits, '-' and '.'.</summary>
        private string? Prerelease(JsonStringNode? node, bool inherit)
        {
            if (node is null)
            {
                return null;
            }

            if (!inherit)
            {
                Problem(node, "'prerelease' is only allowed with \"inherit\": true; put the label in 'version' instead.");
            }
            else if (node.Value.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.' && c != '{' && c != '}'))
            {
                Problem(node, $"'prerelease' is '{node.Value}'; use letters, digits, '-' and '.' only (e.g. \"beta\").");
            }

            return node.Value;
        }

        private VersionSpec? AppliesTo(JsonStringNode? node)
        {
            var appliesTo = node is null ? null : VersionSpec.TryParse(node.Value);
            if (node is not null && appliesTo is null)
            {
                Problem(node, $"'versionHeightOffsetAppliesTo' is '{node.Value}'; it must be a version like 'version'.");
            }

            return appliesTo;
        }

        private string? CommitIdPrefix(JsonStringNode? node)
        {
            var prefix = node?.Value;
            if (prefix is not null && (char.IsAsciiDigit(prefix[0]) || prefix.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')))
            {
                Problem(node!, $"'gitCommitIdPrefix' is '{prefix}'; it must start with a letter and hold letters, digits, '-', '_' or '.'.");
            }

            return prefix;
        }

        private (int? SemVer, VersionPrecision? Precision) NuGetPackageVersion(JsonObjectNode? node) =>
            Read(node, NuGetPackageVersionShape) is { } read ? (read.GetInt32("semVer"), Precision(read.GetString("precision"))) : (null, null);

        private (System.Version? Version, VersionPrecision? Precision) AssemblyVersion(JsonValueNode? node)
        {
            if (node is JsonStringNode text)
            {
                return (AssemblyVersionText(text), null);
            }

            return Read(node, AssemblyVersionShape) is { } read
                ? (read.Node("version") is JsonStringNode version ? AssemblyVersionText(version) : null, Precision(read.GetString("precision")))
                : (null, null);
        }

        private System.Version? AssemblyVersionText(JsonStringNode node)
        {
            var parts = node.Value.Split('.');
            if (parts.Length is >= 2 and <= 4 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
                && System.Version.TryParse(node.Value, out var version) && parts.All(p => int.Parse(p, CultureInfo.InvariantCulture) <= 65534))
            {
                return version;
            }

            Problem(node, $"'assemblyVersion' is '{node.Value}'; it must be 2 to 4 numbers (each at most 65534) such as \"1.0\".");
            return null;
        }

        private (bool? Enabled, CommitIdWhen? When, CommitIdWhere? Where, bool? SetVersionVariables) CloudBuild(JsonObjectNode? node)
        {
            if (Read(node, CloudBuildShape) is not { } cloud)
            {
                return (null, null, null, null);
            }

            var setVariables = cloud.GetBoolean("setVersionVariables");
            if (Read(cloud.GetObject("buildNumber"), BuildNumberShape) is not { } buildNumber)
            {
                return (null, null, null, setVariables);
            }

            var enabled = buildNumber.GetBoolean("enabled");
            if (Read(buildNumber.GetObject("includeCommitId"), IncludeCommitIdShape) is not { } commit)
            {
                return (enabled, null, null, setVariables);
            }

            var when = commit.GetString("when") switch
            {
                "always" => CommitIdWhen.Always,
                "never" => (CommitIdWhen?)CommitIdWhen.Never,
                "nonPublicReleaseOnly" => CommitIdWhen.NonPublicReleaseOnly,
                _ => null,
            };
            var where = commit.GetString("where") switch
            {
                "buildMetadata" => CommitIdWhere.BuildMetadata,
                "fourthVersionComponent" => (CommitIdWhere?)CommitIdWhere.FourthVersionComponent,
                _ => null,
            };
            return (enabled, when, where, setVariables);
        }

        private List<PathFilter>? PathFilters(JsonArrayNode? node, string directory)
        {
            if (Strings(node, "pathFilters") is not { } items)
            {
                return null;
            }

            var filters = new List<PathFilter>();
            foreach (var item in items)
            {
                if (PathFilter.TryParse(item.Value, directory, out var error) is { } filter)
                {
                    filters.Add(filter);
                }
                else
                {
                    Problem(item, $"The path filter {error}");
                }
            }

            return filters;
        }

        private List<string>? RefSpecs(JsonArrayNode? node)
        {
            if (Strings(node, "publicReleaseRefSpec") is not { } items)
            {
                return null;
            }

            foreach (var item in items)
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(item.Value, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    Problem(item, $"'{item.Value}' in 'publicReleaseRefSpec' is not a valid regular expression ({ex.Message}).");
                }
            }

            return [.. items.Select(i => i.Value)];
        }

        private List<JsonStringNode>? Strings(JsonArrayNode? array, string name)
        {
            if (array is null)
            {
                return null;
            }

            var result = new List<JsonStringNode>();
            foreach (var item in array.Items)
            {
                if (item is JsonStringNode { Value.Length: > 0 } s)
                {
                    result.Add(s);
                }
                else
                {
                    Problem(item, $"Every entry of '{name}' must be a non-empty string, not {item.Kind}.");
                }
            }

            return result;
        }

        private static VersionPrecision? Precision(string? text) => text switch
        {
            "major" => VersionPrecision.Major,
            "minor" => VersionPrecision.Minor,
            "build" => VersionPrecision.Build,
            "revision" => (VersionPrecision?)VersionPrecision.Revision,
            _ => null,
        };
    }
}
