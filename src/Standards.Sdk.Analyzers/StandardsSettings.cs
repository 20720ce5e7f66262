using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// Reads the rules' parameters (<see cref="RuleParameter"/>, declared in <see cref="StandardsAnalyzerRules"/>) and the
/// <see cref="AnalyzerConfigKeys"/> for one syntax tree: the per-file options (.editorconfig) first, then the global
/// options (global config), then the default. Invalid values (not a number, zero or negative) count as absent. Never throws.
/// </summary>
internal static class StandardsSettings
{
    private static readonly char[] ListSeparators = [',', ';'];

    private static readonly ImmutableArray<string> DefaultGenericNames = SplitList(StandardsAnalyzerRules.DefaultGenericNames);

    /// <summary>A number parameter's value for <paramref name="tree"/>, or its profile default.</summary>
    internal static int GetPositiveInt(AnalyzerOptions options, SyntaxTree tree, RuleParameter parameter) =>
        GetPositiveInt(options, tree, parameter.AnalyzerOption, parameter.DefaultNumber);

    internal static int GetPositiveInt(AnalyzerOptions options, SyntaxTree tree, string key, int defaultValue)
    {
        if (TryGetPositiveInt(GetTreeOptions(options, tree), key, out var value)
            || TryGetPositiveInt(GetGlobalOptions(options), key, out value))
        {
            return value;
        }

        return defaultValue;
    }

    internal static string? GetString(AnalyzerOptions options, SyntaxTree tree, string key)
    {
        if (TryGetNonEmpty(GetTreeOptions(options, tree), key, out var value)
            || TryGetNonEmpty(GetGlobalOptions(options), key, out value))
        {
            return value;
        }

        return null;
    }

    /// <summary>A value as written, empty values included (an empty list is a value): the file's options, else the global ones, else null.</summary>
    internal static string? GetRaw(AnalyzerOptions options, SyntaxTree tree, string key)
    {
        if (GetTreeOptions(options, tree) is { } treeOptions && treeOptions.TryGetValue(key, out var value) && value is not null)
        {
            return value.Trim();
        }

        return GetGlobalOptions(options) is { } global && global.TryGetValue(key, out value) && value is not null ? value.Trim() : null;
    }

    internal static ImmutableArray<string> GetGenericNames(AnalyzerOptions options, SyntaxTree tree)
    {
        var configured = GetString(options, tree, StandardsAnalyzerRules.GenericNames.AnalyzerOption);
        if (configured is null)
        {
            return DefaultGenericNames;
        }

        var names = SplitList(configured);
        return names.IsEmpty ? DefaultGenericNames : names;
    }

    /// <summary>A list parameter's values for <paramref name="tree"/>: the configured list (empty when set empty), else its profile default.</summary>
    internal static ImmutableArray<string> GetList(AnalyzerOptions options, SyntaxTree tree, RuleParameter parameter)
    {
        var configured = GetString(options, tree, parameter.AnalyzerOption);
        return SplitList(configured ?? parameter.Default);
    }

    /// <summary>The help link for <paramref name="ruleId"/> under the configured (or default) base URL.</summary>
    internal static string GetHelpLink(AnalyzerOptions options, SyntaxTree tree, string ruleId)
    {
        var baseUrl = GetString(options, tree, AnalyzerConfigKeys.HelpBaseUrl);
        if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            baseUrl = AnalyzerConfigKeys.DefaultHelpBaseUrl;
        }

        return baseUrl.EndsWith("/", StringComparison.Ordinal)
            ? baseUrl + ruleId + ".md"
            : baseUrl + "/" + ruleId + ".md";
    }

    private static AnalyzerConfigOptions? GetTreeOptions(AnalyzerOptions options, SyntaxTree tree) =>
        options?.AnalyzerConfigOptionsProvider?.GetOptions(tree);

    private static AnalyzerConfigOptions? GetGlobalOptions(AnalyzerOptions options) =>
        options?.AnalyzerConfigOptionsProvider?.GlobalOptions;

    private static bool TryGetNonEmpty(AnalyzerConfigOptions? options, string key, out string value)
    {
        value = string.Empty;
        if (options is null || !options.TryGetValue(key, out var raw) || raw is null)
        {
            return false;
        }

        value = raw.Trim();
        return value.Length > 0;
    }

    private static bool TryGetPositiveInt(AnalyzerConfigOptions? options, string key, out int value)
    {
        value = 0;
        return TryGetNonEmpty(options, key, out var raw)
            && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)
            && value > 0;
    }

    private static ImmutableArray<string> SplitList(string list)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in list.Split(ListSeparators))
        {
            var name = part.Trim();
            if (name.Length > 0)
            {
                builder.Add(name);
            }
        }

        return builder.ToImmutable();
    }
}
