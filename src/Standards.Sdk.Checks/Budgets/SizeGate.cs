using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Budgets;

/// <summary>The artefacts a size budget can name.</summary>
public enum ArtefactKind
{
    /// <summary>The built assembly (the project's output .dll or .exe).</summary>
    Assembly,

    /// <summary>The .nupkg <c>dotnet pack</c> writes.</summary>
    Package,

    /// <summary>The publish folder (every file in it).</summary>
    Publish,
}

/// <summary>Size budgets per artefact (profile §5): one project's artefact against the budget standards.json gives it.</summary>
public static class SizeGate
{
    /// <summary>The budget of a project's artefact, or null.</summary>
    public static double? BudgetOf(BudgetSettings settings, string project, ArtefactKind kind)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var budget = settings.Sizes.LastOrDefault(s => string.Equals(s.Project, project, StringComparison.OrdinalIgnoreCase));
        return kind switch
        {
            ArtefactKind.Assembly => budget?.Assembly,
            ArtefactKind.Package => budget?.Package,
            _ => budget?.Publish,
        };
    }

    /// <summary>A finding when <paramref name="bytes"/> is over the budget.</summary>
    public static Finding? Evaluate(BudgetSettings settings, string project, ArtefactKind kind, string artefact, long bytes, string policyPath, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (severity == Severity.None || BudgetOf(settings, project, kind) is not { } budget || bytes <= budget)
        {
            return null;
        }

        var line = settings.Sizes.LastOrDefault(s => string.Equals(s.Project, project, StringComparison.OrdinalIgnoreCase))?.Line ?? 0;
        var what = kind switch
        {
            ArtefactKind.Assembly => "assembly",
            ArtefactKind.Package => "package",
            _ => "publish folder",
        };
        return new Finding(BudgetRuleIds.SizeOverBudget, severity,
            $"The {what} of {project} ({Path.GetFileName(artefact.TrimEnd('/', '\\'))}) is {Quantity.Size(bytes)}, over its budget of {Quantity.Size(budget)} (budgets.sizes in {Path.GetFileName(policyPath)}, line {line}). Find what grew (a new dependency, embedded resources, a self-contained publish), or raise the budget in review.",
            artefact, 0);
    }
}
