using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>An attribute or child-element value of an item, with the line it is written on.</summary>
/// <param name="Value">The text.</param>
/// <param name="Line">1-based line.</param>
public sealed record XmlValue(string Value, int Line);

/// <summary>A package item (<c>PackageReference</c>, <c>PackageVersion</c>, <c>GlobalPackageReference</c>).</summary>
/// <param name="Kind">The element name.</param>
/// <param name="Id">The package id (one per item, <c>Include="A;B"</c> gives two).</param>
/// <param name="IsUpdate">True for <c>Update=</c> rather than <c>Include=</c>.</param>
/// <param name="Version">The <c>Version</c> attribute or child element, or null.</param>
/// <param name="VersionOverride">The <c>VersionOverride</c> attribute or child element, or null.</param>
/// <param name="Line">Where the item starts.</param>
/// <param name="Conditional">True when the item or its group has a Condition (or sits in a Choose).</param>
/// <param name="Condition">
/// The conditions of the item's group and of the item, joined with <c>and</c>; null when it has none or sits in a
/// Choose (whose When/Otherwise order decides, so its condition alone does not).
/// </param>
public sealed record PackageItem(string Kind, string Id, bool IsUpdate, XmlValue? Version, XmlValue? VersionOverride, int Line, bool Conditional, string? Condition = null);

/// <summary>A property set in a PropertyGroup.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Value">Its text.</param>
/// <param name="Line">Where it is set.</param>
/// <param name="Conditional">True when it or its group has a Condition.</param>
public sealed record PropertySetting(string Name, string Value, int Line, bool Conditional);

/// <summary>The parts of an MSBuild file (project, Directory.Packages.props, Directory.Build.*) the dependency rules read.</summary>
public sealed class MsBuildXmlFile
{
    private MsBuildXmlFile(string path, IReadOnlyList<PackageItem> items, IReadOnlyList<PropertySetting> properties)
    {
        Path = path;
        Items = items;
        Properties = properties;
    }

    /// <summary>Repo-relative path.</summary>
    public string Path { get; }

    /// <summary>Package items in file order.</summary>
    public IReadOnlyList<PackageItem> Items { get; }

    /// <summary>Properties in file order.</summary>
    public IReadOnlyList<PropertySetting> Properties { get; }

    /// <summary>The last unconditional value of a property (case-insensitive, as MSBuild), or null.</summary>
    public PropertySetting? LastProperty(string name) =>
        Properties.LastOrDefault(p => !p.Conditional && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Items of one kind.</summary>
    public IEnumerable<PackageItem> ItemsOf(string kind) =>
        Items.Where(i => string.Equals(i.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses an MSBuild file. A file that is not XML or has no &lt;Project&gt; root gives a finding instead.</summary>
    public static (MsBuildXmlFile? File, Finding? Problem) Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var stringReader = new StringReader(text);
            using var reader = XmlReader.Create(stringReader, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return (null, Malformed(path, $"{FirstSentence(ex.Message)}", ex.LineNumber, ex.LinePosition));
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "Project")
        {
            return (null, Malformed(path, $"the root element is <{root?.Name.LocalName}>, not <Project>", LineOf(root), 0));
        }

        var items = new List<PackageItem>();
        var properties = new List<PropertySetting>();
        Collect(root, false, items, properties);
        return (new MsBuildXmlFile(path, items, properties), null);
    }

    private static void Collect(XElement container, bool conditional, List<PackageItem> items, List<PropertySetting> properties)
    {
        foreach (var element in container.Elements())
        {
            var isConditional = conditional || HasCondition(element);
            switch (element.Name.LocalName)
            {
                case "ItemGroup":
                    foreach (var item in element.Elements())
                    {
                        // Only a group at the top of the file has a condition of its own to evaluate; inside a Choose the order of When decides.
                        var condition = conditional ? null : Joined(ConditionOf(element), ConditionOf(item));
                        AddItem(item, isConditional || HasCondition(item), condition, items);
                    }

                    break;
                case "PropertyGroup":
                    foreach (var property in element.Elements())
                    {
                        properties.Add(new PropertySetting(property.Name.LocalName, property.Value.Trim(), LineOf(property), isConditional || HasCondition(property)));
                    }

                    break;
                case "Choose" or "When" or "Otherwise":
                    Collect(element, true, items, properties);
                    break;
                default:
                    break;
            }
        }
    }

    private static string? ConditionOf(XElement element) => element.Attribute("Condition") is { Value.Length: > 0 } condition ? condition.Value : null;

    private static string? Joined(string? group, string? item) =>
        group is null ? item : item is null ? group : $"({group}) and ({item})";

    private static void AddItem(XElement item, bool conditional, string? condition, List<PackageItem> items)
    {
        var kind = item.Name.LocalName;
        if (kind is not ("PackageReference" or "PackageVersion" or "GlobalPackageReference"))
        {
            return;
        }

        var update = item.Attribute("Update")?.Value;
        var ids = (item.Attribute("Include")?.Value ?? update ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var version = ValueOf(item, "Version");
        var versionOverride = ValueOf(item, "VersionOverride");
        foreach (var id in ids)
        {
            items.Add(new PackageItem(kind, id, item.Attribute("Include") is null && update is not null, version, versionOverride, LineOf(item), conditional, condition));
        }
    }

    private static XmlValue? ValueOf(XElement item, string name)
    {
        if (item.Attribute(name) is { } attribute)
        {
            return new XmlValue(attribute.Value, LineOf(attribute));
        }

        var child = item.Elements().LastOrDefault(e => e.Name.LocalName == name);
        return child is null ? null : new XmlValue(child.Value.Trim(), LineOf(child));
    }

    private static bool HasCondition(XElement element) => element.Attribute("Condition") is { Value.Length: > 0 };

    private static int LineOf(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    private static Finding Malformed(string path, string problem, int line, int column) =>
        new(DependencyRuleIds.MalformedXml, Severity.Error,
            $"{System.IO.Path.GetFileName(path)} is not a valid MSBuild file: {problem}. Fix the XML; MSBuild and the dependency checks cannot read the package references until then.",
            path, Math.Max(line, 1), Math.Max(column, 0));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
