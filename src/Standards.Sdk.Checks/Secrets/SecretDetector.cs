// The secret detector, one source compiled into two assemblies: the checks (the repository check STD3040) and the
// analyzers (STD1010, linked by Standards.Sdk.Analyzers.csproj), because the compiler loads the analyzer assembly
// on its own and it cannot reference the checks. Hand-written: the analyzer must stay netstandard2.0 without
// dependencies, and no .NET library of credential formats is served (secretlint, the oracle of the tests, is npm).
// Plain netstandard2.0 APIs only: the analyzers have none of the checks' polyfills.
#if STANDARDS_ANALYZERS
// The checks have them as implicit usings; the analyzers have none.
using System;
using System.Collections.Generic;
#endif
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

#if STANDARDS_ANALYZERS
namespace Standards.Sdk.Analyzers;
#else
namespace Standards.Sdk.Checks.Secrets;
#endif

/// <summary>
/// Finds secrets in text: known credential formats anywhere (<see cref="FindFormats"/>), and literal values under
/// names that say they are secrets in key/value text (JSON, YAML, .env, XML, scripts, C#: <see cref="FindNamed"/>).
/// Placeholders (<see cref="IsPlaceholder"/>) are left alone. A finding carries a fingerprint, never the secret.
/// </summary>
public static class SecretDetector
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>How long one pattern may search one text before the search is given up (<see cref="RegexMatchTimeoutException"/>).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Timeout = MatchTimeout;

    // Each format: its kind and a pattern; the group "s", when present, is the secret part (the fingerprint's input).
    private static readonly KeyValuePair<string, Regex>[] Formats =
    [
        Format(SecretKinds.AwsAccessKeyId, @"\b(?<s>(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b"),
        Format(SecretKinds.AwsSecretAccessKey, @"(?i:aws_?secret_?(access_?)?key|secret_?access_?key)[""']?(\s*(=|:|=>)\s*[""']?|\s+value\s*=\s*""|>)(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
        // Token formats as secretlint's recommended preset writes them: not after a letter, not followed by more of the token.
        Format(SecretKinds.GitHubToken, @"(?<!\p{L})(?<s>(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])|(?<!\p{L})(?<s>ghs_[0-9]{1,20}_[A-Za-z0-9_\-]{1,1000}\.[A-Za-z0-9_\-]{1,10000}\.[A-Za-z0-9_\-]{1,1000})(?![A-Za-z0-9_\-])"),
        Format(SecretKinds.GitLabToken, @"(?<!\p{L})(?<s>glpat-[A-Za-z0-9_\-]{20,128})(?![A-Za-z0-9_\-])"),
        Format(SecretKinds.SlackToken, @"\b(?<s>(xoxb|xoxp|xapp|xoxa|xoxo|xoxr|xoxs)-([0-9]-)?([a-zA-Z0-9]{1,40}-)+[a-zA-Z0-9]{1,40})\b|(?<s>https://hooks\.slack\.com/services/T[a-zA-Z0-9]{1,40}/B[a-zA-Z0-9]{1,40}/[a-zA-Z0-9]{1,40})"),
        Format(SecretKinds.StripeKey, @"(?<!\p{L})(?<s>(sk|rk)_(live|test)_[0-9A-Za-z]{24,99})(?![A-Za-z0-9])"),
        Format(SecretKinds.NpmToken, @"(?<!\p{L})(?<s>npm_[A-Za-z0-9_]{36})(?![A-Za-z0-9_])"),
        Format(SecretKinds.SendGridKey, @"(?<!\p{L})(?<s>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])"),
        Format(SecretKinds.OpenAiKey, @"(?<!\p{L})(?<s>sk-(proj|svcacct|admin)-([A-Za-z0-9_\-]{74}|[A-Za-z0-9_\-]{58})T3BlbkFJ([A-Za-z0-9_\-]{74}|[A-Za-z0-9_\-]{58})|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})(?![A-Za-z0-9_\-])"),
        Format(SecretKinds.AnthropicKey, @"(?<!\p{L})(?<s>sk-ant-api0[0-9]-[A-Za-z0-9_\-]{90,128}AA)(?![A-Za-z0-9_\-])"),
        Format(SecretKinds.GroqKey, @"(?<!\p{L})(?<s>gsk_[a-zA-Z0-9]{52})(?![a-zA-Z0-9])"),
        Format(SecretKinds.HuggingFaceToken, @"(?<!\p{L})(?<s>hf_[a-zA-Z]{34})(?![a-zA-Z])"),
        Format(SecretKinds.LinearKey, @"(?<!\p{L})(?<s>lin_api_[a-zA-Z0-9_]{32,128})(?![a-zA-Z0-9_])"),
        Format(SecretKinds.NotionToken, @"(?<!\p{L})(?<s>ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9])"),
        Format(SecretKinds.ShopifyToken, @"(?<!\p{L})(?<s>(shppa|shpca|shpat|shpss)_[a-zA-Z0-9]{32,64})(?![a-zA-Z0-9])"),
        Format(SecretKinds.GrafanaToken, @"(?<!\p{L})(?<s>glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=])|(?<!\p{L})(?<s>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Fa-f0-9])"),
        // The body is base64 of a JSON object: "ey" is the start of {", "fQ" the end of }.
        Format(SecretKinds.OnePasswordToken, @"(?<!\p{L})(?<s>ops_ey[A-Za-z0-9+/=]{100,1280}fQ={0,2})(?![A-Za-z0-9+/=])"),
        Format(SecretKinds.VaultToken, @"(?<!\p{L})(?<s>hvs\.[A-Za-z0-9_\-]{90,120}|hvr\.[A-Za-z0-9_\-]{90,120}|hvb\.[A-Za-z0-9_\-]{138,300})(?![A-Za-z0-9_\-])"),
        Format(SecretKinds.VercelToken, @"(?<!\p{L})(?<s>(vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60})(?![A-Za-z0-9])"),
        Format(SecretKinds.DatabricksToken, @"(?<!\p{L})(?<s>dapi[A-Fa-f0-9]{32}(-[0-9])?)(?![A-Fa-f0-9])"),
        Format(SecretKinds.DockerToken, @"(?<!\p{L})(?<s>dckr_pat_[a-zA-Z0-9_\-]{27})(?![a-zA-Z0-9_\-])"),
        Format(SecretKinds.FigmaToken, @"(?<!\p{L})(?<s>figd_[A-Za-z0-9_\-]{40,200})(?![A-Za-z0-9_\-])"),
        Format(SecretKinds.CloudflareToken, @"(?<!\p{L})(?<s>(cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9])"),
        Format(SecretKinds.TailscaleKey, @"(?<!\p{L})(?<s>tskey-[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60})(?![0-9A-Za-z_])"),
        Format(SecretKinds.TwilioKey, @"\b(?<s>SK[0-9a-f]{32})\b"),
        Format(SecretKinds.PrivateKey, @"-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----(?<s>[A-Za-z0-9+/=\s\\n:,\-]{16,}?)(-----END|$)"),
        Format(SecretKinds.Jwt, @"\b(?<s>eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})"),
        Format(SecretKinds.AzureStorageKey, @"(?i:AccountKey|SharedAccessKey)\s*=\s*(?<s>[A-Za-z0-9+/]{40,}={0,2})"),
        // A connection string's password: a pair separated by ';' (ADO.NET, ODBC) or ',' (Redis), so a line of .env or INI
        // (Password=...) is a named secret instead.
        Format(SecretKinds.ConnectionStringPassword, @"(?i:(?<=[;,][ \t]*)(password|pwd)\s*=\s*)(?<s>[^;,""'\s)<`]+)(?=[;,""'\s)<`]|$)|(?i:(?<=^|[""'\s])(password|pwd)\s*=\s*)(?<s>[^;,""'\s)<]+)(?=[;,])"),
        Format(SecretKinds.UrlPassword, @"\b[A-Za-z][A-Za-z0-9+.\-]{0,30}://(?<u>[^\s:/@""'<>]+):(?<s>[^\s@/""'<>]+)@[A-Za-z0-9\[]"),
    ];

    // "name: value", "name = value", "name => value", quoted or not (JSON, YAML, .env, INI, scripts, C#). A name
    // starts where a run of name characters starts (or at $ or @): tried inside a long run as well, the search would
    // cost 100 steps per character of a minified line and run into its time limit on a loaded machine.
    private static readonly Regex KeyValue = new(
        @"(?<name>(?:(?<![A-Za-z0-9_.\-])[A-Za-z_]|[$@])[A-Za-z0-9_.\-]{0,99})[""']?[ \t]*(:=|=>|=|:)[ \t]*(""(?<value>[^""\r\n]*)""|'(?<value>[^'\r\n]*)'|(?<value>[^\s""',;{}\[\]<]+))",
        Options | RegexOptions.Multiline,
        Timeout);

    // <add key="Password" value="..."/> and <Password>value</Password>.
    private static readonly Regex XmlKeyValue = new(
        @"(?i:key|name)\s*=\s*""(?<name>[^""\r\n]{1,200})""[^>]{0,200}?\s(?i:value|connectionString)\s*=\s*""(?<value>[^""]*)""|<(?<name>[A-Za-z_][\w.\-]{0,99})(\s[^>]{0,500})?>(?<value>[^<\r\n]+)</\k<name>>",
        Options,
        Timeout);

    private static readonly string[] SecretWords =
    [
        "password", "passwd", "passphrase", "secret", "apikey", "accesskey", "privatekey", "token", "credential",
        "signingkey", "encryptionkey", "sastoken", "clientkey",
    ];

    private static readonly string[] NotSecretEndings =
    [
        "name", "names", "path", "file", "url", "uri", "endpoint", "type", "id", "ids", "length", "policy", "expiry",
        "expiration", "lifetime", "timeout", "minutes", "seconds", "hours", "days", "ttl", "header", "field", "prefix",
        "format", "pattern", "regex", "label", "description", "hint", "count", "enabled", "required", "provider",
        "location", "version", "issuer", "audience", "validation", "options", "settings", "section", "variable",
        "env", "source", "kind", "mode", "size", "store", "vault", "question", "reset", "hash", "salt", "rotation",
    ];

    // Values that stand for a secret when they are the whole value.
    private static readonly string[] PlaceholderValues =
    [
        "changeme", "changeit", "secret", "password", "passwd", "token", "apikey", "api-key", "none", "null", "nil",
        "undefined", "empty", "true", "false", "yes", "no", "required", "optional", "todo", "tbd", "notset",
        "not-set", "not_set", "test", "sample",
    ];

    // Values that say how a secret may be used, not what it is: the access levels of a permission (a GitHub workflow's
    // `id-token: write`, `packages: read`, `permissions: read-all`) and a workflow's `secrets: inherit`. Under a secret
    // name they are keywords of the format, the same in every repository, never a credential.
    private static readonly string[] AccessKeywords =
    [
        "read", "write", "read-all", "write-all", "readonly", "read-only", "read_only", "writeonly", "write-only",
        "write_only", "readwrite", "read-write", "read_write", "inherit",
    ];

    // Words that make a value a placeholder wherever they appear in it.
    private static readonly string[] PlaceholderParts =
    [
        "changeme", "change-me", "change_me", "placeholder", "example", "redacted", "dummy", "your-", "your_",
        "yourpassword", "yoursecret", "yourtoken", "replace-me", "replace_me", "replaceme", "replace-with",
        "replace_with", "insert-", "insert_", "enter-your", "notreal", "not-a-real", "not_a_real",
    ];

    /// <summary>The fingerprint of a secret of a kind: the first 12 hex digits of SHA-256 over kind, NUL, secret.</summary>
    public static string Fingerprint(string kind, string secret)
    {
        using var sha = SHA256.Create();
#pragma warning disable CA1850 // The static SHA256.HashData is not in netstandard2.0, and the analyzers have no polyfills.
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(kind + "\0" + secret));
#pragma warning restore CA1850
        var sb = new StringBuilder(12);
        for (var i = 0; i < 6; i++)
        {
            sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Every secret in <paramref name="text"/>: known formats, and literal values under secret names.</summary>
    public static IReadOnlyList<SecretFinding> Find(string text) => Find(text, names: true);

    /// <summary>
    /// Every secret in <paramref name="text"/>: known formats, and when <paramref name="names"/> is true literal values
    /// under secret names (meant for configuration: in source code and prose "password = value" is an assignment or a sentence).
    /// </summary>
    public static IReadOnlyList<SecretFinding> Find(string text, bool names)
    {
        var findings = new List<SecretFinding>();
        var lines = new LineMap(text);
        var taken = new List<int>();
        foreach (var match in FindFormats(text))
        {
            taken.Add(lines.LineOf(match.Index));
            findings.Add(lines.Finding(match));
        }

        foreach (var match in names ? FindNamed(text) : Array.Empty<SecretMatch>())
        {
            // A line a format matched already says what the secret is; the name adds nothing.
            if (!taken.Contains(lines.LineOf(match.Index)))
            {
                findings.Add(lines.Finding(match));
            }
        }

        findings.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return findings;
    }

    /// <summary>Known credential formats in <paramref name="text"/> (a whole file, or one string literal).</summary>
    public static IEnumerable<SecretMatch> FindFormats(string text)
    {
        foreach (var format in Formats)
        {
            foreach (Match match in format.Value.Matches(text))
            {
                var secret = match.Groups["s"];
                var value = secret.Success ? secret.Value.Trim() : match.Value;
                if (value.Length > 0 && IsRealFormatValue(format.Key, value) && !IsUserName(text, match, value))
                {
                    yield return new SecretMatch(format.Key, match.Index, Fingerprint(format.Key, value));
                }
            }
        }
    }

    /// <summary>Literal values under secret names in key/value text (JSON, YAML, .env, INI, XML, scripts).</summary>
    public static IEnumerable<SecretMatch> FindNamed(string text)
    {
        foreach (var pattern in new[] { KeyValue, XmlKeyValue })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var name = match.Groups["name"].Value;
                var value = match.Groups["value"].Value;
                if (IsSecretName(name) && IsSecretValue(value) && !IsOwnName(name, value)
                    && !IsUserOnLine(text, match.Index, value))
                {
                    var at = match.Groups["value"].Index;
                    yield return new SecretMatch(SecretKinds.NamedSecret, at, Fingerprint(SecretKinds.NamedSecret, value.Trim()));
                }
            }
        }
    }

    /// <summary>
    /// True for a value made of parts (a connection string, a URL: a '=' other than base64 padding, or "://"): the formats judge its parts (a literal password in
    /// it is <see cref="SecretKinds.ConnectionStringPassword"/> or <see cref="SecretKinds.UrlPassword"/>), so a
    /// connection string without a password, or with its user name as password, is not a secret as a whole.
    /// </summary>
    private static bool IsComposite(string value) =>
        value.Contains("://") || !(value.TrimEnd('=').IndexOf('=') < 0);

    /// <summary>
    /// True when the value is a word of its own name (<c>POSTGRES_PASSWORD: postgres</c>): the default credential of a
    /// local or CI service container, which says nothing that the name does not.
    /// </summary>
    private static bool IsOwnName(string name, string value) =>
        System.Globalization.CultureInfo.InvariantCulture.CompareInfo.IndexOf(name, value.Trim(), System.Globalization.CompareOptions.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// True when a password is the user name of a connection string on the same line (<c>Username=postgres;Password=postgres</c>):
    /// the default credentials of a local or CI service container, not a secret.
    /// </summary>
    private static bool IsUserOnLine(string text, int index, string password)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = text.IndexOf('\n', index);
        var line = text.Substring(start, (end < 0 ? text.Length : end) - start);
        foreach (Match candidate in UserInConnectionString.Matches(line))
        {
            if (string.Equals(candidate.Groups["u"].Value, password.Trim(), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a name says its value is a secret: its last segment (after '.', ':' or "__"), without '_' and '-',
    /// contains password, secret, api key, access key, private key, token, credential and the like, and does not end
    /// in a word that makes it about the secret rather than the secret itself (SecretName, TokenUrl, PasswordPolicy,
    /// TokenLifetime, ...). A connection string is not such a name: its secret is a part (Password=, user:password@),
    /// which the formats find, and a value without parts is a name or an address (<c>"ConnectionString": "mydb"</c>,
    /// <c>localhost:6379</c>).
    /// </summary>
    public static bool IsSecretName(string name)
    {
        var segment = LastSegment(name);
        var normalized = segment.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
        if (normalized == "pwd")
        {
            return true;
        }

        var word = Array.Find(SecretWords, w => normalized.Contains(w));
        if (word is null)
        {
            return false;
        }

        var after = normalized.Substring(normalized.IndexOf(word, StringComparison.Ordinal) + word.Length);
        return after.Length == 0 || after == "s" || !Array.Exists(NotSecretEndings, e => after.EndsWith(e, StringComparison.Ordinal));
    }

    /// <summary>
    /// True when a value under a secret name is a literal secret: not a placeholder, a reference, a number or a flag,
    /// not an access level or keyword (<c>id-token: write</c>, <c>secrets: inherit</c>), no prose (spaces), not a
    /// label that names a secret itself (<c>"api-token"</c>, <c>"db-password"</c>), and not made of parts (a
    /// connection string or URL, whose parts the formats judge).
    /// </summary>
    public static bool IsSecretValue(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 4 && !IsPlaceholder(trimmed) && !IsNumberOrFlag(trimmed) && !IsAccessKeyword(trimmed) && trimmed.IndexOf(' ') < 0
            && !IsLabel(trimmed) && !IsComposite(trimmed);
    }

    private static bool IsAccessKeyword(string value) => Array.IndexOf(AccessKeywords, value.ToLowerInvariant()) >= 0;

    private static bool IsLabel(string value)
    {
        var normalized = value.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
        return Array.Exists(SecretWords, normalized.Contains);
    }

    /// <summary>
    /// True for a value that stands for a secret rather than being one: empty, <c>&lt;...&gt;</c>, <c>${...}</c>,
    /// <c>$(...)</c>, <c>$NAME</c>, <c>%...%</c>, <c>{{...}}</c>, <c>#{...}</c>, <c>__...__</c>, one character
    /// repeated (<c>***</c>, <c>xxx</c>), and words such as changeme, placeholder, example, your-...-here.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || IsReference(v) || IsRepeated(v))
        {
            return true;
        }

        var lower = v.ToLowerInvariant();
        return Array.IndexOf(PlaceholderValues, lower) >= 0 || Array.Exists(PlaceholderParts, lower.Contains);
    }

    // Delimiters of a reference or template expression that stands for the value: <name>, ${NAME}, %NAME%, {{ x }}...
    private static readonly string[][] Wrappers =
    [
        ["<", ">"], ["${", "}"], ["$(", ")"], ["%", "%"], ["{{", "}}"], ["#{", "}"], ["#{", "}#"], ["__", "__"], ["@@", "@@"], ["[", "]"], ["{", "}"],
    ];

    private static bool IsReference(string v) =>
        Array.Exists(Wrappers, w => Wrapped(v, w[0], w[1]))
        || (v.Length > 1 && v[0] == '$' && (char.IsLetter(v[1]) || v[1] == '_' || v[1] == '{' || v[1] == '('))
        || (v[v.Length - 1] == ')' && v.IndexOf('(') > 0)
        || v.StartsWith("env:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal);

    private static bool Wrapped(string v, string start, string end) =>
        v.Length >= start.Length + end.Length && v.StartsWith(start, StringComparison.Ordinal) && v.EndsWith(end, StringComparison.Ordinal);

    private static bool IsRepeated(string v)
    {
        foreach (var c in v)
        {
            if (c != v[0] && !(char.ToLowerInvariant(c) == 'x' && char.ToLowerInvariant(v[0]) == 'x') && c != '*' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumberOrFlag(string v)
    {
        foreach (var c in v)
        {
            if (!char.IsDigit(c) && c != '.' && c != '-' && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    // The example key pair of AWS's documentation, allowed as secretlint and git-secrets allow it: it is in every
    // AWS tutorial and grants nothing.
    private static readonly string[] AwsDocumentationExamples = ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"];

    /// <summary>A format match that is a real value: a connection string or URL password that is not a placeholder.</summary>
    private static bool IsRealFormatValue(string kind, string value) =>
        kind switch
        {
            SecretKinds.AwsAccessKeyId or SecretKinds.AwsSecretAccessKey => Array.IndexOf(AwsDocumentationExamples, value) < 0,
            SecretKinds.ConnectionStringPassword or SecretKinds.UrlPassword => !IsPlaceholder(value) && !IsPlaceholder(Uri.UnescapeDataString(value)),
            _ => true,
        };

    private static readonly Regex UserInConnectionString = new(
        @"(?i:(^|[^A-Za-z0-9_])(user ?id|username|user|uid)\s*=\s*)(?<u>[^;""'\s`<]+)", Options | RegexOptions.Multiline, Timeout);

    /// <summary>
    /// True when a connection string's or URL's password is its user name (<c>Username=postgres;Password=postgres</c>,
    /// <c>amqp://guest:guest@</c>): the default credentials of a local or CI service container, not a secret.
    /// </summary>
    private static bool IsUserName(string text, Match match, string password)
    {
        var user = match.Groups["u"];
        if (user.Success)
        {
            return string.Equals(user.Value, password, StringComparison.Ordinal);
        }

        return text.Length > 0 && IsUserOnLine(text, match.Index, password);
    }

    private static string LastSegment(string name)
    {
        var dunder = name.LastIndexOf("__", StringComparison.Ordinal);
        var cut = Math.Max(Math.Max(name.LastIndexOf('.'), name.LastIndexOf(':')), dunder < 0 ? -1 : dunder + 1);
        return cut >= 0 && cut < name.Length - 1 ? name.Substring(cut + 1) : name;
    }

    private static KeyValuePair<string, Regex> Format(string kind, string pattern) =>
        new(kind, new Regex(pattern, Options | RegexOptions.Multiline, Timeout));

    /// <summary>Turns text offsets into 1-based lines and columns.</summary>
    private sealed class LineMap
    {
        private readonly List<int> starts = [0];

        public LineMap(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }
        }

        public int LineOf(int index)
        {
            var found = starts.BinarySearch(index);
            return (found >= 0 ? found : ~found - 1) + 1;
        }

        public SecretFinding Finding(SecretMatch match)
        {
            var line = LineOf(match.Index);
            return new SecretFinding(match.Kind, line, match.Index - starts[line - 1] + 1, match.Fingerprint);
        }
    }
}
