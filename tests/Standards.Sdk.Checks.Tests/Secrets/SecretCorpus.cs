using System.Text;

namespace Standards.Sdk.Checks.Tests.Secrets;

/// <summary>One sample of the corpus: a file name, its text, and the kinds of secret in it with their lines.</summary>
/// <param name="Format">The format the sample shows (a secret kind, or "negative:..." for a sample without secrets).</param>
/// <param name="FileName">A file name of the file type the sample is written in.</param>
/// <param name="Text">The file's text.</param>
/// <param name="Line">The 1-based line of the secret (0 for a negative).</param>
public sealed record SecretSample(string Format, string FileName, string Text, int Line)
{
    /// <summary>Which sample of its format it is (the name the value is written under), to tell samples of one format apart.</summary>
    public string Variant { get; init; } = string.Empty;

    /// <summary>True for a sample with no secret in it.</summary>
    public bool IsNegative => Format.StartsWith("negative:", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Format} in {FileName}";
}

/// <summary>
/// The generated corpus of the secret detector's tests (and of the secretlint comparison): a positive of every
/// format in every file type, and negatives (hashes, GUIDs, base64 of plain text, SRI and lock-file integrity
/// fields, placeholders under secret names). The secrets are made from a seeded generator at run time, so no
/// source file of this repo holds one (our own analyzer would report it).
/// </summary>
public static class SecretCorpus
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Hex = "0123456789abcdef";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Base64 = Alnum + "+/";

    /// <summary>The file types every value format is embedded in: file name, and a template with {0} the name and {1} the value.</summary>
    public static readonly IReadOnlyList<(string FileName, string Template, int Line)> FileTypes =
    [
        ("appsettings.Production.json", "{{\n  \"Service\": {{\n    \"{0}\": \"{1}\"\n  }}\n}}\n", 3),
        ("deploy.env", "# service settings\n{0}={1}\n", 2),
        ("values.yaml", "service:\n  {0}: \"{1}\"\n", 2),
        ("web.config", "<configuration>\n  <appSettings>\n    <add key=\"{0}\" value=\"{1}\" />\n  </appSettings>\n</configuration>\n", 3),
        ("settings.xml", "<settings>\n  <{0}>{1}</{0}>\n</settings>\n", 2),
        ("deploy.sh", "#!/bin/sh\nexport {0}='{1}'\n", 2),
        ("deploy.ps1", "$env:Region = 'west'\n${0} = \"{1}\"\n", 2),
        ("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV {0}={1}\n", 2),
        ("orders.http", "GET https://orders.internal/api/orders\n{0}: {1}\n", 2),
        ("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <{0}>{1}</{0}>\n  </PropertyGroup>\n</Project>\n", 3),
        ("deploy.targets", "<Project>\n  <PropertyGroup>\n    <{0}>{1}</{0}>\n  </PropertyGroup>\n</Project>\n", 3),
        ("main.tf", "provider \"aws\" {{}}\nlocals {{\n  {0} = \"{1}\"\n}}\n", 3),
        ("settings.py", "import os\n{0} = \"{1}\"\n", 2),
        ("config.js", "module.exports = {{\n  {0}: '{1}',\n}};\n", 2),
        ("Program.cs", "var settings = new Settings();\nsettings.{0} = \"{1}\";\n", 2),
        ("README.md", "# Orders\n\n```sh\nexport {0}={1}\n```\n", 4),
    ];

    /// <summary>The file types that are configuration files, where values under secret names are searched (SecretsCheck.IsConfiguration).</summary>
    public static readonly IReadOnlySet<string> ConfigurationFileTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "appsettings.Production.json", "deploy.env", "values.yaml", "web.config", "settings.xml", "deploy.sh", "deploy.ps1",
    };

    /// <summary>Every positive sample: each value format in each file type, and the private key as a PEM file.</summary>
    public static IReadOnlyList<SecretSample> Positives()
    {
        var random = new Random(20240611);
        var samples = new List<SecretSample>();
        foreach (var (kind, name, make) in ValueFormats())
        {
            // Values under secret names are searched in configuration files only (in code and prose they are assignments and sentences).
            foreach (var (fileName, template, line) in FileTypes.Where(t => kind != "named-secret" || ConfigurationFileTypes.Contains(t.FileName)))
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, name, make(random));
                samples.Add(new SecretSample(kind, fileName, text, line) { Variant = name });
            }
        }

        samples.Add(new SecretSample("private-key", "server.pem", PrivateKey(random, "RSA ") + "\n", 1));
        samples.Add(new SecretSample("private-key", "id_ed25519", PrivateKey(random, "OPENSSH ") + "\n", 1));
        samples.Add(new SecretSample("private-key", "service-account.json", GcpServiceAccount(random), 5));
        samples.Add(new SecretSample("private-key", "appsettings.json", "{\n  \"Signing\": {\n    \"Pem\": \"" + PrivateKey(random, string.Empty).Replace("\n", "\\n", StringComparison.Ordinal) + "\"\n  }\n}\n", 3));
        return samples;
    }

    /// <summary>The formats written as one value: kind, the key name it is written under, and how to make one.</summary>
    public static IReadOnlyList<(string Kind, string Name, Func<Random, string> Make)> ValueFormats() =>
    [
        ("aws-access-key-id", "AwsKeyId", r => "AKIA" + Chars(r, Upper, 16)),
        // Ends in a letter or digit: secretlint wants a word boundary after the key, which a final '/' or '+' would not give.
        ("aws-secret-access-key", "aws_secret_access_key", r => Chars(r, Base64, 39) + Chars(r, Alnum, 1)),
        ("github-token", "GitHubValue", r => "ghp_" + Chars(r, Alnum, 36)),
        ("gitlab-token", "GitLabValue", r => "glpat-" + Chars(r, Alnum, 20)),
        ("slack-token", "SlackValue", r => "xoxb-" + Chars(r, "0123456789", 11) + "-" + Chars(r, "0123456789", 12) + "-" + Chars(r, Alnum, 24)),
        ("slack-token", "SlackHook", r => "https://hooks.slack.com/services/T" + Chars(r, Upper, 8) + "/B" + Chars(r, Upper, 10) + "/" + Chars(r, Alnum, 24)),
        ("stripe-key", "StripeValue", r => "sk_" + "live_" + Chars(r, Alnum, 24)),
        ("npm-token", "NpmValue", r => "npm_" + Chars(r, Alnum, 36)),
        ("sendgrid-key", "SendGridValue", r => "SG." + Chars(r, Alnum, 22) + "." + Chars(r, Alnum, 43)),
        ("twilio-key", "TwilioValue", r => "SK" + Chars(r, Hex, 32)),
        ("jwt", "Bearer", Jwt),
        ("azure-storage-key", "Storage", r => "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Chars(r, Base64, 86) + "==;EndpointSuffix=core.windows.net"),
        ("connection-string-password", "Database", r => "Server=db.internal;Database=orders;User Id=orders;" + "Password=" + Chars(r, Alnum, 18) + ";"),
        ("url-password", "Broker", r => "amqp://orders:" + Chars(r, Alnum, 16) + "@broker.internal:5672/"),
        ("url-password", "Repository", r => "https://deploy:" + Chars(r, Alnum, 16) + "@nexus.acme-corp.com/repository/"),
        ("url-password", "OrdersDb", r => "postgres://orders:" + Chars(r, Alnum, 16) + "@db.acme-corp.com:5432/orders"),
        ("github-token", "GitHubFineGrained", r => "github_" + "pat_" + Chars(r, Alnum, 22) + "_" + Chars(r, Alnum, 59)),
        ("openai-key", "OpenAiValue", r => "sk-" + "proj-" + Chars(r, Alnum, 74) + "T3Blbk" + "FJ" + Chars(r, Alnum, 74)),
        ("anthropic-key", "AnthropicValue", r => "sk-" + "ant-api03-" + Chars(r, Alnum, 93) + "AA"),
        ("groq-key", "GroqValue", r => "gsk" + "_" + Chars(r, Alnum, 52)),
        ("huggingface-token", "HuggingFaceValue", r => "hf" + "_" + Chars(r, Letters, 34)),
        ("linear-key", "LinearValue", r => "lin_" + "api_" + Chars(r, Alnum, 40)),
        ("notion-token", "NotionValue", r => "ntn" + "_" + Chars(r, "0123456789", 11) + Chars(r, Alnum, 35)),
        ("shopify-token", "ShopifyValue", r => "shp" + "at_" + Chars(r, Hex, 32)),
        ("grafana-token", "GrafanaValue", r => "glsa" + "_" + Chars(r, Alnum, 32) + "_" + Chars(r, Hex, 8)),
        ("onepassword-token", "OnePasswordValue", OnePassword),
        ("vault-token", "VaultValue", r => "hvs" + "." + Chars(r, Alnum, 95)),
        ("vercel-token", "VercelValue", r => "vcp" + "_" + Chars(r, Alnum, 24)),
        ("databricks-token", "DatabricksValue", r => "dapi" + Chars(r, Hex, 32)),
        ("docker-token", "DockerValue", r => "dckr_" + "pat_" + Chars(r, Alnum, 27)),
        ("figma-token", "FigmaValue", r => "figd" + "_" + Chars(r, Alnum, 40)),
        ("cloudflare-token", "CloudflareValue", r => "cfut" + "_" + Chars(r, Alnum, 40) + Chars(r, Hex, 8)),
        ("tailscale-key", "TailscaleValue", r => "tskey" + "-api-" + Chars(r, Alnum, 12) + "-" + Chars(r, Alnum, 30)),
        ("named-secret", "Password", r => Chars(r, Alnum, 18)),
        ("named-secret", "ApiKey", r => Chars(r, Alnum, 32)),
        ("named-secret", "client_secret", r => Chars(r, Alnum, 24)),
        ("named-secret", "DB_PASSWORD", r => Chars(r, Alnum, 14) + "!"),
        ("named-secret", "AuthToken", r => Chars(r, Alnum, 40)),
    ];

    /// <summary>Samples with no secret: each must give no finding.</summary>
    public static IReadOnlyList<SecretSample> Negatives()
    {
        var random = new Random(7);
        var samples = new List<SecretSample>();
        foreach (var (what, name, value) in NegativeValues(random))
        {
            foreach (var (fileName, template, _) in FileTypes)
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, name, value);
                samples.Add(new SecretSample("negative:" + what, fileName, text, 0) { Variant = name });
            }
        }

        samples.Add(new SecretSample("negative:lock-file", "packages.lock.json", LockFile(random), 0));
        samples.Add(new SecretSample("negative:npm-lock", "package-lock.json", NpmLock(random), 0));
        samples.Add(new SecretSample("negative:public-key", "signing.pub.pem", "-----BEGIN PUBLIC KEY-----\n" + Chars(random, Base64, 64) + "\n-----END PUBLIC KEY-----\n", 0));
        return samples;
    }

    private static IEnumerable<(string What, string Name, string Value)> NegativeValues(Random r)
    {
        yield return ("sha1", "CommitSha", Chars(r, Hex, 40));
        yield return ("sha256", "Checksum", Chars(r, Hex, 64));
        yield return ("guid", "TenantId", Guid.NewGuid().ToString());
        yield return ("guid", "ClientId", Guid.NewGuid().ToString("N"));
        yield return ("base64-text", "Banner", Convert.ToBase64String(Encoding.UTF8.GetBytes("Welcome to the orders service, version two")));
        yield return ("sri", "Integrity", "sha384-" + Chars(r, Base64, 64));
        yield return ("random-id", "RequestId", Chars(r, Alnum, 40));
        yield return ("url", "TokenUrl", "https://login.example.com/oauth2/token");
        yield return ("url", "Endpoint", "https://orders:8443/api");
        yield return ("number", "TokenLifetimeMinutes", "30");
        yield return ("flag", "RequirePassword", "true");
        yield return ("name", "SecretName", "orders-db-password");
        foreach (var placeholder in Placeholders)
        {
            yield return ("placeholder", "Password", placeholder);
        }

        yield return ("placeholder", "Database", "Server=db;Database=orders;User Id=orders;Password=${DB_PASSWORD};");
        yield return ("placeholder", "Database", "Server=db;Database=orders;User Id=orders;Password=<password>;");
        yield return ("placeholder", "Broker", "amqp://orders:${BROKER_PASSWORD}@broker.internal:5672/");
        yield return ("placeholder", "Broker", "amqp://orders:changeme@broker.internal:5672/");
        yield return ("service-default", "POSTGRES_PASSWORD", "postgres");
        yield return ("service-default", "TEST_POSTGRES_CONNECTION_STRING", "Host=postgres;Port=5432;Username=postgres;Password=postgres");
        yield return ("connection-string", "OrdersConnectionString", "Server=db.internal;Database=orders;Trusted_Connection=True;");
        yield return ("url", "BrokerConnectionString", "amqp://broker.internal:5672/orders");

        // The example key pair of AWS's documentation, which secretlint allows.
        yield return ("aws-example", "AwsKeyId", "AKIAIOSFODNN7EXAMPLE");
        yield return ("aws-example", "aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        // Look-alikes: one character short, the wrong ending, or glued to a word.
        yield return ("look-alike", "LookAlike", "ghp" + "_" + Chars(r, Alnum, 35));
        yield return ("look-alike", "LookAlike", "xghp" + "_" + Chars(r, Alnum, 36));
        yield return ("look-alike", "LookAlike", "hf" + "_" + Chars(r, Letters, 33));
        yield return ("look-alike", "LookAlike", "dapi" + Chars(r, Hex, 31));
        yield return ("look-alike", "LookAlike", "sk-" + "ant-api03-" + Chars(r, Alnum, 93) + "AB");
        yield return ("look-alike", "LookAlike", "npm" + "_" + Chars(r, Alnum, 35));
        yield return ("look-alike", "LookAlike", "glpat" + "-" + Chars(r, Alnum, 19));
    }

    /// <summary>Placeholders under a secret name (each left alone).</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        string.Empty, "changeme", "<your-password>", "${DB_PASSWORD}", "%DB_PASSWORD%", "{{ .Values.password }}",
        "***", "********", "xxx", "XXXXXXXX", "your-api-key-here", "your_token_here", "$DB_PASSWORD", "$(DbPassword)",
        "#{DbPassword}#", "__DB_PASSWORD__", "@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/db)",
        "env:DB_PASSWORD", "placeholder", "redacted",
    ];

    private static string LockFile(Random r) =>
        "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net10.0\": {\n      \"Serilog\": {\n        \"type\": \"Direct\",\n"
        + "        \"requested\": \"[4.0.0, )\",\n        \"resolved\": \"4.0.0\",\n        \"contentHash\": \""
        + Chars(r, Base64, 86) + "==\"\n      }\n    }\n  }\n}\n";

    private static string NpmLock(Random r) =>
        "{\n  \"packages\": {\n    \"node_modules/secretlint\": {\n      \"version\": \"13.0.6\",\n      \"resolved\": "
        + "\"https://registry.npmjs.org/secretlint/-/secretlint-13.0.6.tgz\",\n      \"integrity\": \"sha512-"
        + Chars(r, Base64, 86) + "==\"\n    }\n  }\n}\n";

    private static string Jwt(Random r) =>
        Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Base64Url("{\"sub\":\"" + Chars(r, Alnum, 10) + "\",\"name\":\"orders\"}")
        + "." + Chars(r, Alnum, 43);

    private static string PrivateKey(Random r, string type)
    {
        // A real key's base64 starts with its structure's magic: "MII" (ASN.1) or "b3BlbnNzaC1rZXktdjE" (OpenSSH).
        var body = new StringBuilder(type == "OPENSSH " ? "b3BlbnNzaC1rZXktdjE" : "MII");
        for (var i = 0; i < 5; i++)
        {
            body.Append(Chars(r, Base64, 64)).Append('\n');
        }

        return $"-----BEGIN {type}PRIVATE KEY-----\n{body}-----END {type}PRIVATE KEY-----";
    }

    // A Google Cloud service account key file: its private key is what makes it a secret.
    private static string GcpServiceAccount(Random r) =>
        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"orders\",\n  \"private_key_id\": \"" + Chars(r, Hex, 40) + "\",\n  \"private_key\": \""
        + PrivateKey(r, string.Empty).Replace("\n", "\\n", StringComparison.Ordinal) + "\\n\",\n  \"client_email\": \"orders@orders.iam.gserviceaccount.com\"\n}\n";

    // ops_ and the base64 of a JSON object (a service account's sign-in details), as 1Password issues them.
    private static string OnePassword(Random r)
    {
        var json = "{\"email\":\"" + Chars(r, Letters, 12).ToLowerInvariant() + "@1passwordserviceaccounts.lcl\",\"secretKey\":\"A3-" + Chars(r, Upper, 30) + "\",\"srpX\":\"" + Chars(r, Hex, 64) + "\"}";
        while (Encoding.UTF8.GetByteCount(json) % 3 != 1)
        {
            json = json.Insert(1, " ");
        }

        return "ops" + "_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A random string of <paramref name="count"/> characters from <paramref name="alphabet"/>.</summary>
    public static string Chars(Random random, string alphabet, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(alphabet);
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
