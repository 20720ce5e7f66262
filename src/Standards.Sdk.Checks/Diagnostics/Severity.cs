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

    /// <summary>
    /// Every spelling <see cref="TryParse"/> takes (in any case, white space around it ignored): the
    /// <see cref="Accepted"/> words, and <c>suggestion</c> and <c>silent</c> as Roslyn spells them, <c>off</c> and
    /// <c>warn</c>. The published schema's severity is generated from this list.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, Severity>> Spellings =
    [
        new("none", Severity.None), new("off", Severity.None), new("silent", Severity.None),
        new("info", Severity.Info), new("suggestion", Severity.Info),
        new("warning", Severity.Warning), new("warn", Severity.Warning),
        new("error", Severity.Error),
    ];

    /// <summary>Parses a severity word (<see cref="Spellings"/>).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        var word = text?.Trim().ToLowerInvariant();
        foreach (var spelling in Spellings)
        {
            if (string.Equals(spelling.Key, word, StringComparison.Ordinal))
            {
                severity = spelling.Value;
                return true;
            }
        }

        severity = Severity.None;
        return false;
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
