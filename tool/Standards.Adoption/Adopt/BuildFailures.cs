using System.Globalization;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// Tells a build that did not run from a build with findings. A restore or build the tool runs in its copy of the
/// repo can fail before any code is judged: the SDK or an import not found, a project that does not load, a package
/// or feed missing, a project restore skipped. Such a build measured nothing, so it is a coded error
/// (<see cref="ToolRuleIds.BuildDidNotRun"/>, nothing written), never a finding count or "no new findings".
/// </summary>
public static class BuildFailures
{
    /// <summary>
    /// The codes that say a project was not built at all (whatever their severity: NU1503 is a warning by default).
    /// MSBuild: SDK not found (MSB4236), import not found (MSB4019), project not loadable or missing (MSB4025,
    /// MSB3202, MSB1009), target or task missing (MSB4057, MSB4062), a task crash (MSB4018), an unresolvable SDK
    /// version (MSB4242); the .NET SDK: no assets file or no target for a framework (NETSDK1004, NETSDK1005,
    /// NETSDK1047), an unknown or unsupported framework (NETSDK1013, NETSDK1045); NuGet: a package, version or
    /// source missing (NU1100-NU1105, NU1301), a project whose restore was skipped (NU1503).
    /// </summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "MSB4236", "MSB4019", "MSB4025", "MSB3202", "MSB1009", "MSB4057", "MSB4062", "MSB4018", "MSB4242",
        "NETSDK1004", "NETSDK1005", "NETSDK1047", "NETSDK1013", "NETSDK1045",
        "NU1100", "NU1101", "NU1102", "NU1103", "NU1104", "NU1105", "NU1301", "NU1503",
    };

    /// <summary>True when the diagnostic says a project was not built (<see cref="Codes"/>).</summary>
    public static bool DidNotRun(BuildDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return Codes.Contains(diagnostic.Code);
    }

    /// <summary>
    /// Throws <see cref="ToolRuleIds.BuildDidNotRun"/> when <paramref name="diagnostics"/> of the <paramref name="step"/>
    /// hold a diagnostic that says a project was not built, naming the first few and where they are.
    /// </summary>
    /// <param name="step">The command, as the message names it.</param>
    /// <param name="diagnostics">Its diagnostics.</param>
    /// <param name="feeds">The feeds the repo's NuGet configuration serves Standards.* from, for the advice on a version they lack.</param>
    public static void ThrowIfDidNotRun(string step, IEnumerable<BuildDiagnostic> diagnostics, Func<string>? feeds = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var failures = diagnostics.Where(DidNotRun).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        var first = failures[0];
        var shown = string.Join(" | ", failures.Take(3).Select(Describe));
        var more = failures.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" ({failures.Count - 3} more)") : string.Empty;
        throw new ToolException(
            ToolRuleIds.BuildDidNotRun,
            $"{step} did not build the repo, so it measured nothing: {Sentence(shown + more)} {Hint(first.Code, feeds)} Nothing was written.",
            first.File.Length == 0 ? null : first.File,
            first.Line);
    }

    /// <summary>Text that ends a sentence: one period, whether or not the text (a build's message) brought its own.</summary>
    public static string Sentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimEnd().TrimEnd('.') + ".";
    }

    /// <summary>
    /// The advice for a package or SDK version the feeds do not serve: the version is missing from the configured feeds,
    /// which it lists, and how to add one. <paramref name="feeds"/> describes them (empty: none serves Standards.*).
    /// </summary>
    public static string NotOnFeeds(string feeds) =>
        $"The version is not on the configured feeds ({(string.IsNullOrEmpty(feeds) ? "none serves Standards.*" : feeds)}), or one of them cannot be reached: `dotnet restore` in the repo shows the same. Give a version they serve, or add the feed that has it: `dotnet nuget add source <folder or URL> --name <name> --configfile nuget.config` in the repo, with a <packageSourceMapping> entry for Standards.* when the repo maps its sources.";

    /// <summary>The fix for a code of <see cref="Codes"/>; <paramref name="feeds"/> lists the configured feeds for a version they lack.</summary>
    public static string Hint(string code, Func<string>? feeds = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.ToUpperInvariant() switch
        {
            "MSB4236" or "MSB4242" or "NU1100" or "NU1101" or "NU1102" or "NU1103" or "NU1104" or "NU1105" or "NU1301" => NotOnFeeds(feeds?.Invoke() ?? string.Empty),
            "MSB4019" => "A project imports a file that is not in the repo's files (an import out of the repo, or an ignored file): commit it, or import it from inside the repo.",
            _ => "Fix what the build reports (`dotnet build` in the repo shows the same), then run the command again.",
        };
    }

    private static string Describe(BuildDiagnostic d)
    {
        var where = d.File.Length == 0 ? d.Project : d.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{d.File}({d.Line})") : d.File;
        return $"{(where.Length == 0 ? string.Empty : where + ": ")}{d.Code}: {d.Message}";
    }
}
