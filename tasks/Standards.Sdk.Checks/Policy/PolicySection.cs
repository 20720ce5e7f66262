using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// Reading an object-valued section of standards.json (or an object inside one) that a check owns: the section
/// itself when it is an object, an STD0002 finding with the line when it is not, and one for every key it does
/// not know. The section's own values are then read by the check.
/// </summary>
public static class PolicySection
{
    /// <summary>
    /// A top-level section of standards.json that a check owns (e.g. "coverage", "budgets"): the object, or null when
    /// absent or not an object (then reported); every key not in <paramref name="keys"/> is reported. Also gives the
    /// path findings about the file name.
    /// </summary>
    public static (JsonObjectNode? Section, string Path) Read(StandardsPolicy policy, string section, IReadOnlyList<string> keys, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(findings);
        var path = policy.SourcePath ?? PolicyLoader.FileName;
        return (Read(policy.Document?.Get(section), section, keys, $"an object with {string.Join(", ", keys)}", path, findings), path);
    }

    /// <summary>
    /// A number from 0 to <paramref name="max"/>: <paramref name="fallback"/> when the value is absent, and when it is
    /// anything else, which is reported with <paramref name="message"/> at its line.
    /// </summary>
    public static double Number(JsonValueNode? node, double max, double fallback, string message, string path, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonNumberNode number && number.TryGetDouble(out var value) && value >= 0 && value <= max)
        {
            return value;
        }

        findings.Add(PolicyLoader.Shape(path, node, message));
        return fallback;
    }

    /// <summary>The object at <paramref name="node"/>, or null when absent or not an object (then reported).</summary>
    /// <param name="node">The value, possibly null.</param>
    /// <param name="name">Its dotted name in messages (e.g. <c>budgets.sizes.Acme</c>).</param>
    /// <param name="keys">The keys it accepts; null accepts any (a map keyed by names).</param>
    /// <param name="what">What it must be, for the message (e.g. "an object mapping project names to sizes").</param>
    /// <param name="path">standards.json, for findings.</param>
    /// <param name="findings">Where problems go.</param>
    public static JsonObjectNode? Read(JsonValueNode? node, string name, IReadOnlyList<string>? keys, string what, string path, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObjectNode obj)
        {
            findings.Add(PolicyLoader.Shape(path, node, $"'{name}' must be {what}, not {node.Kind}."));
            return null;
        }

        foreach (var (property, message) in keys is null ? [] : UnknownKeys.Find(obj, $"'{name}'", keys))
        {
            findings.Add(new Finding(PolicyRuleIds.PolicyShape, Severity.Error,
                $"{message} Rule severities go in the \"rules\" section. See docs/quality-gates.md.", path, property.Line, property.Column));
        }

        return obj;
    }
}
