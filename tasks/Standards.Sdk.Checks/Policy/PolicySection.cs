using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// Reading an object-valued section of standards.json (or an object inside one) that a check owns: the section
/// itself when it is an object, an STD0002 finding with the line when it is not, and one for every key it does
/// not know. The section's own values are then read by the check.
/// </summary>
public static class PolicySection
{
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

        foreach (var property in obj.Properties.Where(p => keys is not null && !keys.Contains(p.Name, StringComparer.Ordinal)))
        {
            findings.Add(new Finding("STD0002", Severity.Error,
                $"Unknown setting '{property.Name}' in '{name}'. Known settings: {string.Join(", ", keys!)}; rule severities go in the \"rules\" section. See docs/quality-gates.md.",
                path, property.Line, property.Column));
        }

        return obj;
    }
}
