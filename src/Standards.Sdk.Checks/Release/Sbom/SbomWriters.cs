using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Release.Sbom;

/// <summary>
/// Writes an <see cref="SbomDocument"/> as SPDX 2.3 JSON (spdx.github.io/spdx-spec/v2.3, the shape
/// Microsoft.Sbom.Targets writes under _manifest/) and as CycloneDX 1.6 JSON (cyclonedx.org/docs/1.6/json).
/// Output is deterministic: sorted content, fixed formatting, and identifiers (the SPDX document namespace, the
/// CycloneDX serial number) derived from a hash of the content instead of a random GUID.
/// </summary>
public static partial class SbomWriters
{
    /// <summary>Where each format goes inside a package or next to a publish output.</summary>
    public const string SpdxPath = "_manifest/spdx_2.3/manifest.spdx.json";

    /// <summary>The CycloneDX file's path.</summary>
    public const string CycloneDxPath = "_manifest/cyclonedx_1.6/bom.cdx.json";

    private const string SubjectId = "SPDXRef-RootPackage";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>SPDX 2.3 JSON. <paramref name="namespaceBase"/> prefixes the document namespace (an absolute URI).</summary>
    public static string Spdx(SbomDocument document, string namespaceBase)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(namespaceBase);
        var ids = SpdxIds(document);
        var body = Write(writer => SpdxBody(writer, document, ids, "{namespace}"));
        var uuid = StableUuid(body);
        var ns = $"{namespaceBase.TrimEnd('/')}/{Uri.EscapeDataString(document.Subject.Name)}-{Uri.EscapeDataString(document.Subject.Version)}-{uuid}";
        return Write(writer => SpdxBody(writer, document, ids, ns));
    }

    /// <summary>CycloneDX 1.6 JSON.</summary>
    public static string CycloneDx(SbomDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = Write(writer => CycloneDxBody(writer, document, "urn:uuid:{serial}"));
        return Write(writer => CycloneDxBody(writer, document, "urn:uuid:" + StableUuid(body)));
    }

    private static void SpdxBody(Utf8JsonWriter w, SbomDocument d, Dictionary<string, string> ids, string documentNamespace)
    {
        w.WriteStartObject();
        w.WriteString("spdxVersion", "SPDX-2.3");
        w.WriteString("dataLicense", "CC0-1.0");
        w.WriteString("SPDXID", "SPDXRef-DOCUMENT");
        w.WriteString("name", $"{d.Subject.Name} {d.Subject.Version}");
        w.WriteString("documentNamespace", documentNamespace);
        w.WriteStartObject("creationInfo");
        w.WriteString("created", d.TimestampText);
        w.WriteStartArray("creators");
        w.WriteStringValue($"Tool: Standards.Sdk-{d.ToolVersion}");
        w.WriteStringValue($"Organization: {SpdxActor(d.Author)}");
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("packages");
        SpdxPackage(w, d.Subject, SubjectId, d.IsApplication ? "APPLICATION" : "LIBRARY");
        foreach (var component in d.Components)
        {
            SpdxPackage(w, component, ids[component.Purl], "LIBRARY");
        }

        w.WriteEndArray();

        w.WriteStartArray("relationships");
        Relationship(w, "SPDXRef-DOCUMENT", "DESCRIBES", SubjectId);
        foreach (var edge in d.Dependencies)
        {
            var from = edge.From == d.Subject.Purl ? SubjectId : ids[edge.From];
            var to = ids[edge.To];
            var development = d.Components.First(c => c.Purl == edge.To).Development && from == SubjectId;
            if (development)
            {
                // SPDX says it the other way round: the package is a dev dependency of the project.
                Relationship(w, to, "DEV_DEPENDENCY_OF", from);
            }
            else
            {
                Relationship(w, from, "DEPENDS_ON", to);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void SpdxPackage(Utf8JsonWriter w, SbomComponent c, string id, string purpose)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteString("SPDXID", id);
        w.WriteString("versionInfo", c.Version);
        w.WriteString("supplier", c.Supplier is null ? "NOASSERTION" : "Organization: " + SpdxActor(c.Supplier));
        w.WriteString("downloadLocation", "NOASSERTION");
        w.WriteBoolean("filesAnalyzed", false);
        if (c.Sha512 is not null)
        {
            w.WriteStartArray("checksums");
            w.WriteStartObject();
            w.WriteString("algorithm", "SHA512");
            w.WriteString("checksumValue", c.Sha512);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("licenseConcluded", "NOASSERTION");
        w.WriteString("licenseDeclared", c.License ?? "NOASSERTION");
        w.WriteString("copyrightText", "NOASSERTION");
        if (c.TargetFrameworks.Count > 0)
        {
            w.WriteString("comment", $"Target frameworks: {string.Join(", ", c.TargetFrameworks)}{(c.Development ? "; build-time only (PrivateAssets=all)" : string.Empty)}.");
        }

        w.WriteStartArray("externalRefs");
        w.WriteStartObject();
        w.WriteString("referenceCategory", "PACKAGE-MANAGER");
        w.WriteString("referenceType", "purl");
        w.WriteString("referenceLocator", c.Purl);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("primaryPackagePurpose", purpose);
        w.WriteEndObject();
    }

    private static void Relationship(Utf8JsonWriter w, string from, string type, string to)
    {
        w.WriteStartObject();
        w.WriteString("spdxElementId", from);
        w.WriteString("relationshipType", type);
        w.WriteString("relatedSpdxElement", to);
        w.WriteEndObject();
    }

    private static void CycloneDxBody(Utf8JsonWriter w, SbomDocument d, string serial)
    {
        w.WriteStartObject();
        w.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        w.WriteString("bomFormat", "CycloneDX");
        w.WriteString("specVersion", "1.6");
        w.WriteString("serialNumber", serial);
        w.WriteNumber("version", 1);
        w.WriteStartObject("metadata");
        w.WriteString("timestamp", d.TimestampText);
        w.WriteStartObject("tools");
        w.WriteStartArray("components");
        w.WriteStartObject();
        w.WriteString("type", "application");
        w.WriteString("name", "Standards.Sdk");
        w.WriteString("version", d.ToolVersion);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("authors");
        w.WriteStartObject();
        w.WriteString("name", d.Author);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("component");
        CycloneDxComponent(w, d.Subject, d.IsApplication ? "application" : "library", subject: true);
        w.WriteStartObject("supplier");
        w.WriteString("name", d.Author);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("components");
        foreach (var component in d.Components)
        {
            CycloneDxComponent(w, component, "library", subject: false);
        }

        w.WriteEndArray();

        w.WriteStartArray("dependencies");
        foreach (var group in new[] { d.Subject.Purl }.Concat(d.Components.Select(c => c.Purl)))
        {
            w.WriteStartObject();
            w.WriteString("ref", group);
            w.WriteStartArray("dependsOn");
            foreach (var edge in d.Dependencies.Where(e => e.From == group))
            {
                w.WriteStringValue(edge.To);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void CycloneDxComponent(Utf8JsonWriter w, SbomComponent c, string type, bool subject)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("bom-ref", c.Purl);
        if (c.Supplier is not null)
        {
            w.WriteStartObject("supplier");
            w.WriteString("name", c.Supplier);
            w.WriteEndObject();
        }

        w.WriteString("name", c.Name);
        w.WriteString("version", c.Version);
        if (!subject)
        {
            w.WriteString("scope", c.Development ? "excluded" : "required");
        }

        if (c.Sha512 is not null)
        {
            w.WriteStartArray("hashes");
            w.WriteStartObject();
            w.WriteString("alg", "SHA-512");
            w.WriteString("content", c.Sha512);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (c.License is not null)
        {
            w.WriteStartArray("licenses");
            w.WriteStartObject();
            w.WriteString("expression", c.License);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("purl", c.Purl);
        if (c.TargetFrameworks.Count > 0)
        {
            w.WriteStartArray("properties");
            w.WriteStartObject();
            w.WriteString("name", "standards-sdk:targetFrameworks");
            w.WriteString("value", string.Join(";", c.TargetFrameworks));
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>SPDX element ids (<c>SPDXRef-[A-Za-z0-9.-]+</c>), unique and stable per component.</summary>
    private static Dictionary<string, string> SpdxIds(SbomDocument document)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal) { SubjectId };
        foreach (var component in document.Components)
        {
            var baseId = "SPDXRef-Package-" + IdCharacters().Replace($"{component.Name}-{component.Version}", "-");
            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{baseId}-{n}";
            }

            ids[component.Purl] = id;
        }

        return ids;
    }

    /// <summary>SPDX actors are "Organization: name" with no line break and no parenthesised e-mail ambiguity.</summary>
    private static string SpdxActor(string name) => name.Replace('\n', ' ').Replace('\r', ' ').Replace('(', '[').Replace(')', ']').Trim();

    /// <summary>A UUID (RFC 4122 layout, version 5 bits) from the SHA-256 of the content: the same content, the same id.</summary>
    private static string StableUuid(string content)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(bytes).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    [GeneratedRegex("[^A-Za-z0-9.-]")]
    private static partial Regex IdCharacters();
}
