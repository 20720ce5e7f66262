using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Packaging;

/// <summary>One difference package validation found (an entry of the suppression file it writes).</summary>
/// <param name="DiagnosticId">The .NET SDK's code (CP0002, PKV006, ...).</param>
/// <param name="Target">The API or framework it is about (<c>M:Lib.Widget.Resize(System.Int32)</c>).</param>
/// <param name="Left">The side compared from (the baseline's asset, or one framework's).</param>
/// <param name="Right">The side compared to (this package's asset).</param>
/// <param name="AgainstBaseline">True for a comparison with the released package, false for one within this package.</param>
public sealed record ApiDifference(string DiagnosticId, string Target, string Left, string Right, bool AgainstBaseline);

/// <summary>
/// Turns what the .NET SDK's package validation found into our findings: a difference from the released package is a
/// breaking change without a major version (STD6060: only a new major version may break), one between the package's
/// own target frameworks is STD6063. The validation runs with <c>ApiCompatGenerateSuppressionFile</c>, so it writes
/// every difference to a file instead of failing with its CP/PKV codes; this reads that file, leaves out what the
/// project's own CompatibilitySuppressions.xml files accept, and names the change with the SDK's code and the meaning
/// the SDK documents for it (docs/rules/STD6060.md lists them).
/// </summary>
public static class ApiCompatibilityReport
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PKV001"] = "a compile-time asset for a compatible framework is missing",
        ["PKV002"] = "a run-time asset for a compatible framework and runtime is missing",
        ["PKV003"] = "a runtime-independent asset for a compatible framework is missing",
        ["PKV004"] = "a compatible run-time asset for a compile-time asset is missing",
        ["PKV005"] = "a compatible run-time asset for a compile-time asset and a supported runtime identifier is missing",
        ["PKV006"] = "a target framework was dropped",
        ["PKV007"] = "a target framework and runtime identifier pair was dropped",
        ["CP0001"] = "a type visible outside the assembly was removed",
        ["CP0002"] = "a member visible outside the assembly was removed or its signature changed",
        ["CP0003"] = "the assembly identity (name, public key token, culture, retargetable or version) changed",
        ["CP0004"] = "an assembly is missing on one side",
        ["CP0005"] = "an abstract member was added to an unsealed type",
        ["CP0006"] = "a member was added to an interface without a default implementation",
        ["CP0007"] = "a base type was removed from the class hierarchy",
        ["CP0008"] = "a base interface was removed from the interface hierarchy",
        ["CP0009"] = "an unsealed type was made sealed",
        ["CP0010"] = "an enum's underlying type changed",
        ["CP0011"] = "an enum member's value changed",
        ["CP0012"] = "the virtual keyword was removed from a member",
        ["CP0013"] = "the virtual keyword was added to a member",
        ["CP0014"] = "an attribute was removed from a member",
        ["CP0015"] = "the arguments of an attribute changed",
        ["CP0016"] = "an attribute was added to a member",
        ["CP0017"] = "a parameter was renamed",
        ["CP0018"] = "the sealed keyword was added to an interface member",
        ["CP0019"] = "a member's visibility was reduced",
        ["CP0020"] = "a member's visibility was expanded",
        ["CP0021"] = "a generic constraint was added",
    };

    /// <summary>Reads a suppression file's entries; null when the text is not one (a file that cannot be read).</summary>
    public static IReadOnlyList<ApiDifference>? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var root = XDocument.Parse(text).Root;
            if (root is null || root.Name.LocalName != "Suppressions")
            {
                return null;
            }

            return [.. root.Elements().Where(e => e.Name.LocalName == "Suppression").Select(e => new ApiDifference(
                Value(e, "DiagnosticId"), Value(e, "Target"), Value(e, "Left"), Value(e, "Right"),
                string.Equals(Value(e, "IsBaselineSuppression"), "true", StringComparison.OrdinalIgnoreCase)))];
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The findings for the differences the validation wrote.</summary>
    /// <param name="differencesFile">The file the validation wrote (absolute; in messages by name).</param>
    /// <param name="differencesText">Its text; null when the validation wrote none (it found nothing).</param>
    /// <param name="accepted">The entries of the project's own suppression files, which are left out.</param>
    /// <param name="context">Package id, versions and project file.</param>
    public static IReadOnlyList<Finding> Run(string differencesFile, string? differencesText, IReadOnlyList<ApiDifference> accepted, ApiCompatibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(differencesFile);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(context);
        if (differencesText is null)
        {
            return [];
        }

        if (Parse(differencesText) is not { } differences)
        {
            return [new Finding(ReleaseRuleIds.BreakingChangeWithoutMajor, Severity.Error,
                $"{context.PackageId} {context.PackageVersion}: the result of package validation ({Path.GetFileName(differencesFile)}) is not a suppression file Standards.Sdk can read, so the API was not checked. Pack again; if it persists, report it with the file attached.",
                context.ProjectFile, 1)];
        }

        var acceptedSet = new HashSet<ApiDifference>(accepted);
        return [.. differences.Where(d => !acceptedSet.Contains(d)).Distinct().Select(d => ToFinding(d, context))];
    }

    private static Finding ToFinding(ApiDifference difference, ApiCompatibilityContext context)
    {
        var meaning = Meanings.GetValueOrDefault(difference.DiagnosticId) ?? "an incompatibility";
        var sides = difference.Left == difference.Right ? difference.Right : $"{difference.Left} -> {difference.Right}";
        if (!difference.AgainstBaseline)
        {
            return new Finding(ReleaseRuleIds.ApiDiffersBetweenFrameworks, Severity.Error,
                $"{context.PackageId} {context.PackageVersion}: {difference.DiagnosticId} {meaning}: {difference.Target} ({sides}). A consumer that moves between these frameworks breaks: make the API the same for every target framework of the package.",
                context.ProjectFile, 1);
        }

        return new Finding(ReleaseRuleIds.BreakingChangeWithoutMajor, Severity.Error,
            $"{context.PackageId} {context.PackageVersion} breaks the API of release {context.BaselineVersion}: {difference.DiagnosticId} {meaning}: {difference.Target} ({sides}). Only a new major version may break its API: restore it, or raise the major version in version.json.",
            context.ProjectFile, 1);
    }

    private static string Value(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? string.Empty;
}

/// <summary>What the API compatibility findings name.</summary>
/// <param name="ProjectFile">The project file.</param>
/// <param name="PackageId">The package id.</param>
/// <param name="PackageVersion">The version packed.</param>
/// <param name="BaselineVersion">The release compared with ("(none)" when only the package itself was validated).</param>
public sealed record ApiCompatibilityContext(string ProjectFile, string PackageId, string PackageVersion, string BaselineVersion);
