using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Signing;

/// <summary>
/// The certificate packages are signed with, from the CI system's secrets (environment variables, never project
/// files): a PFX file and its password, or the SHA-256 fingerprint of a certificate in a certificate store.
/// </summary>
public sealed record SigningCertificate
{
    /// <summary>The PFX/P12 file, or null when a store certificate is used.</summary>
    public string? File { get; init; }

    /// <summary>The PFX password (may be empty).</summary>
    public string? Password { get; init; }

    /// <summary>The SHA-256 fingerprint (hex) of the certificate in the store, or of the file's certificate.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The store name for a store certificate (default My).</summary>
    public string StoreName { get; init; } = "My";

    /// <summary>The store location (default CurrentUser).</summary>
    public string StoreLocation { get; init; } = "CurrentUser";

    /// <summary>The RFC 3161 timestamp server, or null (then the signature is valid only while the certificate is).</summary>
    public string? TimestampUrl { get; init; }

    /// <summary>Accept a certificate whose root is not a trusted root when verifying (self-signed or private CA).</summary>
    public bool AllowUntrustedRoot { get; init; }
}

/// <summary>What to do with the packages of a pack.</summary>
/// <param name="Sign">True to sign (and verify) them.</param>
/// <param name="Finding">A finding to report instead (missing certificate in CI, skipped locally), or null.</param>
public sealed record SigningDecision(bool Sign, Finding? Finding);

/// <summary>
/// Package signing after pack (profile §6, 002 L1725-1739): <c>dotnet nuget sign</c> with the certificate from the
/// environment, then <c>dotnet nuget verify</c> against that certificate. Verification uses a generated NuGet
/// configuration whose trustedSigners name the certificate's fingerprint, so it proves the package was signed by
/// that certificate and is unchanged; with <see cref="SigningCertificate.AllowUntrustedRoot"/> it also accepts a
/// self-signed or private-CA root, which NuGet on Linux and macOS otherwise rejects (NU3018/NU3042: it trusts only
/// the code-signing roots bundled with the .NET SDK).
/// </summary>
public static class PackageSigning
{
    /// <summary>The PFX file.</summary>
    public const string CertificateFileVariable = "STANDARDS_SIGNING_CERTIFICATE_FILE";

    /// <summary>The PFX password.</summary>
    public const string CertificatePasswordVariable = "STANDARDS_SIGNING_CERTIFICATE_PASSWORD";

    /// <summary>The SHA-256 fingerprint of a store certificate.</summary>
    public const string CertificateFingerprintVariable = "STANDARDS_SIGNING_CERTIFICATE_FINGERPRINT";

    /// <summary>The store name (My).</summary>
    public const string StoreNameVariable = "STANDARDS_SIGNING_CERTIFICATE_STORE_NAME";

    /// <summary>The store location (CurrentUser, LocalMachine).</summary>
    public const string StoreLocationVariable = "STANDARDS_SIGNING_CERTIFICATE_STORE_LOCATION";

    /// <summary>The timestamp server URL.</summary>
    public const string TimestampVariable = "STANDARDS_SIGNING_TIMESTAMP_URL";

    /// <summary>true to accept an untrusted (self-signed, private CA) root when verifying.</summary>
    public const string AllowUntrustedRootVariable = "STANDARDS_SIGNING_ALLOW_UNTRUSTED_ROOT";

    /// <summary>Reads the certificate settings; null when none is configured. Inconsistent settings are STD6046.</summary>
    public static SigningCertificate? ReadCertificate(Func<string, string?> variable, string reportFile, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(findings);
        string? Value(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;
        var file = Value(CertificateFileVariable);
        var fingerprint = Value(CertificateFingerprintVariable)?.Replace(":", string.Empty, StringComparison.Ordinal);
        if (file is null && fingerprint is null)
        {
            return null;
        }

        if (CertificateProblem(file, fingerprint) is { } problem)
        {
            findings.Add(new Finding(ReleaseRuleIds.SigningConfigurationInvalid, Severity.Error, problem, reportFile));
            return null;
        }

        var allow = Value(AllowUntrustedRootVariable);
        return new SigningCertificate
        {
            File = file,
            Password = variable(CertificatePasswordVariable) ?? string.Empty,
            Fingerprint = fingerprint,
            StoreName = Value(StoreNameVariable) ?? "My",
            StoreLocation = Value(StoreLocationVariable) ?? "CurrentUser",
            TimestampUrl = Value(TimestampVariable),
            AllowUntrustedRoot = string.Equals(allow, "true", StringComparison.OrdinalIgnoreCase) || allow == "1",
        };
    }

    /// <summary>What is inconsistent in the certificate settings (the message of STD6046); null when nothing is.</summary>
    private static string? CertificateProblem(string? file, string? fingerprint)
    {
        if (file is not null && fingerprint is not null)
        {
            return $"Both {CertificateFileVariable} and {CertificateFingerprintVariable} are set; set one: a PFX file (with {CertificatePasswordVariable}) or the fingerprint of a certificate in the store.";
        }

        if (file is not null && !File.Exists(file))
        {
            return $"{CertificateFileVariable} names '{file}', which does not exist. Write the certificate from the CI secret to that path before the build (see docs/release.md).";
        }

        if (fingerprint is not null && (fingerprint.Length != 64 || !fingerprint.All(Uri.IsHexDigit)))
        {
            return $"{CertificateFingerprintVariable} must be the certificate's SHA-256 fingerprint: 64 hex digits.";
        }

        return null;
    }

    /// <summary>Sign, fail (required in CI without a certificate), or skip with a message.</summary>
    public static SigningDecision Decide(SigningRequirement requirement, bool continuousIntegration, SigningCertificate? certificate, string projectFile)
    {
        if (requirement == SigningRequirement.Off)
        {
            return new SigningDecision(false, null);
        }

        if (certificate is not null)
        {
            return new SigningDecision(true, null);
        }

        if (requirement == SigningRequirement.Required && continuousIntegration)
        {
            return new SigningDecision(false, new Finding(ReleaseRuleIds.SigningCertificateMissing, Severity.Error,
                $"The release policy requires signed packages, but no signing certificate is configured for this CI build. Give the build {CertificateFileVariable} and {CertificatePasswordVariable} (a PFX from the CI secret store) or {CertificateFingerprintVariable} (a certificate in the agent's store), and {TimestampVariable}; see docs/release.md for GitHub, GitLab and Azure Pipelines.",
                projectFile));
        }

        return requirement == SigningRequirement.Required
            ? new SigningDecision(false, new Finding(ReleaseRuleIds.SigningSkipped, Severity.Info,
                "Package signing skipped: this is a local build without a signing certificate; CI builds sign (the release policy requires it).",
                projectFile))
            : new SigningDecision(false, null);
    }

    /// <summary>The SHA-256 fingerprint of the certificate (from the PFX, or as given for a store certificate); null with the reason in <paramref name="error"/>.</summary>
    public static string? Fingerprint(SigningCertificate certificate, out string? error)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        error = null;
        if (certificate.File is null)
        {
            return certificate.Fingerprint?.ToUpperInvariant();
        }

        try
        {
            using var loaded = X509CertificateLoader.LoadPkcs12FromFile(certificate.File, certificate.Password, X509KeyStorageFlags.DefaultKeySet);
            return Convert.ToHexString(SHA256.HashData(loaded.RawData));
        }
        catch (CryptographicException ex)
        {
            error = $"the certificate file could not be opened ({ex.Message.Trim()}): check {CertificatePasswordVariable}";
            return null;
        }
    }

    /// <summary>The arguments of <c>dotnet nuget sign</c>; the password is returned separately so logs can mask it.</summary>
    public static IReadOnlyList<string> SignArguments(string package, SigningCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var arguments = new List<string> { "nuget", "sign", package, "--overwrite" };
        if (certificate.File is not null)
        {
            arguments.AddRange(["--certificate-path", certificate.File, "--certificate-password", certificate.Password ?? string.Empty]);
        }
        else
        {
            arguments.AddRange(["--certificate-fingerprint", certificate.Fingerprint!, "--certificate-store-name", certificate.StoreName, "--certificate-store-location", certificate.StoreLocation]);
        }

        if (certificate.TimestampUrl is not null)
        {
            arguments.AddRange(["--timestamper", certificate.TimestampUrl]);
        }

        return arguments;
    }

    /// <summary>The arguments of <c>dotnet nuget verify</c> with the generated trust configuration.</summary>
    public static IReadOnlyList<string> VerifyArguments(string package, string configFile) =>
        ["nuget", "verify", "--all", package, "--configfile", configFile];

    /// <summary>A NuGet configuration that trusts exactly one author certificate.</summary>
    public static string TrustConfiguration(string fingerprint, bool allowUntrustedRoot) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!-- Generated by Standards.Sdk to verify signed packages; see docs/release.md. -->
        <configuration>
          <packageSources>
            <clear />
          </packageSources>
          <trustedSigners>
            <author name="release-certificate">
              <certificate fingerprint="{fingerprint}" hashAlgorithm="SHA256" allowUntrustedRoot="{(allowUntrustedRoot ? "true" : "false")}" />
            </author>
          </trustedSigners>
        </configuration>

        """;

    /// <summary>The package files of a pack that can be signed (symbol packages cannot).</summary>
    public static IEnumerable<string> SignablePackages(IEnumerable<string> outputs) =>
        outputs.Where(o => o.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) && !o.EndsWith(".symbols.nupkg", StringComparison.OrdinalIgnoreCase));

    /// <summary>Signs then verifies one package; findings say what failed.</summary>
    public static IReadOnlyList<Finding> SignAndVerify(string dotnet, string package, SigningCertificate certificate, string configFile, string projectFile, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(log);
        var secret = certificate.Password;
        var sign = Run(dotnet, SignArguments(package, certificate));
        log(Mask(sign.Output, secret));
        if (sign.ExitCode != 0)
        {
            return [new Finding(ReleaseRuleIds.SigningFailed, Severity.Error,
                $"dotnet nuget sign failed for {Path.GetFileName(package)} (exit code {sign.ExitCode}): {FirstError(Mask(sign.Output, secret))} Check the certificate (a code-signing certificate with its private key) and, if set, the timestamp server.",
                projectFile)];
        }

        return Verify(dotnet, package, configFile, projectFile, log);
    }

    /// <summary>Verifies one package against the trust configuration; STD6045 when it fails.</summary>
    public static IReadOnlyList<Finding> Verify(string dotnet, string package, string configFile, string projectFile, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var verify = Run(dotnet, VerifyArguments(package, configFile));
        log(verify.Output);
        return verify.ExitCode == 0
            ? []
            : [new Finding(ReleaseRuleIds.VerificationFailed, Severity.Error,
                $"dotnet nuget verify rejected {Path.GetFileName(package)}: {FirstError(verify.Output)} The package was changed after signing, or is not signed by the configured certificate, or its root is not trusted (set {AllowUntrustedRootVariable}=true for a self-signed or private-CA certificate).",
                projectFile)];
    }

    /// <summary>Runs dotnet; never throws.</summary>
    public static (int ExitCode, string Output) Run(string dotnet, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        try
        {
            using var process = Process.Start(info)!;
            var output = new StringBuilder();
            var stderr = process.StandardError.ReadToEndAsync();
            output.Append(process.StandardOutput.ReadToEnd());
            if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return (-1, output + "\n(timed out after 5 minutes)");
            }

            output.Append(stderr.Result);
            return (process.ExitCode, output.ToString());
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return (-1, $"{dotnet} could not be started: {ex.Message}");
        }
    }

    private static string Mask(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);

    private static string FirstError(string output) =>
        output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(l => l.StartsWith("error", StringComparison.OrdinalIgnoreCase) || l.Contains(": error", StringComparison.OrdinalIgnoreCase))
        ?? output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
        ?? "no output";
}
