using System.Globalization;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>Where the version height goes in a version (Nerdbank.GitVersioning's rule, docs/release.md).</summary>
public enum HeightPosition
{
    /// <summary>The version has all four numbers and no <c>{height}</c>: the height appears nowhere.</summary>
    None,

    /// <summary><c>x.y</c>: the height is the third number (<c>x.y.height</c>).</summary>
    Build,

    /// <summary><c>x.y.z</c>: the height is the fourth number (<c>x.y.z.height</c>).</summary>
    Revision,

    /// <summary>The prerelease label holds <c>{height}</c> (e.g. <c>1.2.0-beta.{height}</c>).</summary>
    Prerelease,
}

/// <summary>
/// The <c>version</c> of a version.json: <c>major.minor[.build[.revision]][-prerelease][+metadata]</c>, where
/// prerelease and metadata identifiers may be the macro <c>{height}</c> and a leading <c>v</c> is allowed
/// (the format of Nerdbank.GitVersioning's version.schema.json).
/// </summary>
/// <param name="Major">First number.</param>
/// <param name="Minor">Second number.</param>
/// <param name="Build">Third number, or -1 when absent.</param>
/// <param name="Revision">Fourth number, or -1 when absent.</param>
/// <param name="Prerelease">The prerelease label with its leading '-', or empty.</param>
/// <param name="BuildMetadata">The build metadata with its leading '+', or empty.</param>
public sealed partial record VersionSpec(int Major, int Minor, int Build, int Revision, string Prerelease, string BuildMetadata)
{
    /// <summary>The macro replaced by the version height.</summary>
    public const string HeightMacro = "{height}";

    /// <summary>Where the height goes.</summary>
    public HeightPosition HeightPosition =>
        Prerelease.Contains(HeightMacro, StringComparison.Ordinal) ? HeightPosition.Prerelease
        : Build < 0 ? HeightPosition.Build
        : Revision < 0 ? HeightPosition.Revision
        : HeightPosition.None;

    /// <summary>Parses a version; null when it does not have the format.</summary>
    public static VersionSpec? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        int Number(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : -1;
        try
        {
            return new VersionSpec(Number("major"), Number("minor"), Number("build"), Number("revision"),
                match.Groups["pre"].Value, match.Groups["meta"].Value);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The numbers up to the height position, the label and the metadata are equal (the height does not reset).</summary>
    public bool KeepsHeightOf(VersionSpec other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (this == other)
        {
            return true;
        }

        var position = other.HeightPosition;
        if (HeightPosition != position)
        {
            return false;
        }

        return position switch
        {
            // With {height} in the label, the whole version must be the same.
            HeightPosition.Prerelease or HeightPosition.None => false,
            HeightPosition.Build => Major == other.Major && Minor == other.Minor,
            _ => Major == other.Major && Minor == other.Minor && Build == other.Build,
        };
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var numbers = $"{Major}.{Minor}" + (Build >= 0 ? $".{Build}" : string.Empty) + (Revision >= 0 ? $".{Revision}" : string.Empty);
        return numbers + Prerelease + BuildMetadata;
    }

    // Numbers without leading zeros; identifiers of letters, digits and '-', or the {height} macro.
    [GeneratedRegex(@"^v?(?<major>0|[1-9][0-9]*)\.(?<minor>0|[1-9][0-9]*)(?:\.(?<build>0|[1-9][0-9]*)(?:\.(?<revision>0|[1-9][0-9]*))?)?(?<pre>-(?:[0-9A-Za-z-]+|\{height\})(?:\.(?:[0-9A-Za-z-]+|\{height\}))*)?(?<meta>\+(?:[0-9A-Za-z-]+|\{height\})(?:\.(?:[0-9A-Za-z-]+|\{height\}))*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
