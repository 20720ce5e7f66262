using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Secrets;

/// <summary>
/// The secret check of committed files (STD3040, STD3041, STD3042): every file git tracks (every file of the snapshot
/// outside a git work tree, less those git ignores) is a candidate, whatever its name; a .pfx or .p12 file is a
/// finding by its presence, and every other one is read and searched with <see cref="SecretDetector"/> (for the known
/// credential formats; in configuration files, <see cref="NamedSecretFiles"/>, for values under secret names too) unless it is
/// binary (a NUL byte in its first <see cref="BinarySniffBytes"/> bytes, as git decides). A text file larger than
/// <see cref="MaxSearchedBytes"/> is searched up to that size and named (STD3042), never skipped in silence. A symbolic
/// link is not followed (git records its target's path, not the content). Strong-name key files (.snk) are binary and
/// allowed. Messages name the kind, the file, the line and the secret's fingerprint, never the secret. Every candidate
/// is a content input of the repository fingerprint (<see cref="IsScanned"/>), so the check runs again when any file
/// changes, appears or disappears, and a no-op build skips it.
/// </summary>
public sealed class SecretsCheck : IRepositoryCheck
{
    /// <summary>Extensions of key stores, reported by their presence (STD3041).</summary>
    public static readonly IReadOnlyList<string> KeyStoreExtensions = [".pfx", ".p12"];

    /// <summary>How much of a file is searched: larger files are searched up to this size and reported (STD3042).</summary>
    public const int MaxSearchedBytes = 16 * 1024 * 1024;

    /// <summary>How many leading bytes decide whether a file is binary (git's own rule: a NUL byte among the first 8,000).</summary>
    public const int BinarySniffBytes = 8000;

    /// <summary>
    /// The configuration files (globs, matched against the name, any case) where a literal value under a secret name
    /// (password, api key, token, ...) is reported too; every other text file is searched for the known formats only,
    /// since in source code and prose "password = value" is an assignment or a sentence (C# literals are STD1010's).
    /// </summary>
    public static readonly IReadOnlyList<string> NamedSecretFiles =
    [
        "*.json", "*.config", ".env", ".env.*", "*.env", "*.yml", "*.yaml", "*.xml", "*.properties", "*.ini", "*.toml",
        "*.sh", "*.bash", "*.zsh", "*.ps1", "*.psm1", "*.cmd", "*.bat", "*.pem", "*.key", "*.tfvars", ".npmrc", ".pypirc",
        "*.pubxml", "*.publishsettings", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519",
    ];

    // NamedSecretFiles split by form: "*.ext", "name" and "prefix.*".
    private static readonly HashSet<string> NamedExtensions = new(
        NamedSecretFiles.Where(p => p.StartsWith("*.", StringComparison.Ordinal)).Select(p => p[1..]), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> NamedExactNames = new(
        NamedSecretFiles.Where(p => !p.Contains('*', StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);

    private static readonly string[] NamedPrefixes =
        [.. NamedSecretFiles.Where(p => !p.StartsWith('*') && p.EndsWith(".*", StringComparison.Ordinal)).Select(p => p[..^1])];

    private readonly int maxSearchedBytes;
    private readonly Func<string, bool, IReadOnlyList<SecretFinding>> find;
    private readonly SecretFindingsCache? cache;

    /// <summary>Creates the check, which searches a file up to <see cref="MaxSearchedBytes"/>.</summary>
    public SecretsCheck()
        : this(MaxSearchedBytes)
    {
    }

    /// <summary>Creates the check, which takes the findings of a text it searched in an earlier build from <paramref name="cache"/>.</summary>
    public SecretsCheck(SecretFindingsCache cache)
        : this(MaxSearchedBytes, SecretDetector.Find, cache ?? throw new ArgumentNullException(nameof(cache)))
    {
    }

    /// <summary>Creates the check with another size limit (tests reach it without writing files of 16 MB).</summary>
    internal SecretsCheck(int maxSearchedBytes)
        : this(maxSearchedBytes, SecretDetector.Find)
    {
    }

    /// <summary>Creates the check with another search (tests reach a pattern's time limit without a slow text).</summary>
    internal SecretsCheck(int maxSearchedBytes, Func<string, bool, IReadOnlyList<SecretFinding>> find, SecretFindingsCache? cache = null)
    {
        this.maxSearchedBytes = maxSearchedBytes;
        this.find = find;
        this.cache = cache;
    }

    /// <inheritdoc />
    public string Name => "secrets";

    /// <summary>
    /// True for a file whose content the check may read: every file but a key store (judged by its presence). Whether
    /// it is text is known only from its content, so the fingerprint hashes every one of them.
    /// </summary>
    public static bool IsScanned(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return !IsKeyStore(relativePath);
    }

    /// <summary>True for a configuration file, where values under secret names are searched too (<see cref="NamedSecretFiles"/>).</summary>
    public static bool IsConfiguration(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return NamedExactNames.Contains(name)
            || (dot >= 0 && NamedExtensions.Contains(name[dot..]))
            || NamedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for a key store (.pfx, .p12).</summary>
    public static bool IsKeyStore(string relativePath) =>
        KeyStoreExtensions.Any(e => relativePath.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for content git would call binary: a NUL among its first <see cref="BinarySniffBytes"/> bytes.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> head) =>
        head[..Math.Min(head.Length, BinarySniffBytes)].IndexOf((byte)0) >= 0;

    /// <inheritdoc />
    public void Run(RepositoryCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reporter = context.Reporter;
        var scanText = reporter.IsOn(SecretRuleIds.SecretInFile);
        var keyStores = reporter.IsOn(SecretRuleIds.KeyStoreCommitted);
        foreach (var file in CommittedFiles(context.Repository))
        {
            if (IsKeyStore(file))
            {
                if (keyStores)
                {
                    reporter.Report(SecretRuleIds.KeyStoreCommitted,
                        $"{file} is a key store (certificates with their private keys) committed to the repository. Remove it from the repository and its history, replace the certificate (anyone with a clone has its key), and load it at run time from a secret manager or the platform's certificate store. Strong-name keys (.snk) are allowed. If the file holds no private key, add an exception for {SecretRuleIds.KeyStoreCommitted} to standards.json scoped to it.",
                        file);
                }
            }
            else if (scanText)
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

    private void Scan(RepositoryCheckContext context, string file)
    {
        var limit = maxSearchedBytes;
        var (text, size) = Read(context.Repository, file, limit);
        if (text is null)
        {
            return; // Binary, a link, or unreadable (remembered by the snapshot; the runner reports it: STD0007).
        }

        IReadOnlyList<SecretFinding> findings;
        try
        {
            findings = cache is null ? find(text, IsConfiguration(file)) : cache.Find(text, IsConfiguration(file), find);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern ran past its time limit on this text (a very long line on a loaded machine): the file was not
            // searched in full, which is said as its own finding, never an internal error and never a silent pass.
            if (context.Reporter.IsOn(SecretRuleIds.SearchTimedOut))
            {
                context.Reporter.Report(SecretRuleIds.SearchTimedOut,
                    string.Create(CultureInfo.InvariantCulture, $"{file} could not be searched for secrets in full: a pattern ran past its time limit of {SecretDetector.MatchTimeout.TotalSeconds:0} s on its text (usually a very long line: minified or generated content). Keep generated and minified files out of the repository (restore them with a package manager or build them), or split the long lines; if it holds no secret, add an exception for {SecretRuleIds.SearchTimedOut} to standards.json scoped to this file."),
                    file);
            }

            return;
        }

        foreach (var finding in findings)
        {
            context.Reporter.Report(SecretRuleIds.SecretInFile, Message(file, finding), file, finding.Line, finding.Column);
        }

        if (size > limit && context.Reporter.IsOn(SecretRuleIds.FileTooLargeToSearch))
        {
            context.Reporter.Report(SecretRuleIds.FileTooLargeToSearch,
                string.Create(CultureInfo.InvariantCulture, $"{file} is {size:N0} bytes: only its first {limit:N0} bytes were searched for secrets, the rest was not. Keep large data out of the repository (Git LFS, an artifact store, a generated file), or split it; if it holds no secret, add an exception for {SecretRuleIds.FileTooLargeToSearch} to standards.json scoped to this file."),
                file);
        }
    }

    /// <summary>
    /// The text to search and the file's size in bytes: from disk when the file is there (at most
    /// <see cref="MaxSearchedBytes"/> read, so a large file costs no more than that), else through the snapshot (a
    /// snapshot in memory); null for binary content, a symbolic link, or a file that could not be read.
    /// </summary>
    private static (string? Text, long Size) Read(RepositorySnapshot repository, string file, int limit)
    {
        var path = Path.Combine(repository.Root, file);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                if (info.LinkTarget is not null)
                {
                    return (null, 0);
                }

                // A FIFO, a device or a socket is never opened here (a FIFO would wait for ever): the snapshot's bounded
                // reader below refuses it and records why (STD0007).
                if (FileStat.Of(path) is not { Special: true })
                {
                    return ReadFromDisk(path, info.Length, limit);
                }
            }
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            // Read again through the snapshot below, which records why it could not be read (STD0007).
        }

        var text = repository.ReadText(file);
        if (text is null || text.AsSpan(0, Math.Min(text.Length, BinarySniffBytes)).Contains('\0'))
        {
            return (null, 0);
        }

        var size = Encoding.UTF8.GetByteCount(text);
        return (size > limit ? text[..Math.Min(text.Length, limit)] : text, size);
    }

    private static (string? Text, long Size) ReadFromDisk(string path, long length, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var buffer = new byte[(int)Math.Min(length, limit)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var content = buffer.AsSpan(0, read);
        if (IsBinary(content))
        {
            return (null, length);
        }

        var bom = Encoding.UTF8.Preamble;
        return (Encoding.UTF8.GetString(content.StartsWith(bom) ? content[bom.Length..] : content), length);
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
