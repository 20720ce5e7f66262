using System.Globalization;
using Standards.Sdk.Checks.Reports.Compliance;

namespace Standards.Tool.Tests.Fleet;

/// <summary>Compliance documents for the fleet tests, written by the SDK's own writer.</summary>
internal static class FleetSamples
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static ComplianceFacts Facts(string repo, string sdk = "1.2.0", int day = 20, string? commit = null, int errors = 0, int warnings = 0, int repoBaseline = 2, int? codeBaseline = 3,
        ComplianceCoverage? coverage = null, bool measured = true, params ComplianceExceptionEntry[] exceptions)
    {
        var findings = new List<ComplianceRuleCount>();
        if (errors > 0)
        {
            findings.Add(new ComplianceRuleCount("STD3014", "error", errors + 1, 1));
        }

        if (warnings > 0)
        {
            findings.Add(new ComplianceRuleCount("STD3031", "warning", warnings, 0));
        }

        return new ComplianceFacts
        {
            Repo = repo,
            Commit = commit ?? Commit(repo, day),
            Date = new DateTime(2026, 11, day, 8, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            SdkVersion = sdk,
            RepoKind = "service",
            Version = "1.0." + day.ToString(CultureInfo.InvariantCulture),
            Findings = findings,
            RepoBaselineEntries = repoBaseline,
            CodeBaselineEntries = codeBaseline,
            Exceptions = exceptions,
            // A CI build that reached its coverage step, unless the sample says it did not.
            Coverage = coverage ?? (measured ? Covered : null),
            Sbom = new ComplianceSbom(true, "spdx"),
        };
    }

    /// <summary>The coverage verdict of a passing coverage step.</summary>
    public static readonly ComplianceCoverage Covered = new(85, 70, 80, 60, true);

    public static string Text(ComplianceFacts facts) => ComplianceDocument.Write(facts);

    public static string Commit(string repo, int day)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(repo + day.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(hash)[..40];
    }

    public static ComplianceExceptionEntry Exception(string rule, string owner, string expires) => new(rule, "src/**", owner, "migrating", expires);
}

/// <summary>A temporary folder, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fleet").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a busy machine: the temp folder is cleaned by the system.
        }
    }
}
