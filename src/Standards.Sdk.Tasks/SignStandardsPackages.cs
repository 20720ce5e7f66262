using System.Security.Cryptography;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Signing;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After pack: signs the packages with the certificate from the environment and verifies them
/// (<see cref="PackageSigning"/>); under a signing requirement a CI build without a certificate fails (STD6042)
/// and a local one says it skipped (STD6043). A package already signed by an earlier run (its hash is in the
/// state folder) is not signed again.
/// </summary>
public sealed class SignStandardsPackages : ProjectPolicyTask
{
    /// <summary>The pack's outputs (.nupkg, .snupkg, .nuspec); the .nupkg files are signed.</summary>
    public ITaskItem[] Packages { get; set; } = [];

    /// <summary>StandardsPackageSigning: ifAvailable, required or off; empty for standards.json's choice.</summary>
    public string? Requirement { get; set; }

    /// <summary>True in CI builds.</summary>
    public bool ContinuousIntegration { get; set; }

    /// <summary>Where the trust configuration and the signed-package hashes are kept.</summary>
    [Required]
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>The dotnet executable (DOTNET_HOST_PATH), or empty for 'dotnet' on the PATH.</summary>
    public string? DotnetHost { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var findings = new List<Finding>();
        var requirement = ReleaseSettings.ParseRequirement(Requirement) ?? policy.Release.Packages;
        var certificate = PackageSigning.ReadCertificate(Environment.GetEnvironmentVariable, ProjectFile, findings);
        if (findings.Count > 0)
        {
            return LogFindings(policy, today, findings, Configurable);
        }

        var decision = PackageSigning.Decide(requirement, ContinuousIntegration, certificate, ProjectFile);
        if (!decision.Sign)
        {
            if (decision.Finding is { } finding)
            {
                findings.Add(finding);
            }

            return LogFindings(policy, today, findings, Configurable);
        }

        var fingerprint = PackageSigning.Fingerprint(certificate!, out var error);
        if (fingerprint is null)
        {
            findings.Add(new Finding(ReleaseRuleIds.SigningConfigurationInvalid, Severity.Error, $"Packages cannot be signed: {error}.", ProjectFile));
            return LogFindings(policy, today, findings, Configurable);
        }

        var config = Path.Combine(StateDirectory, "verify.nuget.config");
        var notWritten = new List<string>();
        StateWriter.TryWriteIfChanged(config, PackageSigning.TrustConfiguration(fingerprint, certificate!.AllowUntrustedRoot), notWritten);
        if (notWritten.Count > 0)
        {
            // Without the trust configuration nothing can be verified, so nothing is signed.
            findings.Add(NotWritten(notWritten, "the trust configuration that verifies the signed packages; no package was signed", IntermediateFolderFix, StateDirectory));
            return LogFindings(policy, today, findings, Configurable);
        }

        SignEach(fingerprint, certificate, config, findings, notWritten);
        if (notWritten.Count > 0)
        {
            findings.Add(NotWritten(notWritten, "the record of which packages are signed, so they are signed again on the next pack", IntermediateFolderFix, StateDirectory));
        }

        return LogFindings(policy, today, findings, Configurable);
    }

    // Signs and verifies each package, but not one whose stamp holds this certificate and the package's hash (signed by an earlier pack).
    private void SignEach(string fingerprint, SigningCertificate certificate, string config, List<Finding> findings, List<string> notWritten)
    {
        var dotnet = string.IsNullOrEmpty(DotnetHost) ? "dotnet" : DotnetHost!;
        foreach (var package in PackageSigning.SignablePackages(Packages.Select(p => p.GetMetadata("FullPath"))).Where(File.Exists))
        {
            var stamp = Path.Combine(StateDirectory, Path.GetFileName(package) + ".signed");
            if (ReadOrNull(stamp)?.Trim() == $"{fingerprint} {Hash(package)}")
            {
                Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: {0} is already signed with certificate {1}.", Path.GetFileName(package), fingerprint);
                continue;
            }

            var problems = PackageSigning.SignAndVerify(dotnet, package, certificate, config, ProjectFile, output => Log.LogMessage(MessageImportance.Low, output));
            findings.AddRange(problems);
            if (problems.Count == 0)
            {
                // A stamp that cannot be written only means the package is signed again next time.
                StateWriter.TryWrite(stamp, $"{fingerprint} {Hash(package)}\n", notWritten);
                Log.LogMessage(MessageImportance.High, "Standards.Sdk: signed and verified {0} (certificate {1}{2}).",
                    Path.GetFileName(package), fingerprint, certificate.TimestampUrl is null ? ", no timestamp" : ", timestamped");
            }
        }
    }

    // STD6042 (CI without a certificate) and STD6043 (signing skipped locally) take their severity and exceptions
    // from standards.json (docs/rules/STD6042.md, STD6043.md); the task runs after every pack, so no date goes stale.
    private static readonly string[] Configurable = [ReleaseRuleIds.SigningCertificateMissing, ReleaseRuleIds.SigningSkipped];

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
