using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>Checks one artefact (the assembly, the .nupkg or the publish folder) against its size budget in standards.json (<see cref="SizeGate"/>).</summary>
public sealed class CheckArtefactSize : ProjectPolicyTask
{
    /// <summary>assembly, package or publish.</summary>
    [Required]
    public string Kind { get; set; } = string.Empty;

    /// <summary>The file (assembly, .nupkg) or folder (publish).</summary>
    [Required]
    public string Artefact { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var findings = new List<Finding>();
        var settings = BudgetSettings.Read(policy, []);
        var project = CreateProjectContext();
        var kind = Kind.ToLowerInvariant() switch
        {
            "package" => ArtefactKind.Package,
            "publish" => ArtefactKind.Publish,
            _ => ArtefactKind.Assembly,
        };
        var budget = SizeGate.BudgetOf(settings, project.Name, kind);
        if (budget is null)
        {
            // Every project of a repo with standards.json gets here; one without a budget is not measured (a publish
            // folder is a walk of every file in it).
            Log.LogMessage(MessageImportance.Low, "Standards.Sdk: {0} {1} has no size budget; not measured.", project.Name, Kind);
            return true;
        }

        long bytes;
        if (Directory.Exists(Artefact))
        {
            bytes = Directory.EnumerateFiles(Artefact, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        }
        else if (File.Exists(Artefact))
        {
            bytes = new FileInfo(Artefact).Length;
        }
        else
        {
            bytes = -1;
        }

        var severity = FindingReporter.ForProject(policy, project, today).SeverityOf(BudgetRuleIds.SizeOverBudget);
        if (bytes < 0)
        {
            // A budget that cannot be measured must not pass silently.
            findings.Add(new Finding(BudgetRuleIds.SizeOverBudget, severity,
                $"The {Kind} of {project.Name} has a size budget, but {Artefact} does not exist, so it could not be measured. This is a bug in how the artefact was located; please report it with the build log (-bl).",
                ProjectFile));
            return LogAndRecord(findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
        }

        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: {0} {1} is {2} (budget {3}).", project.Name, Kind, Quantity.Size(bytes), Quantity.Size(budget.Value));
        if (SizeGate.Evaluate(settings, project.Name, kind, Artefact, bytes, policy.SourcePath ?? PolicyLoader.FileName, severity) is { } finding)
        {
            findings.Add(finding);
        }

        return LogAndRecord(findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }
}
