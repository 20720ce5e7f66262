using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// The licence allow- and deny-lists and reviewed per-package licences, from the "dependencies" section of
/// standards.json:
/// <code>
/// "dependencies": { "licenses": { "allow": ["MIT"], "deny": ["GPL-3.0-only"], "packages": { "Some.Package": "MIT" } } }
/// </code>
/// A list given there replaces the default; <c>rules.STD2011.allow</c> and <c>rules.STD2012.deny</c> are
/// read when the section does not set the list.
/// </summary>
public sealed class LicensePolicy
{
    /// <summary>The profile's allow-list (docs/standards-profile.md#licences), comma-separated: STD2011's default.</summary>
    public const string DefaultAllowedList = DependencyRuleIds.DefaultAllowedLicenses;

    /// <summary>Strong copyleft and source-available licences, denied unless a repo says otherwise: STD2012's default.</summary>
    public const string DefaultDeniedList = DependencyRuleIds.DefaultDeniedLicenses;

    /// <summary>The profile's allow-list (docs/standards-profile.md#licences).</summary>
    public static readonly IReadOnlyList<string> DefaultAllowed = DefaultAllowedList.Split(',');

    /// <summary>Strong copyleft and source-available licences, denied unless a repo says otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultDenied = DefaultDeniedList.Split(',');

    private const string DocsHint = "See docs/dependencies.md.";

    private const string ListHint = "Write an array of SPDX licence identifiers, such as [\"MIT\"].";

    private static readonly JsonShape LicensesShape = new(
        "'dependencies.licenses' of standards.json",
        new JsonKey("allow", JsonType.Array) { Hint = ListHint, TextItems = true, Default = DefaultAllowed, Description = "SPDX licence identifiers allowed in the dependency graph; replaces the profile's allow-list (rules.STD2011.allow when this is not set)." },
        new JsonKey("deny", JsonType.Array) { Hint = ListHint, TextItems = true, Default = DefaultDenied, Description = "SPDX licence identifiers denied; replaces the profile's deny-list (rules.STD2012.deny when this is not set; deny wins over allow)." },
        new JsonKey("packages", JsonType.KeyedObject)
        {
            Hint = "Map a package id (or id/version) to the SPDX expression you reviewed.",
            EachValueText = true,
            EachKeyName = "package",
            Description = "Reviewed licence expressions by package id or id/version, for packages whose licence NuGet cannot tell.",
        });

    /// <summary>The section's keys, read by this class and published in the schema.</summary>
    internal static readonly JsonShape SectionShape = new(
        "'dependencies' of standards.json",
        new JsonKey("licenses", JsonType.KeyedObject) { Hint = "Write { \"allow\": [...], \"deny\": [...], \"packages\": { ... } }.", Fields = LicensesShape, Description = "The licence allow and deny lists and the reviewed expressions (see docs/dependencies.md)." });

    /// <summary>Creates a policy.</summary>
    public LicensePolicy(IEnumerable<string> allowed, IEnumerable<string> denied, IReadOnlyDictionary<string, string>? packages = null)
    {
        Allowed = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
        Denied = new HashSet<string>(denied, StringComparer.OrdinalIgnoreCase);
        Packages = packages ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The defaults.</summary>
    public static LicensePolicy Default { get; } = new(DefaultAllowed, DefaultDenied);

    /// <summary>Allowed SPDX identifiers (case-insensitive).</summary>
    public IReadOnlySet<string> Allowed { get; }

    /// <summary>Denied SPDX identifiers (case-insensitive).</summary>
    public IReadOnlySet<string> Denied { get; }

    /// <summary>Reviewed licence expressions by package id or "id/version" (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Packages { get; }

    /// <summary>Judges one identifier: deny wins over allow.</summary>
    public LicenseVerdict Judge(string identifier) =>
        Denied.Contains(identifier) ? LicenseVerdict.Denied
        : Allowed.Contains(identifier) ? LicenseVerdict.Allowed
        : LicenseVerdict.NotAllowed;

    /// <summary>The reviewed expression for a package, "id/version" first, then "id"; or null.</summary>
    public string? ReviewedLicense(string id, string version) =>
        Packages.TryGetValue($"{id}/{version}", out var exact) ? exact
        : Packages.TryGetValue(id, out var any) ? any
        : null;

    /// <summary>
    /// Reads the policy from standards.json ("dependencies" section, then the rule parameters). Problems in
    /// the section are STD0002 findings with the line; what is valid still applies.
    /// </summary>
    public static (LicensePolicy Policy, IReadOnlyList<Finding> Problems) From(StandardsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<Finding>();
        var path = policy.SourcePath ?? PolicyLoader.FileName;
        IReadOnlyList<string>? allow = null;
        IReadOnlyList<string>? deny = null;
        var packages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        if (policy.Document?.Get("dependencies") is { } section)
        {
            var licenses = PolicySection.Read(section, SectionShape, path, problems, DocsHint)!.GetObject("licenses");
            if (PolicySection.Read(licenses, LicensesShape, path, problems, DocsHint) is { } read)
            {
                allow = List(read.GetArray("allow"), "dependencies.licenses.allow", path, problems);
                deny = List(read.GetArray("deny"), "dependencies.licenses.deny", path, problems);
                ReadPackages(read.GetObject("packages"), path, problems, packages);
            }
        }

        allow ??= Parameter(policy, DependencyRuleIds.LicenseNotAllowed, "allow") ?? DefaultAllowed;
        deny ??= Parameter(policy, DependencyRuleIds.LicenseDenied, "deny") ?? DefaultDenied;
        return (new LicensePolicy(allow, deny, packages), problems);
    }

    private static List<string>? Parameter(StandardsPolicy policy, string ruleId, string name) =>
        policy.Rules.TryGetValue(ruleId, out var setting) && setting.Parameters.TryGetValue(name, out var value)
            ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null;

    private static List<string>? List(JsonArrayNode? array, string name, string path, List<Finding> problems) =>
        PolicySection.Strings(array, $"'{name}' must be an array of SPDX licence identifiers (non-empty strings).", path, problems);

    private static void ReadPackages(JsonObjectNode? obj, string path, List<Finding> problems, Dictionary<string, string> packages)
    {
        if (obj is null)
        {
            return;
        }

        foreach (var property in obj.Properties)
        {
            if (property.Name.Trim().Length == 0 || property.Value is not JsonStringNode { Value.Length: > 0 } expression)
            {
                problems.Add(PolicyLoader.Shape(path, property.Value, $"'dependencies.licenses.packages.{property.Name}' must be a non-empty package id mapped to an SPDX licence expression string."));
                continue;
            }

            if (!LicenseExpression.TryEvaluate(expression.Value, _ => LicenseVerdict.Allowed, out _))
            {
                problems.Add(PolicyLoader.Shape(path, expression, $"'{expression.Value}' (for {property.Name}) is not a valid SPDX licence expression, e.g. \"MIT\" or \"(MIT OR Apache-2.0)\"."));
                continue;
            }

            packages[property.Name.Trim()] = expression.Value;
        }
    }
}
