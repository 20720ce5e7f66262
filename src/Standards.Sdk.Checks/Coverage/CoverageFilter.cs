using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// What counts: the assemblies under test (the projects a test project references, not the test assembly and
/// not third-party code), without generated code (files under obj/, *.g.cs, *.designer.cs, ...) and without the
/// repo's <c>coverage.exclude</c> globs.
/// </summary>
public static class CoverageFilter
{
    private static readonly string[] GeneratedSuffixes =
        [".g.cs", ".g.i.cs", ".generated.cs", ".designer.cs", ".AssemblyInfo.cs", ".AssemblyAttributes.cs"];

    /// <summary>True for a generated source file.</summary>
    public static bool IsGenerated(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var normalized = file.Replace('\\', '/');
        return normalized.Split('/').Contains("obj", StringComparer.Ordinal)
            || GeneratedSuffixes.Any(s => normalized.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The report restricted to <paramref name="assemblies"/> (all when null), without generated and excluded files.</summary>
    public static CoverageReport Apply(CoverageReport report, IReadOnlyCollection<string>? assemblies, IReadOnlyList<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(exclude);
        var packages = report.Packages
            .Where(p => assemblies is null || assemblies.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => p with { Classes = [.. p.Classes.Where(c => !IsGenerated(c.File) && !exclude.Any(g => Glob.IsMatch(g, c.File)))] })
            .ToList();
        return new CoverageReport(packages);
    }
}
