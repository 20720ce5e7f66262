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

    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "$schema", "version", "inherit", "prerelease", "assemblyVersion", "versionHeightOffset", "versionHeightOffsetAppliesTo",
        "buildNumberOffset", "semVer1NumericIdentifierPadding", "gitCommitIdShortFixedLength", "gitCommitIdShortAutoMinimum",
        "gitCommitIdPrefix", "gitCommitIdIncludeDirty", "nugetPackageVersion", "publicReleaseRefSpec", "cloudBuild", "release",
        "pathFilters",
    };

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

    private sealed class Reader(string path, List<Finding> findings)
    {
        public void Problem(JsonValueNode node, string message) =>
            findings.Add(new Finding(ReleaseRuleIds.VersionFileInvalid, Severity.Error,
                $"{message} See the version.json format in docs/release.md.", path, node.Line, node.Column));

        public VersionFileSettings Settings(JsonObjectNode root, string repoPath, string directory)
        {
            foreach (var (property, message) in UnknownKeys.Find(root, FileName, TopLevelKeys))
            {
                findings.Add(new Finding(ReleaseRuleIds.VersionFileInvalid, Severity.Error, message, path, property.Line, property.Column));
            }

            var inherit = Bool(root.Get("inherit"), "inherit") ?? false;
            var versionNode = root.Get("version");
            var (version, versionText) = VersionSetting(root, versionNode, inherit);
            var prerelease = Prerelease(root, inherit);
            if (Bool(root.Get("gitCommitIdIncludeDirty"), "gitCommitIdIncludeDirty") == true)
            {
                Problem(root.Get("gitCommitIdIncludeDirty")!, "'gitCommitIdIncludeDirty' is not supported by Standards.Sdk's versioning (the version is cached by commit, not by working-tree state); remove it or set StandardsUseNerdbankGitVersioning=true.");
            }

            var appliesTo = AppliesTo(root.Get("versionHeightOffsetAppliesTo"));
            var (nugetSemVer, nugetPrecision) = NuGetPackageVersion(root.Get("nugetPackageVersion"));
            var (assemblyVersion, assemblyPrecision) = AssemblyVersion(root.Get("assemblyVersion"));
            var cloud = CloudBuild(root.Get("cloudBuild"));
            var prefix = CommitIdPrefix(root.Get("gitCommitIdPrefix"));

            return new VersionFileSettings
            {
                RepoPath = repoPath,
                Inherit = inherit,
                InheritLine = root.Get("inherit")?.Line ?? 1,
                VersionSource = (path, versionNode?.Line ?? 1),
                Version = version,
                VersionText = versionText,
                Prerelease = inherit ? prerelease : null,
                VersionHeightOffset = Integer(root.Get("versionHeightOffset"), "versionHeightOffset", int.MinValue / 2, int.MaxValue / 2)
                    ?? Integer(root.Get("buildNumberOffset"), "buildNumberOffset", int.MinValue / 2, int.MaxValue / 2),
                VersionHeightOffsetAppliesTo = appliesTo,
                PathFilters = PathFilters(root.Get("pathFilters"), directory),
                PublicReleaseRefSpec = RefSpecs(root.Get("publicReleaseRefSpec")),
                NuGetSemVer = nugetSemVer,
                NuGetPrecision = nugetPrecision,
                AssemblyVersion = assemblyVersion,
                AssemblyPrecision = assemblyPrecision,
                GitCommitIdShortFixedLength = Integer(root.Get("gitCommitIdShortFixedLength"), "gitCommitIdShortFixedLength", 1, 40),
                GitCommitIdShortAutoMinimum = Integer(root.Get("gitCommitIdShortAutoMinimum"), "gitCommitIdShortAutoMinimum", 0, 40),
                GitCommitIdPrefix = prefix,
                SemVer1NumericIdentifierPadding = Integer(root.Get("semVer1NumericIdentifierPadding"), "semVer1NumericIdentifierPadding", 1, 6),
                CloudBuildNumberEnabled = cloud.Enabled,
                CloudBuildNumberCommitIdWhen = cloud.When,
                CloudBuildNumberCommitIdWhere = cloud.Where,
                CloudBuildSetVersionVariables = cloud.SetVersionVariables,
            };
        }

        /// <summary>'version': required unless the file inherits.</summary>
        private (VersionSpec? Version, string? Text) VersionSetting(JsonObjectNode root, JsonValueNode? versionNode, bool inherit)
        {
            var versionText = Text(versionNode, "version");
            VersionSpec? version = null;
            if (versionText is not null)
            {
                version = VersionSpec.TryParse(versionText);
                if (version is null)
                {
                    Problem(versionNode!, $"'version' is '{versionText}'; it must be major.minor[.build[.revision]] with an optional -prerelease label, e.g. \"1.2\", \"1.2.0-beta.{{height}}\".");
                }
            }
            else if (!inherit && versionNode is null)
            {
                Problem(root, "'version' is missing; set it (e.g. \"version\": \"1.0\") or set \"inherit\": true to take it from the version.json above.");
            }

            return (version, versionText);
        }

        /// <summary>'prerelease': only in an inheriting file, letters, digits, '-' and '.'.</summary>
        private string? Prerelease(JsonObjectNode root, bool inherit)
        {
            var prerelease = Text(root.Get("prerelease"), "prerelease", allowEmpty: true);
            if (root.Get("prerelease") is { } prereleaseNode)
            {
                if (!inherit)
                {
                    Problem(prereleaseNode, "'prerelease' is only allowed with \"inherit\": true; put the label in 'version' instead.");
                }
                else if (prerelease is not null && prerelease.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.' && c != '{' && c != '}'))
                {
                    Problem(prereleaseNode, $"'prerelease' is '{prerelease}'; use letters, digits, '-' and '.' only (e.g. \"beta\").");
                }
            }

            return prerelease;
        }

        private VersionSpec? AppliesTo(JsonValueNode? appliesToNode)
        {
            var appliesToText = Text(appliesToNode, "versionHeightOffsetAppliesTo");
            var appliesTo = appliesToText is null ? null : VersionSpec.TryParse(appliesToText);
            if (appliesToText is not null && appliesTo is null)
            {
                Problem(appliesToNode!, $"'versionHeightOffsetAppliesTo' is '{appliesToText}'; it must be a version like 'version'.");
            }

            return appliesTo;
        }

        private string? CommitIdPrefix(JsonValueNode? prefixNode)
        {
            var prefix = Text(prefixNode, "gitCommitIdPrefix");
            if (prefix is not null && (char.IsAsciiDigit(prefix[0]) || prefix.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')))
            {
                Problem(prefixNode!, $"'gitCommitIdPrefix' is '{prefix}'; it must start with a letter and hold letters, digits, '-', '_' or '.'.");
            }

            return prefix;
        }

        private (int? SemVer, VersionPrecision? Precision) NuGetPackageVersion(JsonValueNode? node)
        {
            if (Object(node, "nugetPackageVersion", ["semVer", "precision"]) is not { } obj)
            {
                return (null, null);
            }

            var semVer = Integer(obj.Get("semVer"), "nugetPackageVersion.semVer", 1, 2);
            return (semVer, Precision(obj.Get("precision"), "nugetPackageVersion.precision"));
        }

        private (System.Version? Version, VersionPrecision? Precision) AssemblyVersion(JsonValueNode? node)
        {
            switch (node)
            {
                case null:
                    return (null, null);
                case JsonStringNode s:
                    return (AssemblyVersionText(s), null);
                default:
                    if (Object(node, "assemblyVersion", ["version", "precision"]) is not { } obj)
                    {
                        return (null, null);
                    }

                    var version = obj.Get("version") switch
                    {
                        null => null,
                        JsonStringNode v => AssemblyVersionText(v),
                        var other => Wrong(other, "assemblyVersion.version", "a string such as \"1.0\""),
                    };
                    return (version, Precision(obj.Get("precision"), "assemblyVersion.precision"));
            }
        }

        private System.Version? Wrong(JsonValueNode node, string name, string expected)
        {
            Problem(node, $"'{name}' must be {expected}, not {node.Kind}.");
            return null;
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

        private (bool? Enabled, CommitIdWhen? When, CommitIdWhere? Where, bool? SetVersionVariables) CloudBuild(JsonValueNode? node)
        {
            if (Object(node, "cloudBuild", ["setVersionVariables", "setAllVariables", "buildNumber"]) is not { } obj)
            {
                return (null, null, null, null);
            }

            Bool(obj.Get("setAllVariables"), "cloudBuild.setAllVariables");
            var setVariables = Bool(obj.Get("setVersionVariables"), "cloudBuild.setVersionVariables");
            if (Object(obj.Get("buildNumber"), "cloudBuild.buildNumber", ["enabled", "includeCommitId"]) is not { } buildNumber)
            {
                return (null, null, null, setVariables);
            }

            var enabled = Bool(buildNumber.Get("enabled"), "cloudBuild.buildNumber.enabled");
            if (Object(buildNumber.Get("includeCommitId"), "cloudBuild.buildNumber.includeCommitId", ["when", "where"]) is not { } commit)
            {
                return (enabled, null, null, setVariables);
            }

            var when = Choice(commit.Get("when"), "cloudBuild.buildNumber.includeCommitId.when", ["always", "nonPublicReleaseOnly", "never"]) switch
            {
                "always" => CommitIdWhen.Always,
                "never" => (CommitIdWhen?)CommitIdWhen.Never,
                "nonPublicReleaseOnly" => CommitIdWhen.NonPublicReleaseOnly,
                _ => null,
            };
            var where = Choice(commit.Get("where"), "cloudBuild.buildNumber.includeCommitId.where", ["buildMetadata", "fourthVersionComponent"]) switch
            {
                "buildMetadata" => CommitIdWhere.BuildMetadata,
                "fourthVersionComponent" => (CommitIdWhere?)CommitIdWhere.FourthVersionComponent,
                _ => null,
            };
            return (enabled, when, where, setVariables);
        }

        private List<PathFilter>? PathFilters(JsonValueNode? node, string directory)
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

        private List<string>? RefSpecs(JsonValueNode? node)
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

        private List<JsonStringNode>? Strings(JsonValueNode? node, string name)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonArrayNode array:
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
                default:
                    Problem(node, $"'{name}' must be an array of strings, not {node.Kind}.");
                    return null;
            }
        }

        private JsonObjectNode? Object(JsonValueNode? node, string name, string[] keys)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonObjectNode obj:
                    foreach (var (property, message) in UnknownKeys.Find(obj, $"'{name}' of {FileName}", keys))
                    {
                        findings.Add(new Finding(ReleaseRuleIds.VersionFileInvalid, Severity.Error, message, path, property.Line, property.Column));
                    }

                    return obj;
                default:
                    Problem(node, $"'{name}' must be an object, not {node.Kind}.");
                    return null;
            }
        }

        private VersionPrecision? Precision(JsonValueNode? node, string name) =>
            Choice(node, name, Precisions) switch
            {
                "major" => VersionPrecision.Major,
                "minor" => VersionPrecision.Minor,
                "build" => VersionPrecision.Build,
                "revision" => (VersionPrecision?)VersionPrecision.Revision,
                _ => null,
            };

        private string? Choice(JsonValueNode? node, string name, string[] allowed)
        {
            var text = Text(node, name);
            if (text is null)
            {
                return null;
            }

            if (!allowed.Contains(text, StringComparer.Ordinal))
            {
                Problem(node!, $"'{name}' is '{text}'; it must be one of: {string.Join(", ", allowed)}.");
                return null;
            }

            return text;
        }

        private string? Text(JsonValueNode? node, string name, bool allowEmpty = false)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonStringNode s when allowEmpty || s.Value.Length > 0:
                    return s.Value;
                default:
                    Problem(node, $"'{name}' must be a non-empty string, not {(node is JsonStringNode ? "an empty string" : node.Kind)}.");
                    return null;
            }
        }

        private bool? Bool(JsonValueNode? node, string name)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonBooleanNode b:
                    return b.Value;
                default:
                    Problem(node, $"'{name}' must be true or false, not {node.Kind}.");
                    return null;
            }
        }

        private int? Integer(JsonValueNode? node, string name, int min, int max)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonNumberNode n when n.TryGetInt32(out var value) && value >= min && value <= max:
                    return value;
                default:
                    var range = min == int.MinValue / 2 ? "a whole number" : $"a whole number from {min} to {max}";
                    Problem(node, $"'{name}' must be {range}, not {(node is JsonNumberNode n2 ? n2.Text : node.Kind)}.");
                    return null;
            }
        }
    }
}
