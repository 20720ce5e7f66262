namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The rules the policy's <c>AnalysisLevel</c> (<c>latest-recommended</c>, Standards.Analyzers.props) turns on: the
/// NetAnalyzers rules the .NET SDK's analysis-level config <see cref="ConfigFileName"/> sets to <c>warning</c> (the SDK
/// resolves <c>latest</c> to <see cref="Level"/> and keeps its in-box config when the analyzers are pinned). A unit test
/// reads that file from the SDK the tests run on and fails when this list differs from it. Each one links to its row
/// of the generated page <see cref="PagePath"/>, unless the rule catalog declares it (then its own page).
/// </summary>
public static class RecommendedAnalyzerRules
{
    /// <summary>The analysis level <c>latest</c> stands for in the SDK the repo pins (global.json).</summary>
    public const string Level = "10";

    /// <summary>The SDK's config file the set is read from (under Sdks/Microsoft.NET.Sdk/analyzers/build/config/).</summary>
    public const string ConfigFileName = "analysislevel_" + Level + "_recommended.globalconfig";

    /// <summary>The generated page with a row per rule, docs/rules-relative.</summary>
    public const string PagePath = "recommended-analyzer-rules.md";

    /// <summary>One rule a line, <c>id: title</c>, as the SDK's config names them.</summary>
    private const string Declared = """
        CA1000: Do not declare static members on generic types
        CA1001: Types that own disposable fields should be disposable
        CA1010: Generic interface should also be implemented
        CA1016: Mark assemblies with assembly version
        CA1018: Mark attributes with AttributeUsageAttribute
        CA1036: Override methods on comparable types
        CA1041: Provide ObsoleteAttribute message
        CA1047: Do not declare protected member in sealed type
        CA1050: Declare types in namespaces
        CA1051: Do not declare visible instance fields
        CA1061: Do not hide base class methods
        CA1067: Override Object.Equals(object) when implementing IEquatable<T>
        CA1068: CancellationToken parameters must come last
        CA1069: Enums values should not be duplicated
        CA1070: Do not declare event fields as virtual
        CA1200: Avoid using cref tags with a prefix
        CA1304: Specify CultureInfo
        CA1305: Specify IFormatProvider
        CA1309: Use ordinal string comparison
        CA1310: Specify StringComparison for correctness
        CA1311: Specify a culture or use an invariant version
        CA1401: P/Invokes should not be visible
        CA1419: Provide a parameterless constructor that is as visible as the containing type for concrete types derived from 'System.Runtime.InteropServices.SafeHandle'
        CA1421: This method uses runtime marshalling even when the 'DisableRuntimeMarshallingAttribute' is applied
        CA1507: Use nameof to express symbol names
        CA1510: Use ArgumentNullException throw helper
        CA1511: Use ArgumentException throw helper
        CA1512: Use ArgumentOutOfRangeException throw helper
        CA1513: Use ObjectDisposedException throw helper
        CA1514: Avoid redundant length argument
        CA1707: Identifiers should not contain underscores
        CA1708: Identifiers should differ by more than case
        CA1710: Identifiers should have correct suffix
        CA1711: Identifiers should not have incorrect suffix
        CA1712: Do not prefix enum values with type name
        CA1715: Identifiers should have correct prefix
        CA1716: Identifiers should not match keywords
        CA1720: Identifier contains type name
        CA1725: Parameter names should match base declaration
        CA1727: Use PascalCase for named placeholders
        CA1805: Do not initialize unnecessarily
        CA1806: Do not ignore method results
        CA1816: Dispose methods should call SuppressFinalize
        CA1821: Remove empty Finalizers
        CA1822: Mark members as static
        CA1824: Mark assemblies with NeutralResourcesLanguageAttribute
        CA1825: Avoid zero-length array allocations
        CA1826: Do not use Enumerable methods on indexable collections
        CA1827: Do not use Count() or LongCount() when Any() can be used
        CA1828: Do not use CountAsync() or LongCountAsync() when AnyAsync() can be used
        CA1829: Use Length/Count property instead of Count() when available
        CA1830: Prefer strongly-typed Append and Insert method overloads on StringBuilder
        CA1832: Use AsSpan or AsMemory instead of Range-based indexers when appropriate
        CA1833: Use AsSpan or AsMemory instead of Range-based indexers when appropriate
        CA1834: Consider using 'StringBuilder.Append(char)' when applicable
        CA1835: Prefer the 'Memory'-based overloads for 'ReadAsync' and 'WriteAsync'
        CA1836: Prefer IsEmpty over Count
        CA1837: Use 'Environment.ProcessId'
        CA1838: Avoid 'StringBuilder' parameters for P/Invokes
        CA1839: Use 'Environment.ProcessPath'
        CA1840: Use 'Environment.CurrentManagedThreadId'
        CA1841: Prefer Dictionary.Contains methods
        CA1842: Do not use 'WhenAll' with a single task
        CA1843: Do not use 'WaitAll' with a single task
        CA1844: Provide memory-based overrides of async methods when subclassing 'Stream'
        CA1845: Use span-based 'string.Concat'
        CA1846: Prefer 'AsSpan' over 'Substring'
        CA1847: Use char literal for a single character lookup
        CA1848: Use the LoggerMessage delegates
        CA1850: Prefer static 'HashData' method over 'ComputeHash'
        CA1852: Seal internal types
        CA1853: Unnecessary call to 'Dictionary.ContainsKey(key)'
        CA1854: Prefer the 'IDictionary.TryGetValue(TKey, out TValue)' method
        CA1855: Prefer 'Clear' over 'Fill'
        CA1856: Incorrect usage of ConstantExpected attribute
        CA1858: Use 'StartsWith' instead of 'IndexOf'
        CA1859: Use concrete types when possible for improved performance
        CA1860: Avoid using 'Enumerable.Any()' extension method
        CA1861: Avoid constant arrays as arguments
        CA1862: Use the 'StringComparison' method overloads to perform case-insensitive string comparisons
        CA1863: Use 'CompositeFormat'
        CA1864: Prefer the 'IDictionary.TryAdd(TKey, TValue)' method
        CA1865: Use char overload
        CA1866: Use char overload
        CA1868: Unnecessary call to 'Contains(item)'
        CA1869: Cache and reuse 'JsonSerializerOptions' instances
        CA1870: Use a cached 'SearchValues' instance
        CA1871: Do not pass a nullable struct to 'ArgumentNullException.ThrowIfNull'
        CA1872: Prefer 'Convert.ToHexString' and 'Convert.ToHexStringLower' over call chains based on 'BitConverter.ToString'
        CA1873: Avoid potentially expensive logging
        CA1874: Use 'Regex.IsMatch'
        CA1875: Use 'Regex.Count'
        CA2009: Do not call ToImmutableCollection on an ImmutableCollection value
        CA2011: Avoid infinite recursion
        CA2012: Use ValueTasks correctly
        CA2016: Forward the 'CancellationToken' parameter to methods
        CA2019: Improper 'ThreadStatic' field initialization
        CA2020: Prevent behavioral change
        CA2101: Specify marshaling for P/Invoke string arguments
        CA2201: Do not raise reserved exception types
        CA2208: Instantiate argument exceptions correctly
        CA2211: Non-constant fields should not be visible
        CA2215: Dispose methods should call base class dispose
        CA2218: Override GetHashCode on overriding Equals
        CA2219: Do not raise exceptions in finally clauses
        CA2224: Override Equals on overloading operator equals
        CA2231: Overload operator equals on overriding value type Equals
        CA2241: Provide correct arguments to formatting methods
        CA2242: Test for NaN correctly
        CA2244: Do not duplicate indexed element initializations
        CA2245: Do not assign a property to itself
        CA2246: Assigning symbol and its member in the same statement
        CA2248: Provide correct 'enum' argument to 'Enum.HasFlag'
        CA2249: Consider using 'string.Contains' instead of 'string.IndexOf'
        CA2250: Use 'ThrowIfCancellationRequested'
        CA2251: Use 'string.Equals'
        CA2252: This API requires opting into preview features
        CA2253: Named placeholders should not be numeric values
        CA2254: Template should be a static expression
        CA2262: Set 'MaxResponseHeadersLength' properly
        CA2263: Prefer generic overload when type is known
        CA3061: Do Not Add Schema By URL
        CA3075: Insecure DTD processing in XML
        CA3076: Insecure XSLT script processing
        CA3077: Insecure Processing in API Design, XmlDocument and XmlTextReader
        CA3147: Mark Verb Handlers With Validate Antiforgery Token
        CA5350: Do Not Use Weak Cryptographic Algorithms
        CA5351: Do Not Use Broken Cryptographic Algorithms
        CA5359: Do Not Disable Certificate Validation
        CA5360: Do Not Call Dangerous Methods In Deserialization
        CA5363: Do Not Disable Request Validation
        CA5364: Do Not Use Deprecated Security Protocols
        CA5365: Do Not Disable HTTP Header Checking
        CA5366: Use XmlReader for 'DataSet.ReadXml()'
        CA5368: Set ViewStateUserKey For Classes Derived From Page
        CA5369: Use XmlReader for 'XmlSerializer.Deserialize()'
        CA5370: Use XmlReader for XmlValidatingReader constructor
        CA5371: Use XmlReader for 'XmlSchema.Read()'
        CA5372: Use XmlReader for XPathDocument constructor
        CA5373: Do not use obsolete key derivation function
        CA5374: Do Not Use XslTransform
        CA5379: Ensure Key Derivation Function algorithm is sufficiently strong
        CA5384: Do Not Use Digital Signature Algorithm (DSA)
        CA5385: Use Rivest-Shamir-Adleman (RSA) Algorithm With Sufficient Key Size
        CA5397: Do not use deprecated SslProtocols values
        """;

    private static readonly Dictionary<string, string> Titles = Parse();

    /// <summary>The rules, sorted by id, with the SDK's title.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Rules { get; } =
        [.. Titles.OrderBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>The rule's title, or null when <paramref name="id"/> is not in the set (case-insensitive).</summary>
    public static string? Title(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Titles.TryGetValue(id, out var title) ? title : null;
    }

    /// <summary>The anchor of the rule's row on <see cref="PagePath"/>: its id in lower case.</summary>
    public static string Anchor(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.ToLowerInvariant();
    }

    private static Dictionary<string, string> Parse()
    {
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Declared.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            titles.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        return titles;
    }
}
