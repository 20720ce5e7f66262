using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Secrets;

/// <summary>
/// The secret check of committed files (STD3040, STD3041): every file git tracks (every file of the snapshot outside a
/// git work tree, less those git ignores) whose name is one of <see cref="ScannedNames"/> is read and searched with
/// <see cref="SecretDetector"/>; a .pfx or .p12 file is a finding by its presence. Strong-name key files (.snk) are
/// allowed: they hold a signing key pair by design and are meant to be committed for open-source assemblies. Messages
/// name the kind, the file, the line and the secret's fingerprint, never the secret. What it reads is a content input
/// of the repository fingerprint (<see cref="IsScanned"/>), so the check runs again when such a file changes.
/// </summary>
public sealed class SecretsCheck : IRepositoryCheck
{
    /// <summary>The file names (globs, matched against the name, any case) whose content is searched.</summary>
    public static readonly IReadOnlyList<string> ScannedNames =
    [
        "*.json", "*.config", ".env", ".env.*", "*.env", "*.yml", "*.yaml", "*.xml", "*.properties", "*.ini", "*.toml",
        "*.sh", "*.bash", "*.zsh", "*.ps1", "*.psm1", "*.cmd", "*.bat", "*.pem", "*.key", "*.tfvars", ".npmrc", ".pypirc",
        "*.pubxml", "*.publishsettings", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519",
    ];

    /// <summary>Extensions of key stores, reported by their presence (STD3041).</summary>
    public static readonly IReadOnlyList<string> KeyStoreExtensions = [".pfx", ".p12"];

    /// <inheritdoc />
    public string Name => "secrets";

    // ScannedNames split by form, so that IsScanned, which the fingerprint of every build asks for every file of the
    // repo, is a few set lookups instead of a glob match per pattern: "*.ext", "name" and "prefix.*".
    private static readonly HashSet<string> ScannedExtensions = new(
        ScannedNames.Where(p => p.StartsWith("*.", StringComparison.Ordinal)).Select(p => p[1..]), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ScannedExactNames = new(
        ScannedNames.Where(p => !p.Contains('*', StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ScannedPrefixes =
        [.. ScannedNames.Where(p => !p.StartsWith('*') && p.EndsWith(".*", StringComparison.Ordinal)).Select(p => p[..^1])];

    /// <summary>True for a file whose content the check searches (by name, any case, as <see cref="ScannedNames"/> says; tracked or not).</summary>
    public static bool IsScanned(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return ScannedExactNames.Contains(name)
            || (dot >= 0 && ScannedExtensions.Contains(name[dot..]))
            || ScannedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for a key store (.pfx, .p12).</summary>
    public static bool IsKeyStore(string relativePath) =>
        KeyStoreExtensions.Any(e => relativePath.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public void Run(RepositoryCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reporter = context.Reporter;
        var scanText = reporter.IsOn(SecretRuleIds.SecretInFile);
        var keyStores = reporter.IsOn(SecretRuleIds.KeyStoreCommitted);
        foreach (var file in CommittedFiles(context.Repository))
        {
            if (keyStores && IsKeyStore(file))
            {
                reporter.Report(SecretRuleIds.KeyStoreCommitted,
                    $"{file} is a key store (certificates with their private keys) committed to the repository. Remove it from the repository and its history, replace the certificate (anyone with a clone has its key), and load it at run time from a secret manager or the platform's certificate store. Strong-name keys (.snk) are allowed. If the file holds no private key, add an exception for {SecretRuleIds.KeyStoreCommitted} to standards.json scoped to it.",
                    file);
            }
            else if (scanText && IsScanned(file))
            {
                PerFile.Run(reporter, file, "search for secrets in", () => Scan(context, file));
            }
        }
    }

    /// <summary>The message of a secret finding: kind, file, line and fingerprint; never the secret.</summary>
    public static string Message(string file, SecretFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{file} holds a secret ({finding.Kind}, fingerprint {finding.Fingerprint}). Remove it, rotate it (it is in the repository's history), and load it at run time from the environment or a secret manager; a placeholder such as ${{NAME}} or <name> is not reported. If it is not a secret, add an exception for {SecretRuleIds.SecretInFile} to standards.json scoped to this file.";
    }

    private static void Scan(RepositoryCheckContext context, string file)
    {
        var text = context.Repository.ReadText(file);
        if (text is null)
        {
            return; // Remembered by the snapshot; the runner reports it (STD0007).
        }

        foreach (var finding in SecretDetector.Find(text))
        {
            context.Reporter.Report(SecretRuleIds.SecretInFile, Message(file, finding), file, finding.Line, finding.Column);
        }
    }

    /// <summary>The files git tracks, sorted; outside git, every file of the snapshot that git does not ignore.</summary>
    private static IEnumerable<string> CommittedFiles(RepositorySnapshot repository)
    {
        var files = repository.TrackedFiles is { } tracked
            ? repository.Files.Where(tracked.Contains)
            : repository.Files.Where(f => repository.IgnoredFiles?.Contains(f) != true);
        return files.Order(StringComparer.Ordinal);
    }
}
