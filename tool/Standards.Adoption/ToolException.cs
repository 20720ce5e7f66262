using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>A coded failure of the tool (STD75xx): what is wrong, where, and how to fix it. Nothing was written.</summary>
public sealed class ToolException : Exception
{
    /// <summary>Creates the failure.</summary>
    public ToolException(string code, string message, string? file = null, int line = 0)
        : base(message)
    {
        Code = code;
        File = file;
        Line = line;
    }

    /// <summary>Creates an uncoded failure (not used by the tool itself; required by CA1032).</summary>
    public ToolException()
        : this(ToolRuleIds.Usage, "The tool failed.")
    {
    }

    /// <summary>Creates an uncoded failure (not used by the tool itself; required by CA1032).</summary>
    public ToolException(string message)
        : this(ToolRuleIds.Usage, message)
    {
    }

    /// <summary>Creates an uncoded failure (not used by the tool itself; required by CA1032).</summary>
    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ToolRuleIds.Usage;
    }

    /// <summary>The STD75xx code.</summary>
    public string Code { get; } = ToolRuleIds.Usage;

    /// <summary>The file concerned (repo-relative), if any.</summary>
    public string? File { get; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The message as printed: <c>file(line): error STD75xx: message</c>.</summary>
    public string Formatted()
    {
        var where = File is null ? string.Empty : Line > 0 ? $"{File}({Line}): " : $"{File}: ";
        return $"{where}error {Code}: {Message} See {Standards.Sdk.Checks.Rules.RuleHelp.Link(Standards.Sdk.Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, Code)}";
    }
}
