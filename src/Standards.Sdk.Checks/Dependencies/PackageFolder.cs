using System.Xml;
using System.Xml.Linq;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>What a restored package's folder says about it: its .nuspec, its declared licence, its SHA-512.</summary>
/// <param name="Folders">The package folders project.assets.json names, in NuGet's order.</param>
/// <param name="ReadFile">Reads an absolute path; null when it cannot be read.</param>
public sealed record PackageFolder(IReadOnlyList<string> Folders, Func<string, string?> ReadFile)
{
    /// <summary>The .nuspec text and the package folder it was found in, or nulls.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="path">The package's folder relative to a package folder (<c>id/version</c>, lower-case).</param>
    /// <param name="files">The files project.assets.json lists for the package (names the .nuspec).</param>
    public (string? Text, string? Folder) Nuspec(string id, string path, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(id);
        var name = files.FirstOrDefault(f => f.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !f.Contains('/', StringComparison.Ordinal))
            ?? $"{id.ToLowerInvariant()}.nuspec";
        foreach (var folder in Folders)
        {
            if (Combine(folder, path, name) is { } full && ReadFile(full) is { } text)
            {
                return (text, folder);
            }
        }

        return (null, null);
    }

    /// <summary>The licence the package declares (a licence file inside it is recognised when it is MIT, Apache-2.0 or GNU).</summary>
    public DeclaredLicense DeclaredLicense(string id, string path, IEnumerable<string> files)
    {
        var (text, folder) = Nuspec(id, path, files);
        if (text is null)
        {
            return new DeclaredLicense(null, "no .nuspec in the package folders (restore the project)");
        }

        var declared = NuspecLicense.Read(text);
        if (declared.LicenseFile is not { } file || file.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(file))
        {
            return declared;
        }

        return Combine(folder!, path, file) is { } full && ReadFile(full) is { } licence && NuspecLicense.FromLicenseText(licence) is { } expression
            ? new DeclaredLicense(expression, $"{expression} (recognised from the licence file {file} in the package)")
            : declared;
    }

    /// <summary>The base64 SHA-512 of the .nupkg NuGet wrote next to it (<c>id.version.nupkg.sha512</c>), or null.</summary>
    public string? Sha512(string id, string version, string path)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        var name = $"{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.nupkg.sha512";
        foreach (var folder in Folders)
        {
            if (Combine(folder, path, name) is { } full && ReadFile(full) is { } text && text.Trim().Length > 0)
            {
                return text.Trim();
            }
        }

        return null;
    }

    /// <summary>The authors a .nuspec names (the package's supplier in an SBOM), or null.</summary>
    public static string? Authors(string nuspecText)
    {
        ArgumentNullException.ThrowIfNull(nuspecText);
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var stringReader = new StringReader(nuspecText);
            using var reader = XmlReader.Create(stringReader, settings);
            var metadata = XDocument.Load(reader).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            var authors = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "authors")?.Value.Trim();
            return string.IsNullOrEmpty(authors) ? null : authors;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Combine(string folder, string path, string name)
    {
        try
        {
            return Path.Combine(folder, path, name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
