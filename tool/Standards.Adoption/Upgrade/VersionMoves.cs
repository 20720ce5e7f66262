using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NuGet.Versioning;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Upgrade;

/// <summary>A package whose version moves with the SDK, where it is pinned.</summary>
public sealed record MovedPackage(string PackageId, string File, string From);

/// <summary>
/// The version pins that move together in an upgrade: global.json's <c>msbuild-sdks</c> Standards.Sdk, the local
/// tool manifest's Standards.Tool (.config/dotnet-tools.json or dotnet-tools.json) and every <c>Standards.*</c>
/// <c>PackageVersion</c> of Directory.Packages.props. Each file keeps every other byte (the manifest is rewritten
/// as JSON, two-space indented, like global.json).
/// </summary>
public static partial class VersionMoves
{
    /// <summary>The tool's package id.</summary>
    public const string ToolPackage = "Standards.Tool";

    /// <summary>Where a local tool manifest may be, in the order the .NET CLI looks.</summary>
    public static readonly IReadOnlyList<string> ToolManifests = [".config/dotnet-tools.json", "dotnet-tools.json"];

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("(<PackageVersion\\b[^>]*?\\bInclude\\s*=\\s*\")(?<id>Standards\\.[^\"]+)(\"[^>]*?\\bVersion\\s*=\\s*\")(?<version>[^\"]*)(\")", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StandardsPackageVersion();

    /// <summary>The Standards.Sdk version global.json pins; STD7513 when there is none, STD7505 when the file is not JSON.</summary>
    public static NuGetVersion PinnedSdk(string? globalJson)
    {
        const string adopt = "Upgrade moves an existing pin: put the repo on Standards.Sdk with `dotnet standards adopt` first.";
        if (globalJson is null)
        {
            throw new ToolException(ToolRuleIds.NotOnSdk, $"there is no global.json at the repo root. {adopt}", GlobalJsonEditor.FileName);
        }

        var pin = Parse(GlobalJsonEditor.FileName, globalJson)["msbuild-sdks"]?[ProjectFileEditor.StandardsSdk];
        if (pin?.GetValueKind() != JsonValueKind.String)
        {
            throw new ToolException(ToolRuleIds.NotOnSdk, $"global.json's \"msbuild-sdks\" does not pin {ProjectFileEditor.StandardsSdk}. {adopt}", GlobalJsonEditor.FileName);
        }

        return NuGetVersion.TryParse(pin.GetValue<string>(), out var version)
            ? version
            : throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"global.json pins {ProjectFileEditor.StandardsSdk} \"{pin.GetValue<string>()}\", which is not a version. Fix it and run the command again.", GlobalJsonEditor.FileName);
    }

    /// <summary>The packages besides the SDK that move: the tool when a manifest has it, the Standards.* central versions.</summary>
    /// <param name="read">Reads a repo-relative file, null when absent.</param>
    public static IReadOnlyList<MovedPackage> Companions(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var result = new List<MovedPackage>();
        foreach (var manifest in ToolManifests)
        {
            if (read(manifest) is { } text && ToolEntry(manifest, text) is { } entry && entry["version"]?.GetValueKind() == JsonValueKind.String)
            {
                result.Add(new MovedPackage(ToolPackage, manifest, entry["version"]!.GetValue<string>()));
            }
        }

        if (read(CentralPackages.FileName) is { } props)
        {
            result.AddRange(StandardsPackageVersion().Matches(props).Select(m => new MovedPackage(m.Groups["id"].Value, CentralPackages.FileName, m.Groups["version"].Value)));
        }

        return result;
    }

    /// <summary>Sets every pin to <paramref name="target"/> in <paramref name="changes"/>, adding one line per file to <paramref name="lines"/>.</summary>
    public static void Apply(Func<string, string?> read, NuGetVersion target, ChangeSet changes, List<string> lines)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(lines);
        var version = target.ToNormalizedString();
        if (GlobalJsonEditor.Pin(read(GlobalJsonEditor.FileName), version, out var change) is { } globalJson)
        {
            changes.Set(GlobalJsonEditor.FileName, globalJson);
            lines.Add(change);
        }

        foreach (var manifest in ToolManifests)
        {
            if (read(manifest) is not { } text || ToolEntry(manifest, text) is not { } entry || entry["version"]?.GetValueKind() != JsonValueKind.String
                || entry["version"]!.GetValue<string>() == version)
            {
                continue;
            }

            var root = Parse(manifest, text);
            lines.Add($"{manifest}: {ToolPackage} {entry["version"]!.GetValue<string>()} -> {version}");
            ToolEntry(root)!["version"] = version;
            changes.Set(manifest, root.ToJsonString(WriteOptions) + "\n");
        }

        if (read(CentralPackages.FileName) is { } props)
        {
            var moved = new List<string>();
            var updated = StandardsPackageVersion().Replace(props, m =>
            {
                if (m.Groups["version"].Value == version)
                {
                    return m.Value;
                }

                moved.Add($"{m.Groups["id"].Value} {m.Groups["version"].Value} -> {version}");
                return m.Value[..(m.Groups["version"].Index - m.Index)] + version + m.Value[(m.Groups["version"].Index - m.Index + m.Groups["version"].Length)..];
            });
            if (moved.Count > 0)
            {
                changes.Set(CentralPackages.FileName, updated);
                lines.Add($"{CentralPackages.FileName}: {string.Join(", ", moved)}");
            }
        }
    }

    private static JsonObject? ToolEntry(string file, string text) => ToolEntry(Parse(file, text));

    private static JsonObject? ToolEntry(JsonObject manifest) =>
        manifest["tools"] is JsonObject tools
            ? tools.FirstOrDefault(t => string.Equals(t.Key, ToolPackage, StringComparison.OrdinalIgnoreCase)).Value as JsonObject
            : null;

    private static JsonObject Parse(string file, string text)
    {
        var format = file == GlobalJsonEditor.FileName ? JsonFormats.GlobalJson : JsonFormats.ToolManifest;
        var (root, positions) = EditableJson.Load(format, file, text, "Fix it and run the command again.");
        if (format == JsonFormats.ToolManifest && positions.Get("tools") is { } tools and not JsonObjectNode)
        {
            throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"{file}: \"tools\" must be an object of tool ids, not {tools.Kind}. Fix it and run the command again.", file, tools.Line);
        }

        return root;
    }
}
