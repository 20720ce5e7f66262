using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>A package that transitive pinning would downgrade in a project (NU1109): from the version its graph asks for to the central one.</summary>
/// <param name="Package">The package id.</param>
/// <param name="From">The version the project's graph resolves without pinning.</param>
/// <param name="To">The central version pinning would force.</param>
/// <param name="Project">The repo-relative project that restore failed for.</param>
public sealed record PinningDowngrade(string Package, string From, string To, string Project);

/// <summary>
/// Transitive pinning (<c>CentralPackageTransitivePinningEnabled</c>) when adopt is the one that turns it on: in a
/// repo whose graph resolves a package transitively above the version <c>Directory.Packages.props</c> holds for it
/// (a package one project references directly at an older version, another gets newer through a dependency),
/// pinning makes the central version win and restore fails with NU1109, a downgrade, on packages that restored
/// cleanly before. Raising the central version would change what the direct references resolve to, so adopt
/// leaves pinning off instead (<c>false</c> in <c>Directory.Packages.props</c>, which the SDK's default respects),
/// names the packages it would downgrade and keeps that under a dated STD2001 exception scoped to the file, so
/// turning pinning on stays a decision for the repo's owner. A repo that turned pinning on itself is not changed:
/// its NU1109 was there before the adoption and fails the run as any restore error does.
/// </summary>
public static partial class TransitivePinning
{
    /// <summary>The property.</summary>
    public const string Property = "CentralPackageTransitivePinningEnabled";

    [GeneratedRegex(@"package downgrade: (?<id>[^\s]+) from (?<from>[^\s]+) to centrally defined (?<to>[^\s]+?)\.?(\s|$)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DowngradeMessage();

    [GeneratedRegex(@"<CentralPackageTransitivePinningEnabled>\s*true\s*</CentralPackageTransitivePinningEnabled>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PinningOn();

    [GeneratedRegex(@"[^A-Za-z0-9._-]", RegexOptions.CultureInvariant)]
    private static partial Regex NotIdCharacter();

    [GeneratedRegex(@"-{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex RunOfDashes();

    /// <summary>The downgrades a restore's diagnostics report (NU1109), one per package and project.</summary>
    public static IReadOnlyList<PinningDowngrade> Downgrades(IEnumerable<BuildDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics
            .Where(d => d.IsError && string.Equals(d.Code, "NU1109", StringComparison.OrdinalIgnoreCase))
            .Select(d => (Diagnostic: d, Match: DowngradeMessage().Match(d.Message)))
            .Where(m => m.Match.Success)
            .Select(m => new PinningDowngrade(m.Match.Groups["id"].Value, m.Match.Groups["from"].Value, m.Match.Groups["to"].Value, m.Diagnostic.File.Length > 0 ? m.Diagnostic.File : m.Diagnostic.Project))
            .DistinctBy(d => (d.Package.ToUpperInvariant(), d.Project))
            .ToList();
    }

    /// <summary>
    /// True when pinning is adopt's own change: the repo's <c>Directory.Packages.props</c> (null: none) does not set
    /// the property, so pinning comes from adopt's edit or from Standards.Sdk's default.
    /// </summary>
    public static bool IsAdoptsOwn(string? repoPackagesProps) =>
        repoPackagesProps is null || !repoPackagesProps.Contains("<" + Property, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="packagesProps"/> (adopt's Directory.Packages.props) with pinning off: the <c>true</c> adopt
    /// wrote becomes <c>false</c> with a comment saying why; without one, a property group that sets it is added.
    /// </summary>
    public static string TurnOff(string packagesProps, IReadOnlyList<PinningDowngrade> downgrades)
    {
        ArgumentNullException.ThrowIfNull(packagesProps);
        ArgumentNullException.ThrowIfNull(downgrades);
        // The ids come from restore's output: only a package id's characters go into the XML comment, never "--".
        var packages = string.Join(", ", downgrades.Select(d => RunOfDashes().Replace(NotIdCharacter().Replace(d.Package, "_"), "-")).Distinct(StringComparer.OrdinalIgnoreCase));
        var off = $"<!-- Off: transitive pinning would downgrade {packages} (NU1109); see the STD2001 exception in {CoverageMinimums.PolicyFile}. -->\n    <{Property}>false</{Property}>";
        if (PinningOn().IsMatch(packagesProps))
        {
            return PinningOn().Replace(packagesProps, off.Replace("$", "$$", StringComparison.Ordinal), 1);
        }

        var close = packagesProps.LastIndexOf("</Project>", StringComparison.Ordinal);
        return close < 0 ? packagesProps : packagesProps.Insert(close, $"  <PropertyGroup>\n    {off}\n  </PropertyGroup>\n");
    }

    /// <summary>standards.json (null: none yet) with the dated STD2001 exception for Directory.Packages.props that keeps pinning off.</summary>
    public static string AddException(string? policy, IReadOnlyList<PinningDowngrade> downgrades, DateOnly today) =>
        NullableAdoption.AddException(policy, DependencyRuleIds.CentralPackageManagement, CentralPackages.FileName, Reason(downgrades), today);

    /// <summary>The line adopt prints: which packages pinning would downgrade, where, and what it did instead.</summary>
    public static string ChangeLine(IReadOnlyList<PinningDowngrade> downgrades) =>
        $"{CentralPackages.FileName}: transitive pinning left off ({Property} false): it would downgrade {Describe(downgrades)} (NU1109), which restored cleanly before; kept under a dated STD2001 exception for \"{CentralPackages.FileName}\" in {CoverageMinimums.PolicyFile} (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days)";

    private static string Reason(IReadOnlyList<PinningDowngrade> downgrades) =>
        $"Transitive pinning is off since the adoption: it would downgrade {Describe(downgrades)} (NU1109). Name its owner; raise each central version to the one the graph resolves (or reference the package directly where the older version is wanted), set {Property} to true and remove this entry before the expiry.";

    private static string Describe(IReadOnlyList<PinningDowngrade> downgrades)
    {
        var shown = downgrades.Take(5).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Package} {d.From} -> {d.To} in {d.Project}"));
        var more = downgrades.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" and {downgrades.Count - 5} more") : string.Empty;
        return string.Join(", ", shown) + more;
    }
}
