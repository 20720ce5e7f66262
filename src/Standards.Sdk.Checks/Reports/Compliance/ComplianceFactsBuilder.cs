using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>What the repository checks hand to <see cref="ComplianceFactsBuilder"/>: everything read before, nothing read here.</summary>
/// <param name="RepoRoot">The repo root (its folder name is the repo's name outside CI).</param>
/// <param name="Items">The repository checks' findings as the reports show them, baselined ones included.</param>
/// <param name="RepoKind">The repo kind the checks used.</param>
/// <param name="Policy">standards.json as loaded (exceptions in force, SBOM setting).</param>
/// <param name="Now">When the file is written.</param>
/// <param name="SdkVersion">The Standards.Sdk version.</param>
/// <param name="Commit">HEAD's commit, or null.</param>
/// <param name="Version">The version version.json computes, or null.</param>
/// <param name="RepoBaselineEntries">Entries of the adoption baseline (0 without one), or null when it cannot be read.</param>
/// <param name="CodeBaselineText">standards-code-baseline.json's text, or null without the file.</param>
/// <param name="Variable">Reads an environment variable (the CI system's repo name).</param>
public sealed record ComplianceInput(
    string RepoRoot,
    IReadOnlyList<ReportItem> Items,
    string RepoKind,
    StandardsPolicy Policy,
    DateTimeOffset Now,
    string SdkVersion,
    string? Commit,
    string? Version,
    int? RepoBaselineEntries,
    string? CodeBaselineText,
    Func<string, string?> Variable);

/// <summary>Turns what a CI build's repository checks know into <see cref="ComplianceFacts"/>. Pure: no disk, no clock.</summary>
public static class ComplianceFactsBuilder
{
    /// <summary>The CI variables that name the repo (GitHub, GitLab, Azure Pipelines), in that order.</summary>
    public static readonly IReadOnlyList<string> RepoVariables = ["GITHUB_REPOSITORY", "CI_PROJECT_PATH", "BUILD_REPOSITORY_NAME"];

    /// <summary>The facts.</summary>
    public static ComplianceFacts Build(ComplianceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var repo = RepoVariables.Select(input.Variable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(input.RepoRoot)));
        var findings = input.Items
            .GroupBy(i => (i.Finding.Code, Severity: SeverityName(i.Finding.Severity)))
            .Select(g => new ComplianceRuleCount(g.Key.Code, g.Key.Severity, g.Count(), g.Count(i => i.Baselined)))
            .ToList();
        var release = input.Policy.Release;
        return new ComplianceFacts
        {
            Repo = repo,
            Commit = string.IsNullOrEmpty(input.Commit) ? null : input.Commit,
            Date = input.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            SdkVersion = input.SdkVersion,
            RepoKind = input.RepoKind,
            Version = string.IsNullOrEmpty(input.Version) ? null : input.Version,
            Findings = findings,
            RepoBaselineEntries = input.RepoBaselineEntries,
            CodeBaselineEntries = CodeBaselineEntries(input.CodeBaselineText),
            Exceptions = [.. input.Policy.Exceptions
                .OrderBy(e => e.Expires)
                .ThenBy(e => e.Rule, StringComparer.Ordinal)
                .Select(e => new ComplianceExceptionEntry(e.Rule, e.Scope, e.Owner, e.Reason, e.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))],
            Sbom = new ComplianceSbom(release.SbomEnabled, release.SbomEnabled ? release.SbomFormat ?? "spdx" : null),
        };
    }

    /// <summary>The entries of a code baseline's "diagnostics" (0 without the file), or null when it does not read.</summary>
    public static int? CodeBaselineEntries(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        return JsonFormats.CodeBaseline.Parse(text).Root is JsonObjectNode root && root.Get("diagnostics") is JsonArrayNode diagnostics
            ? diagnostics.Items.Count
            : null;
    }

    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
