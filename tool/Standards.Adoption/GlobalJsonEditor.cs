using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// Pins Standards.Sdk in global.json's <c>msbuild-sdks</c> (https://learn.microsoft.com/dotnet/core/tools/global-json),
/// creating the file when there is none and keeping everything else in it (the <c>sdk</c> section, other SDKs).
/// </summary>
public static class GlobalJsonEditor
{
    /// <summary>The file name at the repo root.</summary>
    public const string FileName = "global.json";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The new text, or null when the file already pins this version.</summary>
    public static string? Pin(string? existing, string version, out string change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var (root, positions) = existing is null
            ? ([], null)
            : EditableJson.Load(JsonFormats.GlobalJson, FileName, existing, "`dotnet` itself would refuse it. Fix it and run the command again.");

        if (root["msbuild-sdks"] is not JsonObject sdks)
        {
            if (positions?.Get("msbuild-sdks") is { } wrong)
            {
                throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"global.json's \"msbuild-sdks\" must be an object of SDK names and versions, not {wrong.Kind}.", FileName, wrong.Line);
            }

            sdks = [];
            root["msbuild-sdks"] = sdks;
        }

        var current = sdks[ProjectFileEditor.StandardsSdk]?.GetValueKind() == JsonValueKind.String ? sdks[ProjectFileEditor.StandardsSdk]!.GetValue<string>() : null;
        if (string.Equals(current, version, StringComparison.Ordinal))
        {
            change = string.Empty;
            return null;
        }

        sdks[ProjectFileEditor.StandardsSdk] = version;
        change = existing is null
            ? $"{FileName}: created, pinning {ProjectFileEditor.StandardsSdk} {version} in msbuild-sdks"
            : current is null
                ? $"{FileName}: pinned {ProjectFileEditor.StandardsSdk} {version} in msbuild-sdks (the rest is kept)"
                : $"{FileName}: {ProjectFileEditor.StandardsSdk} {current} -> {version}";
        return root.ToJsonString(WriteOptions) + "\n";
    }
}
