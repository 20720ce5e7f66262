// The kinds of secret and what the detector returns, one source compiled into two assemblies with SecretDetector.cs
// (the checks and the analyzers, linked by Standards.Sdk.Analyzers.csproj). Plain netstandard2.0 APIs only.
#if STANDARDS_ANALYZERS
namespace Standards.Sdk.Analyzers;
#else
namespace Standards.Sdk.Checks.Secrets;
#endif

/// <summary>A secret found in a text: its kind, where (1-based line and column) and a fingerprint (never the secret).</summary>
public sealed class SecretFinding
{
    /// <summary>Creates a finding.</summary>
    public SecretFinding(string kind, int line, int column, string fingerprint)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Fingerprint = fingerprint;
    }

    /// <summary>The kind of secret (<see cref="SecretKinds"/>).</summary>
    public string Kind { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>The first 12 hex digits of SHA-256 over kind and secret: identifies the secret without showing it.</summary>
    public string Fingerprint { get; }
}

/// <summary>The kinds of secret the detector reports (stable: messages, baselines and docs use them).</summary>
public static class SecretKinds
{
    /// <summary>An AWS access key id (AKIA..., ASIA...).</summary>
    public const string AwsAccessKeyId = "aws-access-key-id";

    /// <summary>An AWS secret access key (40 characters under a name such as aws_secret_access_key).</summary>
    public const string AwsSecretAccessKey = "aws-secret-access-key";

    /// <summary>A GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_).</summary>
    public const string GitHubToken = "github-token";

    /// <summary>A GitLab personal, project or group access token (glpat-).</summary>
    public const string GitLabToken = "gitlab-token";

    /// <summary>A Slack token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-) or incoming webhook URL.</summary>
    public const string SlackToken = "slack-token";

    /// <summary>A Stripe secret or restricted key (sk_live_, rk_live_, sk_test_, rk_test_).</summary>
    public const string StripeKey = "stripe-key";

    /// <summary>An npm access token (npm_).</summary>
    public const string NpmToken = "npm-token";

    /// <summary>A SendGrid API key (SG.xxx.yyy).</summary>
    public const string SendGridKey = "sendgrid-key";

    /// <summary>A Twilio API key (SK and 32 hex digits).</summary>
    public const string TwilioKey = "twilio-key";

    /// <summary>A private key block (-----BEGIN ... PRIVATE KEY-----).</summary>
    public const string PrivateKey = "private-key";

    /// <summary>A JSON web token (three base64url parts, header and payload JSON objects).</summary>
    public const string Jwt = "jwt";

    /// <summary>An Azure storage account key or shared access key in a connection string.</summary>
    public const string AzureStorageKey = "azure-storage-key";

    /// <summary>A connection string with a literal Password= or Pwd=.</summary>
    public const string ConnectionStringPassword = "connection-string-password";

    /// <summary>A URL with a literal password (scheme://user:password@host).</summary>
    public const string UrlPassword = "url-password";

    /// <summary>An OpenAI API key (sk-proj-, sk-svcacct-, sk-admin- or a legacy sk- key, with the T3BlbkFJ marker).</summary>
    public const string OpenAiKey = "openai-key";

    /// <summary>An Anthropic API key (sk-ant-api0N-).</summary>
    public const string AnthropicKey = "anthropic-key";

    /// <summary>A Groq API key (gsk_).</summary>
    public const string GroqKey = "groq-key";

    /// <summary>A Hugging Face access token (hf_).</summary>
    public const string HuggingFaceToken = "huggingface-token";

    /// <summary>A Linear API key (lin_api_).</summary>
    public const string LinearKey = "linear-key";

    /// <summary>A Notion integration token (ntn_).</summary>
    public const string NotionToken = "notion-token";

    /// <summary>A Shopify access token or shared secret (shpat_, shpca_, shppa_, shpss_).</summary>
    public const string ShopifyToken = "shopify-token";

    /// <summary>A Grafana Cloud API token (glc_) or service account token (glsa_).</summary>
    public const string GrafanaToken = "grafana-token";

    /// <summary>A 1Password service account token (ops_ and base64 of a JSON object).</summary>
    public const string OnePasswordToken = "onepassword-token";

    /// <summary>A HashiCorp Vault service, batch or recovery token (hvs., hvb., hvr.).</summary>
    public const string VaultToken = "vault-token";

    /// <summary>A Vercel token (vcp_, vci_, vca_, vcr_, vck_).</summary>
    public const string VercelToken = "vercel-token";

    /// <summary>A Databricks personal access token (dapi and 32 hex digits).</summary>
    public const string DatabricksToken = "databricks-token";

    /// <summary>A Docker Hub personal access token (dckr_pat_).</summary>
    public const string DockerToken = "docker-token";

    /// <summary>A Figma personal access token (figd_).</summary>
    public const string FigmaToken = "figma-token";

    /// <summary>A Cloudflare API key or token (cfk_, cfut_, cfat_: 40 characters and 8 hex digits of checksum).</summary>
    public const string CloudflareToken = "cloudflare-token";

    /// <summary>A Tailscale API, auth, OAuth client, SCIM or webhook key (tskey-).</summary>
    public const string TailscaleKey = "tailscale-key";

    /// <summary>A literal value under a name that says it is a secret (password, api key, token, ...).</summary>
    public const string NamedSecret = "named-secret";
}

/// <summary>A secret found at an offset of a text (before lines and columns are known).</summary>
public sealed class SecretMatch
{
    /// <summary>Creates a match.</summary>
    public SecretMatch(string kind, int index, string fingerprint)
    {
        Kind = kind;
        Index = index;
        Fingerprint = fingerprint;
    }

    /// <summary>The kind (<see cref="SecretKinds"/>).</summary>
    public string Kind { get; }

    /// <summary>0-based offset in the text.</summary>
    public int Index { get; }

    /// <summary>The fingerprint (<see cref="SecretDetector.Fingerprint"/>).</summary>
    public string Fingerprint { get; }
}
