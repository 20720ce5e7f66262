#nullable enable
// Hand-written: Polyfill 11.4.5 has no [GeneratedRegex] attribute and nothing that implements its partial methods.
// The attribute for netstandard2.0, which Standards.Sdk.Polyfills.Generators implements. Compiled only for
// netstandard2.0 (see Standards.Sdk.Checks.csproj).

namespace System.Text.RegularExpressions;

/// <summary>
/// On .NET the runtime's source generator implements these partial methods. In this build
/// Standards.Sdk.Polyfills.Generators implements them with <c>new Regex(pattern, options, timeout)</c>, cached.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class GeneratedRegexAttribute(string pattern, RegexOptions options, int matchTimeoutMilliseconds, string cultureName) : Attribute
{
    public GeneratedRegexAttribute(string pattern)
        : this(pattern, RegexOptions.None)
    {
    }

    public GeneratedRegexAttribute(string pattern, RegexOptions options)
        : this(pattern, options, Timeout.Infinite)
    {
    }

    public GeneratedRegexAttribute(string pattern, RegexOptions options, string cultureName)
        : this(pattern, options, Timeout.Infinite, cultureName)
    {
    }

    public GeneratedRegexAttribute(string pattern, RegexOptions options, int matchTimeoutMilliseconds)
        : this(pattern, options, matchTimeoutMilliseconds, string.Empty)
    {
    }

    public string Pattern { get; } = pattern;

    public RegexOptions Options { get; } = options;

    public int MatchTimeoutMilliseconds { get; } = matchTimeoutMilliseconds;

    public string CultureName { get; } = cultureName;
}
