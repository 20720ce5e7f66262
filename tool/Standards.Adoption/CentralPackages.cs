using System.Globalization;
using System.Security;
using System.Text;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// Directory.Packages.props for central package management with transitive pinning
/// (https://learn.microsoft.com/nuget/consume-packages/central-package-management): one <c>PackageVersion</c> per
/// package the projects referenced with an inline version.
/// </summary>
public static class CentralPackages
{
    /// <summary>The file name at the repo root.</summary>
    public const string FileName = "Directory.Packages.props";

    /// <summary>
    /// The version each package gets centrally: the one every project used, or, when projects disagree, the
    /// highest (the others keep theirs as VersionOverride).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Choose(IEnumerable<InlinePackageVersion> versions) =>
        versions.GroupBy(v => v.Package, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Version).OrderByDescending(v => v, VersionTextComparer.Instance).First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The new Directory.Packages.props text: <paramref name="existing"/> (null when there is none) with the
    /// missing <c>PackageVersion</c>s and the two switches added. Null when nothing changes.
    /// </summary>
    public static string? Write(string? existing, IReadOnlyDictionary<string, string> central)
    {
        ArgumentNullException.ThrowIfNull(central);
        if (existing is null)
        {
            return NewFile(central);
        }

        // Its own code (STD7505, like global.json): it is the repo's package configuration, not a project the tool edits.
        var document = ProjectFileEditor.ParseXml(FileName, existing, ToolRuleIds.ConfigurationMalformed,
            "the tool adds package versions to it and will not touch it while it cannot be read (`dotnet restore` fails on it too). Fix the file at that line and run the command again.");
        var known = document.Descendants("PackageVersion")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = central.Where(p => !known.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToList();
        var hasManage = document.Descendants("ManagePackageVersionsCentrally").Any();
        var hasPinning = document.Descendants("CentralPackageTransitivePinningEnabled").Any();
        if (missing.Count == 0 && hasManage && hasPinning)
        {
            return null;
        }

        var close = existing.LastIndexOf("</Project>", StringComparison.Ordinal);
        var text = existing.Insert(close, Addition(hasManage, hasPinning, missing));
        ProjectFileEditor.Parse(FileName, text);
        return text;
    }

    /// <summary>A new Directory.Packages.props with both switches and every version.</summary>
    private static string NewFile(IReadOnlyDictionary<string, string> central)
    {
        var builder = new StringBuilder();
        builder.Append("<Project>\n");
        builder.Append("  <!-- Central package management (written by `dotnet standards adopt`): every package version of the repo is here,\n");
        builder.Append("       and transitive pinning makes these versions win for transitive dependencies too. -->\n");
        builder.Append("  <PropertyGroup>\n");
        builder.Append("    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n");
        builder.Append("    <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>\n");
        builder.Append("  </PropertyGroup>\n");
        builder.Append("  <ItemGroup>\n");
        foreach (var (package, version) in central.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            builder.Append(CultureInfo.InvariantCulture, $"    <PackageVersion Include=\"{SecurityElement.Escape(package)}\" Version=\"{SecurityElement.Escape(version)}\" />\n");
        }

        builder.Append("  </ItemGroup>\n</Project>\n");
        return builder.ToString();
    }

    /// <summary>What an existing file lacks: the switches it does not set and the missing versions.</summary>
    private static string Addition(bool hasManage, bool hasPinning, List<KeyValuePair<string, string>> missing)
    {
        var insert = new StringBuilder();
        insert.Append("  <!-- Added by `dotnet standards adopt`. -->\n");
        if (!hasManage || !hasPinning)
        {
            insert.Append("  <PropertyGroup>\n");
            if (!hasManage)
            {
                insert.Append("    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n");
            }

            if (!hasPinning)
            {
                insert.Append("    <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>\n");
            }

            insert.Append("  </PropertyGroup>\n");
        }

        if (missing.Count > 0)
        {
            insert.Append("  <ItemGroup>\n");
            foreach (var (package, version) in missing)
            {
                insert.Append(CultureInfo.InvariantCulture, $"    <PackageVersion Include=\"{SecurityElement.Escape(package)}\" Version=\"{SecurityElement.Escape(version)}\" />\n");
            }

            insert.Append("  </ItemGroup>\n");
        }

        return insert.ToString();
    }

    /// <summary>Orders version texts as NuGet does for plain versions: numeric parts, then a release above its prereleases.</summary>
    private sealed class VersionTextComparer : IComparer<string>
    {
        public static VersionTextComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var (xNumbers, xLabel) = Split(x ?? string.Empty);
            var (yNumbers, yLabel) = Split(y ?? string.Empty);
            for (var i = 0; i < Math.Max(xNumbers.Length, yNumbers.Length); i++)
            {
                var compared = (i < xNumbers.Length ? xNumbers[i] : 0).CompareTo(i < yNumbers.Length ? yNumbers[i] : 0);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return (xLabel.Length == 0, yLabel.Length == 0) switch
            {
                (true, false) => 1,
                (false, true) => -1,
                _ => string.CompareOrdinal(xLabel, yLabel),
            };
        }

        private static (long[] Numbers, string Label) Split(string version)
        {
            var dash = version.IndexOf('-', StringComparison.Ordinal);
            var core = (dash < 0 ? version : version[..dash]).Split('+')[0];
            var label = dash < 0 ? string.Empty : version[(dash + 1)..];
            var numbers = core.Split('.').Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
            return (numbers, label);
        }
    }
}
