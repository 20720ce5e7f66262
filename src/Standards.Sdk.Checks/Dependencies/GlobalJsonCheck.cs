using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// The .NET SDK is pinned in global.json at the repo root with a roll-forward policy
/// (docs/standards-profile.md#sdk-pinned): <c>{ "sdk": { "version": "10.0.401", "rollForward": "latestFeature" } }</c>.
/// </summary>
public static partial class GlobalJsonCheck
{
    /// <summary>The file name.</summary>
    public const string FileName = "global.json";

    /// <summary>The roll-forward values the .NET host accepts.</summary>
    public static readonly IReadOnlyList<string> RollForwardValues =
        ["patch", "feature", "minor", "major", "latestPatch", "latestFeature", "latestMinor", "latestMajor", "disable"];

    private const string Example = "{ \"sdk\": { \"version\": \"10.0.401\", \"rollForward\": \"latestFeature\" } }";

    /// <summary>Runs the check on the text of global.json (null when the file does not exist).</summary>
    /// <param name="path">The path to name in findings.</param>
    /// <param name="text">The file's text, or null.</param>
    /// <param name="severityOf">The configured severity of a rule (None: off).</param>
    public static IReadOnlyList<Finding> Run(string path, string? text, Func<string, Severity> severityOf)
    {
        ArgumentNullException.ThrowIfNull(severityOf);
        var findings = new List<Finding>();
        void Add(string rule, string message, int line, int column = 0)
        {
            var severity = severityOf(rule);
            if (severity != Severity.None)
            {
                findings.Add(new Finding(rule, severity, message, path, line, column));
            }
        }

        if (SdkSection(text, Add) is { } sdk)
        {
            CheckVersion(sdk, Add);
            CheckRollForward(sdk, Add);
        }

        return findings;
    }

    /// <summary>Reports a finding for a rule, unless the rule is off.</summary>
    private delegate void Report(string rule, string message, int line, int column = 0);

    /// <summary>The "sdk" object of global.json; null, reported, when the file, its JSON or the section is missing or wrong.</summary>
    private static JsonObjectNode? SdkSection(string? text, Report add)
    {
        if (text is null)
        {
            add(DependencyRuleIds.SdkNotPinned, $"There is no global.json at the repo root, so every machine builds with whatever .NET SDK it has. Add one: {Example}", 0);
            return null;
        }

        var parsed = JsonFormats.GlobalJson.Parse(text);
        if (!parsed.Succeeded)
        {
            add(DependencyRuleIds.SdkNotPinned, $"global.json is not valid JSON: {parsed.Error} Fix the syntax; the dotnet host ignores a broken global.json and the SDK is not pinned.", parsed.ErrorLine, parsed.ErrorColumn);
            return null;
        }

        if (parsed.Root is not JsonObjectNode root)
        {
            add(DependencyRuleIds.SdkNotPinned, $"global.json must be an object like {Example}, not {parsed.Root!.Kind}.", parsed.Root.Line, parsed.Root.Column);
            return null;
        }

        var sdkNode = root.Get("sdk");
        if (sdkNode is not JsonObjectNode sdk)
        {
            var what = sdkNode is null ? "has no \"sdk\" section" : $"has an \"sdk\" that is {sdkNode.Kind}, not an object";
            add(DependencyRuleIds.SdkNotPinned, $"global.json {what}, so the .NET SDK version is not pinned. Add {Example}", sdkNode?.Line ?? root.Line, sdkNode?.Column ?? root.Column);
            return null;
        }

        return sdk;
    }

    private static void CheckVersion(JsonObjectNode sdk, Report add)
    {
        var version = sdk.Get("version");
        if (version is not JsonStringNode { } versionText || !SdkVersion().IsMatch(versionText.Value.Trim()))
        {
            var what = version switch
            {
                null => "has no \"version\"",
                JsonStringNode s => $"has \"version\": \"{s.Value}\", which is not an SDK version such as 10.0.401",
                _ => $"has a \"version\" that is {version.Kind}, not a string",
            };
            add(DependencyRuleIds.SdkNotPinned, $"The \"sdk\" section of global.json {what}. Pin the SDK the repo is built with: {Example}", version?.Line ?? sdk.Line, version?.Column ?? sdk.Column);
        }
    }

    private static void CheckRollForward(JsonObjectNode sdk, Report add)
    {
        var rollForward = sdk.Get("rollForward");
        if (rollForward is null)
        {
            add(DependencyRuleIds.SdkRollForward, "global.json pins the SDK without a \"rollForward\" policy, so machines with a newer patch or feature band fail or roll forward by the host's default. Add \"rollForward\": \"latestFeature\" (or another policy) next to \"version\".", sdk.Line, sdk.Column);
        }
        else if (rollForward is not JsonStringNode { } policy || !RollForwardValues.Contains(policy.Value, StringComparer.OrdinalIgnoreCase))
        {
            var value = rollForward is JsonStringNode s ? $"\"{s.Value}\"" : rollForward.Kind;
            add(DependencyRuleIds.SdkRollForward, $"\"rollForward\" in global.json is {value}; it must be one of {string.Join(", ", RollForwardValues)}.", rollForward.Line, rollForward.Column);
        }
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]{3}(?:-[0-9A-Za-z\.\-]+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SdkVersion();
}
