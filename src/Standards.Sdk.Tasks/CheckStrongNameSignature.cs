using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Signing;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After compiling a shipped library: under <c>"strongName": "required"</c> the assembly must carry a public key
/// and the strong-name-signed flag (STD6040). Reads the PE file with System.Reflection.Metadata.
/// </summary>
public sealed class CheckStrongNameSignature : ProjectPolicyTask
{
    /// <summary>The compiled assembly.</summary>
    [Required]
    public string Assembly { get; set; } = string.Empty;

    /// <summary>The requirement in force (from ApplyStrongNamePolicy).</summary>
    public string? Requirement { get; set; }

    /// <summary>The key file used, if any.</summary>
    public string? KeyFile { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var requirement = ReleaseSettings.ParseRequirement(Requirement) ?? policy.Release.StrongName;
        bool? signed;
        try
        {
            using var stream = File.OpenRead(Assembly);
            signed = StrongName.IsSigned(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            signed = null;
        }

        Log.LogMessage(MessageImportance.Low, "Standards.Sdk: {0} strong-name signed: {1}.", Assembly, signed?.ToString() ?? "unknown");
        var finding = StrongName.CheckShipped(requirement, Assembly, signed, ProjectFile, string.IsNullOrEmpty(KeyFile) ? null : KeyFile);
        // Severity and exceptions from standards.json (docs/rules/STD6040.md); today's date is an input of the target
        // through the policy inputs cache, so an exception that expires re-runs the check.
        return LogFindings(policy, today, finding is null ? [] : [finding], Checks.Rules.ReleaseRuleIds.StrongNameMissing);
    }
}
