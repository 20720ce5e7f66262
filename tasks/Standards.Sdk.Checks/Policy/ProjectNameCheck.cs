using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>STD1007: a project named after nothing in particular (<c>Acme.Common</c>, <c>Utils</c>).</summary>
public static class ProjectNameCheck
{
    /// <summary>Runs the check on the project name.</summary>
    public static IReadOnlyList<Finding> Run(string projectFile, EffectivePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = RuleCatalog.Get(CodeRuleIds.GenericProjectName);
        var severity = policy.SeverityOf(rule);
        if (severity == Severity.None)
        {
            return [];
        }

        var generic = policy.Parameter(rule, "names").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var segment = policy.Project.Name.Split('.')
            .FirstOrDefault(s => generic.Contains(s, StringComparer.OrdinalIgnoreCase));
        return segment is null
            ? []
            : [new Finding(rule.Id, severity,
                $"Project '{policy.Project.Name}' is named '{segment}', which says nothing about what it does. Name it after its responsibility (e.g. Acme.Billing.Invoices), or change STD1007.names in standards.json.",
                projectFile, 1, 1)];
    }
}
