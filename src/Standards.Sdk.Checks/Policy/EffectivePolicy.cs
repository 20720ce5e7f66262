using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// The policy as it applies to one project: profile default → kind (test relaxations) → strict profile →
/// standards.json → project-scoped exception. This is the precedence order docs/configuration.md documents.
/// </summary>
public sealed class EffectivePolicy(StandardsPolicy policy, ProjectContext project, DateOnly today)
{
    /// <summary>The repo policy.</summary>
    public StandardsPolicy Policy { get; } = policy;

    /// <summary>The project.</summary>
    public ProjectContext Project { get; } = project;

    /// <summary>The date exceptions are judged against.</summary>
    public DateOnly Today { get; } = today;

    private bool IsTest => string.Equals(Project.Kind, ProjectKinds.Test, StringComparison.OrdinalIgnoreCase);

    /// <summary>The severity of a rule in this project, ignoring exceptions.</summary>
    public Severity ConfiguredSeverity(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var severity = rule.SeverityFor(Project.Kind);
        var applies = rule.Kinds is null || rule.Kinds.Contains(Project.Kind, StringComparer.OrdinalIgnoreCase);
        if (!applies || !Policy.Rules.TryGetValue(rule.Id, out var setting))
        {
            return severity;
        }

        if (!IsTest)
        {
            return setting.Severity ?? severity;
        }

        // Test projects follow the repo's severity unless the rule is relaxed for tests; testSeverity wins.
        return setting.TestSeverity ?? (rule.TestSeverity is null ? setting.Severity ?? severity : severity);
    }

    /// <summary>The severity of a rule in this project, with project-wide exceptions applied.</summary>
    public Severity SeverityOf(RuleDefinition rule) =>
        ProjectException(rule.Id) is null ? ConfiguredSeverity(rule) : Severity.None;

    /// <summary>
    /// The severity standards.json gives a diagnostic outside the catalog in this project (testSeverity in test
    /// projects, else severity), None under a project-wide exception, null when it sets none (the analyzer's own default stands).
    /// </summary>
    public Severity? ExternalSeverity(RuleSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (ProjectException(setting.RuleId) is not null)
        {
            return Severity.None;
        }

        return IsTest ? setting.TestSeverity ?? setting.Severity : setting.Severity;
    }

    /// <summary>The active exception covering the whole project for a rule, or null.</summary>
    public ExceptionEntry? ProjectException(string ruleId) =>
        Policy.Exceptions.FirstOrDefault(e =>
            string.Equals(e.Rule, ruleId, StringComparison.OrdinalIgnoreCase) && e.Expires >= Today && Project.IsInScope(e.Scope));

    /// <summary>Active exceptions that name files rather than the project, for per-file analyzer config.</summary>
    public IEnumerable<ExceptionEntry> FileExceptions() =>
        Policy.Exceptions.Where(e => e.Expires >= Today && !Project.IsInScope(e.Scope));

    /// <summary>A parameter value: standards.json, else the strict default under the strict profile, else the default.</summary>
    public string Parameter(RuleDefinition rule, string name)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var parameter = rule.Parameters.First(p => p.Name == name);
        if (Policy.Rules.TryGetValue(rule.Id, out var setting) && setting.Parameters.TryGetValue(name, out var value))
        {
            return value;
        }

        return Policy.IsStrict && parameter.StrictDefault is not null ? parameter.StrictDefault : parameter.Default;
    }
}
