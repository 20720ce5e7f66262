namespace Standards.Sdk.Analyzers;

/// <summary>
/// Analyzer config keys (.editorconfig or global config) read by the Standards.Sdk analyzers. A value given for a
/// file wins over the global config; a missing or invalid value (not a number, zero or negative) means the default
/// in <see cref="StandardsDefaults"/>.
/// </summary>
public static class StandardsOptionKeys
{
    /// <summary>Body lines above which STD1001 is reported (int).</summary>
    public const string MethodLengthWarning = "standards.method_length.warning";

    /// <summary>Body lines above which STD1002 is reported instead of STD1001 (int).</summary>
    public const string MethodLengthError = "standards.method_length.error";

    /// <summary>Control-flow nesting depth above which STD1003 is reported (int).</summary>
    public const string NestingDepthWarning = "standards.nesting_depth.warning";

    /// <summary>Physical file lines above which STD1004 is reported (int).</summary>
    public const string FileLengthWarning = "standards.file_length.warning";

    /// <summary>Comma-separated, case-insensitive list of generic names for STD1005.</summary>
    public const string GenericNames = "standards.generic_names";

    /// <summary>Base URL of the rule pages; the message links to base + id + ".md".</summary>
    public const string HelpBaseUrl = "standards.help_base_url";

    /// <summary>
    /// Comma-separated locked rule ids the source may not silence (<c>#pragma warning disable</c>,
    /// <c>[SuppressMessage]</c>) in this file; written by Standards.Sdk only (a file-scoped exception removes ids).
    /// </summary>
    public const string LockedRules = "standards.locked_rules";

    /// <summary><c>true</c> when the source may not turn nullable off (<c>#nullable disable</c>) in this file; written by Standards.Sdk only.</summary>
    public const string NullableLocked = "standards.nullable_locked";

    /// <summary>The project directory, supplied by the .NET SDK (<c>CompilerVisibleProperty</c> ProjectDir).</summary>
    public const string ProjectDir = "build_property.projectdir";
}
