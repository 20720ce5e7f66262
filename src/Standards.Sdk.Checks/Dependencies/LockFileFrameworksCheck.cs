using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// STD2005 for a lock file without a section for one of the project's target frameworks, judged on the
/// EVALUATED target frameworks (so a <c>&lt;TargetFrameworks&gt;</c> in Directory.Build.props, an import or the
/// command line counts as much as one in the project file). Runs per project, where MSBuild has evaluated them;
/// the repo-wide dependency check reads project files as text and cannot.
/// </summary>
public static partial class LockFileFrameworksCheck
{
    /// <summary>The findings for one project.</summary>
    /// <param name="lockPath">The project's lock file (absolute), named in the finding.</param>
    /// <param name="lockText">Its text, or null when it does not exist (STD2004's business).</param>
    /// <param name="targetFrameworks">The evaluated TargetFrameworks (or TargetFramework), ';'-separated.</param>
    /// <param name="severity">The configured severity of STD2005 for the project.</param>
    /// <param name="locate">Finds the line that sets TargetFrameworks/TargetFramework.</param>
    public static IReadOnlyList<Finding> Run(string lockPath, string? lockText, string targetFrameworks, Severity severity, Func<string, PropertyLocation>? locate = null)
    {
        ArgumentNullException.ThrowIfNull(lockPath);
        ArgumentNullException.ThrowIfNull(targetFrameworks);
        if (lockText is null || severity == Severity.None)
        {
            return [];
        }

        var (lockFile, _) = PackagesLockFile.Parse(lockPath, lockText, DependencyRuleIds.RestoreCommand);
        if (lockFile is null)
        {
            // Malformed: STD2006 from the repository checks says so with the line.
            return [];
        }

        var findings = new List<Finding>();
        foreach (var alias in targetFrameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var keys = LockKeys(alias);
            if (keys is null || lockFile.Frameworks.Any(f => keys.Any(k => Matches(f.Framework, k))))
            {
                continue;
            }

            var where = locate?.Invoke("TargetFrameworks");
            var set = where is null ? string.Empty : where.Line > 0 ? $" (set in {Path.GetFileName(where.File)} line {where.Line})" : where.Suffix;
            findings.Add(new Finding(DependencyRuleIds.LockFileOutOfDate, severity,
                $"{Path.GetFileName(lockPath)} is out of date: the project targets {alias}{set} but the lock file has no section for it. CI restores in locked mode and fails with NU1004. Run `{DependencyRuleIds.RestoreCommand}` from the repo root, then commit the updated lock files.",
                lockPath, 1));
        }

        return findings;
    }

    /// <summary>
    /// The section name NuGet writes for a target framework alias, with a trailing '*' where NuGet adds a platform
    /// version (<c>net8.0-windows</c> is written <c>net8.0-windows7.0</c>); null for an alias it cannot tell.
    /// </summary>
    public static IReadOnlyList<string>? LockKeys(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var value = alias.Trim().ToLowerInvariant();
        if (Modern().Match(value) is { Success: true } modern && Number(modern.Groups["major"].Value) >= 5)
        {
            var core = $"net{modern.Groups["major"].Value}.{modern.Groups["minor"].Value}";
            return modern.Groups["platform"].Success ? [$"{core}-{modern.Groups["platform"].Value}*"] : [core];
        }

        if (Versioned().Match(value) is { Success: true } versioned)
        {
            var family = versioned.Groups["family"].Value == "netcoreapp" ? ".NETCoreApp" : ".NETStandard";
            return [$"{family},Version=v{versioned.Groups["major"].Value}.{versioned.Groups["minor"].Value}"];
        }

        if (Framework().Match(value) is { Success: true } framework)
        {
            var digits = framework.Groups["digits"].Value;
            return [$".NETFramework,Version=v{string.Join('.', digits.ToCharArray())}"];
        }

        return null;
    }

    /// <summary>True when <paramref name="section"/> is the lock file section NuGet writes for <paramref name="alias"/>; null when the alias cannot be told.</summary>
    public static bool? IsSectionOf(string section, string alias)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(alias);
        return LockKeys(alias) is { } keys ? keys.Any(k => Matches(section, k)) : null;
    }

    private static bool Matches(string section, string key) =>
        key.EndsWith('*')
            ? section.StartsWith(key[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(section, key, StringComparison.OrdinalIgnoreCase);

    private static int Number(string asciiDigits) =>
        asciiDigits.Length <= 6 ? int.Parse(asciiDigits, CultureInfo.InvariantCulture) : int.MaxValue;

    [GeneratedRegex(@"^net(?<major>[0-9]{1,3})\.(?<minor>[0-9]{1,3})(?:-(?<platform>[a-z]+))?(?:[0-9.]*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Modern();

    [GeneratedRegex(@"^(?<family>netcoreapp|netstandard)(?<major>[0-9]{1,3})\.(?<minor>[0-9]{1,3})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Versioned();

    [GeneratedRegex(@"^net(?<digits>[1-4][0-9]{1,2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Framework();
}
