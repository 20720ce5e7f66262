using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// How the checks read the analyzer rules declared in StandardsAnalyzerRules.cs: each declaration becomes the
/// catalog's <see cref="RuleDefinition"/> (the analyzers compile the same declarations into their descriptors).
/// </summary>
public static partial class StandardsAnalyzerRules
{
    /// <summary>
    /// A declaration as the catalog sees it. The message, category and description are the descriptor's only: the
    /// analyzers report with them, and AnalyzerReleases.Unshipped.md is generated with <see cref="Category"/>.
    /// Internal so that tests can declare a sample rule the way the guide says (docs/contributing.md).
    /// </summary>
    internal static RuleDefinition Declare(
        string id,
        string title,
        string messageFormat,
        string category,
        Severity defaultSeverity,
        bool isEnabledByDefault,
        string description,
        string profile,
        bool locked = false,
        params RuleParameter[] parameters)
    {
        // Read by the analyzers' build of the declarations, not by the catalog.
        _ = (messageFormat, category, isEnabledByDefault, description);
        return new RuleDefinition
        {
            Id = id,
            Title = title,
            Area = RuleCatalog.BuildPolicy,
            Origin = RuleOrigin.StandardsAnalyzer,
            DefaultSeverity = defaultSeverity,
            Source = profile,
            Locked = locked,
            Parameters = parameters,
        };
    }

    /// <summary>A whole-number parameter written to the analyzer config under <paramref name="analyzerOption"/>.</summary>
    internal static RuleParameter Number(string name, int @default, string description, string analyzerOption) =>
        new(name, @default.ToString(CultureInfo.InvariantCulture), null, description, analyzerOption);

    /// <summary>A comma-separated list parameter written to the analyzer config under <paramref name="analyzerOption"/>.</summary>
    internal static RuleParameter List(string name, string @default, string description, string analyzerOption) =>
        new(name, @default, null, description, analyzerOption, IsList: true);
}
