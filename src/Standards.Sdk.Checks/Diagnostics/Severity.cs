namespace Standards.Sdk.Checks.Diagnostics;

/// <summary>How a finding is reported. Mirrors the profile's severity words plus <c>None</c> (rule off).</summary>
public enum Severity
{
    /// <summary>The rule is turned off.</summary>
    None = 0,

    /// <summary>Reported in the compliance summary only.</summary>
    Info = 1,

    /// <summary>Reported; fails the build only where warnings are errors (CI by default).</summary>
    Warning = 2,

    /// <summary>Fails the build.</summary>
    Error = 3,
}

/// <summary>Parsing and printing of severity words as written in standards.json and .globalconfig.</summary>
public static class SeverityNames
{
    /// <summary>The words accepted in standards.json.</summary>
    public static readonly IReadOnlyList<string> Accepted = ["none", "info", "warning", "error"];

    /// <summary>Parses a severity word; <c>suggestion</c> and <c>silent</c> are accepted as Roslyn spells them.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none" or "off" or "silent":
                severity = Severity.None;
                return true;
            case "info" or "suggestion":
                severity = Severity.Info;
                return true;
            case "warning" or "warn":
                severity = Severity.Warning;
                return true;
            case "error":
                severity = Severity.Error;
                return true;
            default:
                severity = Severity.None;
                return false;
        }
    }

    /// <summary>The word Roslyn expects in <c>dotnet_diagnostic.ID.severity</c>.</summary>
    public static string ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "suggestion",
        _ => "none",
    };

    /// <summary>The lower-case word used in docs and standards.json.</summary>
    public static string ToWord(Severity severity) => severity.ToString().ToLowerInvariant();
}
