using System.Xml;
using System.Xml.Linq;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>A package's declared licence: an SPDX expression, or why none could be determined.</summary>
/// <param name="Expression">The SPDX expression, or null when unknown.</param>
/// <param name="Description">What the package declares, for messages (e.g. "licenseUrl https://...").</param>
/// <param name="LicenseFile">The licence file inside the package (<c>&lt;license type="file"&gt;</c>), or null.</param>
public sealed record DeclaredLicense(string? Expression, string Description, string? LicenseFile = null);

/// <summary>
/// Reads the licence of a package from its .nuspec: <c>&lt;license type="expression"&gt;</c>, else a
/// <c>licenseUrl</c> that names a licence (licenses.nuget.org/&lt;expression&gt; and a few well-known
/// addresses), else unknown.
/// </summary>
public static class NuspecLicense
{
    private static readonly Dictionary<string, string> KnownUrls = new(StringComparer.OrdinalIgnoreCase)
    {
        ["opensource.org/licenses/mit"] = "MIT",
        ["opensource.org/licenses/mit-license.php"] = "MIT",
        ["opensource.org/licenses/apache-2.0"] = "Apache-2.0",
        ["apache.org/licenses/license-2.0"] = "Apache-2.0",
        ["apache.org/licenses/license-2.0.txt"] = "Apache-2.0",
        ["apache.org/licenses/license-2.0.html"] = "Apache-2.0",
        ["opensource.org/licenses/bsd-2-clause"] = "BSD-2-Clause",
        ["opensource.org/licenses/bsd-3-clause"] = "BSD-3-Clause",
        ["opensource.org/licenses/isc"] = "ISC",
        ["opensource.org/licenses/ms-pl"] = "MS-PL",
        ["opensource.org/licenses/ms-pl.html"] = "MS-PL",
        ["unlicense.org"] = "Unlicense",
        ["raw.githubusercontent.com/xunit/xunit/master/license.txt"] = "Apache-2.0",
        ["github.com/dotnet/corefx/blob/master/license.txt"] = "MIT",
        ["github.com/dotnet/runtime/blob/main/license.txt"] = "MIT",
        ["github.com/dotnet/standard/blob/master/license.txt"] = "MIT",
        ["github.com/microsoft/dotnet/blob/master/license"] = "MIT",
        ["github.com/jamesnk/newtonsoft.json/blob/master/license.md"] = "MIT",
        ["github.com/moq/moq4/blob/master/license.txt"] = "BSD-3-Clause",
        ["nunit.org/nuget/nunit3-license.txt"] = "MIT",
    };

    /// <summary>Reads the declared licence; never throws.</summary>
    public static DeclaredLicense Read(string nuspecText)
    {
        ArgumentNullException.ThrowIfNull(nuspecText);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var stringReader = new StringReader(nuspecText);
            using var reader = XmlReader.Create(stringReader, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return new DeclaredLicense(null, $"an unreadable .nuspec ({ex.Message})");
        }

        var metadata = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        var license = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        if (license is not null)
        {
            var type = license.Attribute("type")?.Value;
            var value = license.Value.Trim();
            if (string.Equals(type, "expression", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                return new DeclaredLicense(value, value);
            }

            if (string.Equals(type, "file", StringComparison.OrdinalIgnoreCase))
            {
                return new DeclaredLicense(null, $"a licence file inside the package ({value})", value.Length > 0 ? value : null);
            }
        }

        var url = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return new DeclaredLicense(null, "no licence at all");
        }

        var mapped = FromUrl(url);
        return new DeclaredLicense(mapped, mapped is null ? $"only a licence URL ({url})" : mapped);
    }

    /// <summary>
    /// The licence a licence file inside a package is the text of, recognised by the wording every copy of
    /// that licence has: MIT and Apache-2.0, and the GNU licences (so a denied licence is not let through as
    /// unknown). Null when the text is none of them.
    /// </summary>
    public static string? FromLicenseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        if (flat.Contains("GNU AFFERO GENERAL PUBLIC LICENSE", StringComparison.Ordinal))
        {
            return "AGPL-3.0";
        }

        if (flat.Contains("GNU LESSER GENERAL PUBLIC LICENSE", StringComparison.Ordinal) || flat.Contains("GNU LIBRARY GENERAL PUBLIC LICENSE", StringComparison.Ordinal))
        {
            return null;
        }

        if (flat.Contains("GNU GENERAL PUBLIC LICENSE", StringComparison.Ordinal))
        {
            return flat.Contains("VERSION 3", StringComparison.Ordinal) ? "GPL-3.0" : flat.Contains("VERSION 2", StringComparison.Ordinal) ? "GPL-2.0" : null;
        }

        if (flat.Contains("PERMISSION IS HEREBY GRANTED, FREE OF CHARGE, TO ANY PERSON OBTAINING A COPY", StringComparison.Ordinal)
            && flat.Contains("THE SOFTWARE IS PROVIDED \"AS IS\"", StringComparison.Ordinal))
        {
            return "MIT";
        }

        return flat.Contains("APACHE LICENSE", StringComparison.Ordinal) && flat.Contains("VERSION 2.0, JANUARY 2004", StringComparison.Ordinal)
            ? "Apache-2.0"
            : null;
    }

    /// <summary>The SPDX expression a licence URL names, or null.</summary>
    public static string? FromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        if (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        text = text.TrimEnd('/');
        const string nugetLicenses = "licenses.nuget.org/";
        if (text.StartsWith(nugetLicenses, StringComparison.OrdinalIgnoreCase))
        {
            var expression = Uri.UnescapeDataString(text[nugetLicenses.Length..]).Trim();
            return expression.Length > 0 && LicenseExpression.TryEvaluate(expression, _ => LicenseVerdict.Allowed, out _) ? expression : null;
        }

        return KnownUrls.GetValueOrDefault(text);
    }
}
