using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// Reading an object-valued section of standards.json (or an object inside one) that a check owns, through the typed
/// reader (<see cref="JsonShape"/>): every problem it finds (not an object, a key of the wrong type or out of range, a
/// key it does not know) is an STD0002 finding with the line, and the check reads the valid values from the result.
/// </summary>
public static class PolicySection
{
    /// <summary>
    /// A top-level section of standards.json that a check owns (e.g. "coverage", "budgets"), read with
    /// <paramref name="shape"/>: null when absent; problems are reported. Also gives the path findings name.
    /// </summary>
    public static (JsonRead? Section, string Path) Read(StandardsPolicy policy, string section, JsonShape shape, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var path = policy.SourcePath ?? PolicyLoader.FileName;
        return (Read(policy.Document?.Get(section), shape, path, findings), path);
    }

    /// <summary>What follows the message about a key a check's section does not know: most often a rule's setting written there.</summary>
    public const string RulesHint = "Rule severities go in the \"rules\" section. See docs/quality-gates.md.";

    /// <summary>A percentage key of a check's section: a number from 0 to <paramref name="maximum"/>, with its default in the hint.</summary>
    public static JsonKey Percent(string name, double fallback, double maximum, string description) =>
        new(name, JsonType.Number) { Minimum = 0, Maximum = maximum, Default = fallback, Description = description, Hint = $"Write a percentage; the default is {fallback.ToString(CultureInfo.InvariantCulture)}." };

    /// <summary>
    /// An array of non-empty strings, each trimmed: null when <paramref name="array"/> is absent, or when an item is not a
    /// non-empty string (then <paramref name="message"/> is an STD0002 finding at the array).
    /// </summary>
    public static List<string>? Strings(JsonArrayNode? array, string message, string path, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (array is null)
        {
            return null;
        }

        if (array.Items.All(i => i is JsonStringNode { Value.Length: > 0 }))
        {
            return [.. array.Items.Cast<JsonStringNode>().Select(i => i.Value.Trim())];
        }

        findings.Add(PolicyLoader.Shape(path, array, message));
        return null;
    }

    /// <summary>
    /// The value <paramref name="node"/> read with <paramref name="shape"/>: null when absent; its problems go to
    /// <paramref name="findings"/>, a key the object does not know followed by <paramref name="unknownHint"/>.
    /// </summary>
    public static JsonRead? Read(JsonValueNode? node, JsonShape shape, string path, List<Finding> findings, string? unknownHint = RulesHint)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(findings);
        if (node is null)
        {
            return null;
        }

        var read = shape.Read(node);
        findings.AddRange(read.Problems.Select(p => p.Kind == JsonProblemKind.Unknown
            ? new Finding(PolicyRuleIds.PolicyShape, Severity.Error, unknownHint is null ? p.Message : $"{p.Message} {unknownHint}", path, p.Line, p.Column)
            : PolicyLoader.Shape(path, p)));
        return read;
    }
}
