using System.Reflection;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// Declares the rule whose id is the constant it is on: the id constant in its area's <c>*RuleIds</c> class IS the
/// rule's one declaration (docs/contributing.md, "Adding a rule"). Code names the rule through the constant (a
/// constant, so it works in <c>switch</c> and patterns); the catalog reads the attribute (<see cref="RuleCatalog"/>,
/// by reflection over the area classes), and the schema, the rules index and the pages derive from the catalog.
/// </summary>
/// <param name="title">A short title (the rules index, the schema, the page heading).</param>
/// <param name="severity">Severity in production projects when standards.json says nothing.</param>
/// <param name="profile">The standards profile rows the rule enforces: anchors of docs/standards-profile.md, comma-separated.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class RuleAttribute(string title, Severity severity, string profile) : Attribute
{
    /// <summary>A short title.</summary>
    public string Title { get; } = title;

    /// <summary>Severity in production projects when standards.json says nothing.</summary>
    public Severity Severity { get; } = severity;

    /// <summary>The standards profile rows the rule enforces.</summary>
    public string Profile { get; } = profile;

    /// <summary>The profile section, when not the one of its class (<see cref="RuleAreaAttribute"/>).</summary>
    public string? Area { get; set; }

    /// <summary>A locked rule may not be silenced by a project without an exception entry.</summary>
    public bool Locked { get; set; }

    /// <summary>Project kinds the rule applies to (none: every kind).</summary>
    public string[]? Kinds { get; set; }
}

/// <summary>A number or list the rule on the same constant is tuned with (<see cref="RuleParameter"/>), in declaration order.</summary>
/// <param name="name">The key in standards.json, under the rule (e.g. <c>minOwners</c>).</param>
/// <param name="default">The profile default, as text (a number, or a comma-separated list).</param>
/// <param name="description">One sentence for docs and the JSON schema.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class RuleParameterAttribute(string name, string @default, string description) : Attribute
{
    /// <summary>The key in standards.json.</summary>
    public string Name { get; } = name;

    /// <summary>The profile default.</summary>
    public string Default { get; } = @default;

    /// <summary>One sentence for docs and the JSON schema.</summary>
    public string Description { get; } = description;

    /// <summary>The default under <c>"profile": "strict"</c>, when different.</summary>
    public string? StrictDefault { get; set; }

    /// <summary>True for a comma-separated list of names rather than a number.</summary>
    public bool IsList { get; set; }
}

/// <summary>The profile section (rules index heading) of the rules a <c>*RuleIds</c> class declares.</summary>
/// <param name="area">The section, e.g. "Repository layout".</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RuleAreaAttribute(string area) : Attribute
{
    /// <summary>The section.</summary>
    public string Area { get; } = area;
}

/// <summary>Reads the rules a <c>*RuleIds</c> class declares with <see cref="RuleAttribute"/>.</summary>
public static class RuleDeclarations
{
    /// <summary>
    /// The rules declared on the constants of <paramref name="ids"/>, in id order (the catalog's order within an
    /// area). Constants without <see cref="RuleAttribute"/> (the analyzer rules' ids, declared in
    /// StandardsAnalyzerRules.cs) are not read here.
    /// </summary>
    public static IReadOnlyList<RuleDefinition> Of(Type ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var area = ids.GetCustomAttribute<RuleAreaAttribute>()?.Area;
        return [.. ids.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Field: f, Rule: f.GetCustomAttribute<RuleAttribute>()))
            .Where(d => d.Rule is not null)
            .Select(d => Definition((string)d.Field.GetRawConstantValue()!, d.Rule!, d.Field, area ?? throw new InvalidOperationException($"{ids.Name} declares rules but has no [RuleArea].")))
            .OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static RuleDefinition Definition(string id, RuleAttribute rule, FieldInfo field, string area) => new()
    {
        Id = id,
        Title = rule.Title,
        Area = rule.Area ?? area,
        Origin = RuleOrigin.StandardsTask,
        DefaultSeverity = rule.Severity,
        Source = rule.Profile,
        Locked = rule.Locked,
        Kinds = rule.Kinds,
        Parameters = [.. field.GetCustomAttributes<RuleParameterAttribute>()
            .Select(p => new RuleParameter(p.Name, p.Default, p.StrictDefault, p.Description, IsList: p.IsList))],
    };
}
