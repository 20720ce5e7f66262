using System.Globalization;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// A number or list a rule is tuned with, as the analyzers read it: the analyzer config key Standards.Sdk writes it
/// under (from standards.json) and the profile default used when the key is absent or invalid. Declared with the
/// rule in StandardsAnalyzerRules.cs; the checks read the same declaration as their RuleParameter.
/// </summary>
public sealed class RuleParameter
{
    internal RuleParameter(string name, string @default, string description, string analyzerOption, bool isList)
    {
        Name = name;
        Default = @default;
        Description = description;
        AnalyzerOption = analyzerOption;
        IsList = isList;
        DefaultNumber = isList ? 0 : int.Parse(@default, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    /// <summary>The key in standards.json, under the rule (e.g. <c>maxLines</c>).</summary>
    public string Name { get; }

    /// <summary>The profile default, as text (a number, or a comma-separated list).</summary>
    public string Default { get; }

    /// <summary>One sentence for docs and the JSON schema.</summary>
    public string Description { get; }

    /// <summary>The analyzer config key (global config or .editorconfig) the value is read from.</summary>
    public string AnalyzerOption { get; }

    /// <summary>True for a comma-separated list of names rather than a number.</summary>
    public bool IsList { get; }

    /// <summary>The default of a number parameter (0 for a list), parsed once: the analyzers read it for every member.</summary>
    public int DefaultNumber { get; }
}
