#nullable enable
#pragma warning disable IDE0161 // Several namespaces: each type lives where .NET (and the compiler) looks for it.
// Types the C# compiler looks up by their full name to compile newer language features (init, required,
// records, nullable flow attributes, CallerArgumentExpression, ^ and ..). .NET has them; netstandard2.0 and
// .NET Framework do not, so this build declares them, internal, exactly where the compiler looks.
// Compiled only for netstandard2.0 (see Standards.Sdk.Checks.csproj); docs/contributing.md lists every polyfill.

namespace System.Runtime.CompilerServices
{
    /// <summary>Marks init-only setters (C# 9).</summary>
    internal static class IsExternalInit;

    /// <summary>Marks a type that has required members (C# 11).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    internal sealed class RequiredMemberAttribute : Attribute;

    /// <summary>Marks a member that needs a compiler feature to be used correctly (C# 11).</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    internal sealed class CompilerFeatureRequiredAttribute(string featureName) : Attribute
    {
        public const string RefStructs = nameof(RefStructs);
        public const string RequiredMembers = nameof(RequiredMembers);

        public string FeatureName { get; } = featureName;

        public bool IsOptional { get; init; }
    }

    /// <summary>Passes the caller's argument expression as a string (C# 10).</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    internal sealed class CallerArgumentExpressionAttribute(string parameterName) : Attribute
    {
        public string ParameterName { get; } = parameterName;
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>The constructor sets every required member (C# 11).</summary>
    [AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
    internal sealed class SetsRequiredMembersAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
    internal sealed class AllowNullAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
    internal sealed class DisallowNullAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
    internal sealed class MaybeNullAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
    internal sealed class NotNullAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    internal sealed class MaybeNullWhenAttribute(bool returnValue) : Attribute
    {
        public bool ReturnValue { get; } = returnValue;
    }

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    internal sealed class NotNullWhenAttribute(bool returnValue) : Attribute
    {
        public bool ReturnValue { get; } = returnValue;
    }

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = true, Inherited = false)]
    internal sealed class NotNullIfNotNullAttribute(string parameterName) : Attribute
    {
        public string ParameterName { get; } = parameterName;
    }

    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class DoesNotReturnAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    internal sealed class DoesNotReturnIfAttribute(bool parameterValue) : Attribute
    {
        public bool ParameterValue { get; } = parameterValue;
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
    internal sealed class MemberNotNullAttribute(params string[] members) : Attribute
    {
        public string[] Members { get; } = members;
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
    internal sealed class MemberNotNullWhenAttribute(bool returnValue, params string[] members) : Attribute
    {
        public bool ReturnValue { get; } = returnValue;

        public string[] Members { get; } = members;
    }
}

namespace System.Text.RegularExpressions
{
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
}
