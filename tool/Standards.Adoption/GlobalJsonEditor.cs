using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Adoption.Adopt;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// Pins Standards.Sdk in global.json's <c>msbuild-sdks</c> (https://learn.microsoft.com/dotnet/core/tools/global-json),
/// creating the file when there is none and keeping everything else in it (the <c>sdk</c> section, other SDKs).
/// For adopt it also writes the file right for the SDK pin (STD2008, STD2009): an <c>sdk</c> section that lacks a
/// valid version gets the version of the .NET SDK that runs, one without a valid roll-forward policy gets
/// <c>latestFeature</c>; a valid pin is kept as it is.
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

    /// <summary>The roll-forward policy adopt writes (docs/rules/STD2009.md).</summary>
    public const string RollForward = "latestFeature";

    /// <summary>The new text, or null when the file already pins this version (and, with <paramref name="runningSdk"/>, the .NET SDK).</summary>
    /// <param name="existing">The file's text, or null when there is none.</param>
    /// <param name="version">The Standards.Sdk version to pin.</param>
    /// <param name="change">What changed, for the change list.</param>
    /// <param name="runningSdk">When given, the version of the .NET SDK that runs (asked only when the <c>sdk</c> section needs it): the pin is made complete.</param>
    public static string? Pin(string? existing, string version, out string change, Func<string>? runningSdk = null)
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
        var dotnetPin = runningSdk is null ? null : PinDotnetSdk(root, positions, runningSdk);
        if (string.Equals(current, version, StringComparison.Ordinal) && dotnetPin is null)
        {
            change = string.Empty;
            return null;
        }

        sdks[ProjectFileEditor.StandardsSdk] = version;
        var pinned = dotnetPin is null ? string.Empty : $"; {dotnetPin}";
        change = existing is null
            ? $"{FileName}: created, pinning {ProjectFileEditor.StandardsSdk} {version} in msbuild-sdks{pinned}"
            : current is null
                ? $"{FileName}: pinned {ProjectFileEditor.StandardsSdk} {version} in msbuild-sdks (the rest is kept){pinned}"
                : string.Equals(current, version, StringComparison.Ordinal)
                    ? $"{FileName}: {ProjectFileEditor.StandardsSdk} {version} kept{pinned}"
                    : $"{FileName}: {ProjectFileEditor.StandardsSdk} {current} -> {version}{pinned}";
        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>
    /// Sets <c>"test": { "runner": "Microsoft.Testing.Platform" }</c> (the .NET 10 mode of <c>dotnet test</c> for
    /// Microsoft.Testing.Platform test apps), keeping everything else in the file and in the <c>test</c> section; the
    /// new text, or null when the file already sets that runner or its <c>test</c> member is not an object (which
    /// <c>dotnet</c> would refuse).
    /// </summary>
    /// <param name="existing">The file's text (the pinned one adopt writes).</param>
    /// <param name="change">What changed, for the change list: the runner it had, if any.</param>
    public static string? SelectTestingPlatform(string existing, out string change)
    {
        ArgumentNullException.ThrowIfNull(existing);
        change = string.Empty;
        var (root, _) = EditableJson.Load(JsonFormats.GlobalJson, FileName, existing, "`dotnet` itself would refuse it. Fix it and run the command again.");
        if (root["test"] is null)
        {
            root["test"] = new JsonObject();
        }

        if (root["test"] is not JsonObject test)
        {
            return null;
        }

        var before = test["runner"]?.GetValueKind() == JsonValueKind.String ? test["runner"]!.GetValue<string>() : null;
        if (string.Equals(before, TestCommand.MicrosoftTestingPlatform, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        test["runner"] = TestCommand.MicrosoftTestingPlatform;
        change = before is null
            ? $"\"test\": {{ \"runner\": \"{TestCommand.MicrosoftTestingPlatform}\" }} set"
            : $"test.runner {before} -> {TestCommand.MicrosoftTestingPlatform}";
        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>
    /// Completes the <c>sdk</c> section where the repository checks would report it (STD2008, STD2009); returns what
    /// it did, or null when the pin was complete already.
    /// </summary>
    private static string? PinDotnetSdk(JsonObject root, JsonObjectNode? positions, Func<string> runningSdk)
    {
        var codes = GlobalJsonCheck.Run(FileName, root.ToJsonString(WriteOptions), _ => Severity.Error).Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var noVersion = codes.Contains(DependencyRuleIds.SdkNotPinned);
        var noPolicy = codes.Contains(DependencyRuleIds.SdkRollForward);
        if (!noVersion && !noPolicy)
        {
            return null;
        }

        if (root["sdk"] is not JsonObject sdk)
        {
            if (positions?.Get("sdk") is { } wrong)
            {
                throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"global.json's \"sdk\" must be an object with \"version\" and \"rollForward\", not {wrong.Kind}.", FileName, wrong.Line);
            }

            sdk = [];
            root.Insert(0, "sdk", sdk);
        }

        var said = new List<string>();
        if (noVersion)
        {
            var dotnet = runningSdk();
            sdk["version"] = dotnet;
            said.Add($"the .NET SDK {dotnet} that runs pinned in sdk.version");
        }

        if (noPolicy || GlobalJsonCheck.Run(FileName, root.ToJsonString(WriteOptions), _ => Severity.Error).Any(f => f.Code == DependencyRuleIds.SdkRollForward))
        {
            sdk["rollForward"] = RollForward;
            said.Add($"sdk.rollForward {RollForward}");
        }

        return string.Join(", ", said);
    }
}
