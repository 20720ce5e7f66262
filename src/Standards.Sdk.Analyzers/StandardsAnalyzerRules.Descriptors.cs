using Microsoft.CodeAnalysis;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// How the analyzers read the rules declared in StandardsAnalyzerRules.cs (shared with the checks): each declaration
/// is the rule's <see cref="DiagnosticDescriptor"/>. <see cref="Declare"/> has the shape Microsoft.CodeAnalysis.Analyzers
/// recognises as a descriptor factory (returns a descriptor, first parameter a string named <c>id</c>), so release
/// tracking and the descriptor checks see every declaration's constant arguments.
/// </summary>
public static partial class StandardsAnalyzerRules
{
    /// <summary>A declaration as the analyzers see it: the descriptor; the profile rows, lock and numbers are the catalog's.</summary>
    internal static DiagnosticDescriptor Declare(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        bool isEnabledByDefault,
        string description,
        string profile,
        bool locked = false,
        params RuleParameter[] parameters)
    {
        // Read by the checks' build of the declarations (the rule catalog); the analyzers read the parameters
        // through their fields.
        _ = (profile, locked, parameters);

        // No helpLinkUri: the compiler would append it to every message, after the configurable link ours end with.
        return new DiagnosticDescriptor(id, title, messageFormat, category, defaultSeverity, isEnabledByDefault, description);
    }

    /// <summary>A whole-number parameter the analyzers read from the analyzer config key <paramref name="analyzerOption"/>.</summary>
    internal static RuleParameter Number(string name, int @default, string description, string analyzerOption) =>
        new(name, @default.ToString(System.Globalization.CultureInfo.InvariantCulture), description, analyzerOption, isList: false);

    /// <summary>A comma-separated list parameter the analyzers read from the analyzer config key <paramref name="analyzerOption"/>.</summary>
    internal static RuleParameter List(string name, string @default, string description, string analyzerOption) =>
        new(name, @default, description, analyzerOption, isList: true);
}
