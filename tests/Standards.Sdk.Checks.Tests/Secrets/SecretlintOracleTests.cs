using System.Text.Json;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.Tests.Layout;
using Standards.Sdk.Testing;
using Xunit.Abstractions;

namespace Standards.Sdk.Checks.Tests.Secrets;

/// <summary>
/// The secret check (STD3040) against secretlint 13.0.6 with its recommended preset, file by file: the generated
/// corpus (every format in every file type, and negatives and look-alikes in every file type) is written to a folder,
/// our check and secretlint's CLI (<c>--format json</c>) both search it, and what each reports in each file must agree
/// except for the differences docs/rules/STD3040.md lists (<see cref="ListedDifferences"/>): a difference not listed
/// fails, and so does a listed one that no longer occurs. secretlint is installed by eng/setup.sh, so the test is in
/// the full tier (<c>bash eng/test.sh</c>); without secretlint it fails and says so, it never skips.
/// </summary>
[Trait("Tier", "Full")]
public sealed class SecretlintOracleTests(ITestOutputHelper output)
{
    private const string Preset = "@secretlint/secretlint-rule-";

    // The rules of secretlint's preset that report what each of our kinds reports. A kind with none is ours alone.
    private static readonly Dictionary<string, string[]> Equivalent = new(StringComparer.Ordinal)
    {
        [SecretKinds.AwsAccessKeyId] = ["aws"],
        [SecretKinds.AwsSecretAccessKey] = ["aws"],
        [SecretKinds.GitHubToken] = ["github"],
        [SecretKinds.GitLabToken] = ["gitlab"],
        [SecretKinds.SlackToken] = ["slack"],
        [SecretKinds.StripeKey] = ["stripe"],
        [SecretKinds.NpmToken] = ["npm"],
        [SecretKinds.SendGridKey] = ["sendgrid"],
        [SecretKinds.PrivateKey] = ["privatekey", "gcp"],
        [SecretKinds.UrlPassword] = ["basicauth", "database-connection-string"],
        [SecretKinds.ConnectionStringPassword] = ["database-connection-string"],
        [SecretKinds.OpenAiKey] = ["openai"],
        [SecretKinds.AnthropicKey] = ["anthropic"],
        [SecretKinds.GroqKey] = ["groq"],
        [SecretKinds.HuggingFaceToken] = ["huggingface"],
        [SecretKinds.LinearKey] = ["linear"],
        [SecretKinds.NotionToken] = ["notion"],
        [SecretKinds.ShopifyToken] = ["shopify"],
        [SecretKinds.GrafanaToken] = ["grafana"],
        [SecretKinds.OnePasswordToken] = ["1password"],
        [SecretKinds.VaultToken] = ["hashicorp-vault"],
        [SecretKinds.VercelToken] = ["vercel"],
        [SecretKinds.DatabricksToken] = ["databricks"],
        [SecretKinds.DockerToken] = ["docker"],
        [SecretKinds.FigmaToken] = ["figma"],
        [SecretKinds.CloudflareToken] = ["cloudflare"],
        [SecretKinds.TailscaleKey] = ["tailscale"],
        [SecretKinds.Jwt] = [],
        [SecretKinds.TwilioKey] = [],
        [SecretKinds.AzureStorageKey] = [],
        [SecretKinds.NamedSecret] = [],
    };

    /// <summary>The differences from secretlint that docs/rules/STD3040.md lists: each must occur on the corpus, and no other.</summary>
    public static readonly IReadOnlyList<string> ListedDifferences =
    [
        "aws-access-key-id (AwsKeyId): only Standards.Sdk reports it (aws-access-key-id) in every file type",
        "aws-secret-access-key (aws_secret_access_key): only Standards.Sdk reports it (aws-secret-access-key) in Directory.Build.props, deploy.targets, settings.xml, web.config",
        "azure-storage-key (Storage): only Standards.Sdk reports it (azure-storage-key) in every file type",
        "connection-string-password (Database): only Standards.Sdk reports it (connection-string-password) in every file type",
        "jwt (Bearer): only Standards.Sdk reports it (jwt) in every file type",
        "named-secret (ApiKey): only Standards.Sdk reports it (named-secret) in appsettings.Production.json, deploy.env, deploy.ps1, deploy.sh, settings.xml, values.yaml, web.config",
        "named-secret (AuthToken): only Standards.Sdk reports it (named-secret) in appsettings.Production.json, deploy.env, deploy.ps1, deploy.sh, settings.xml, values.yaml, web.config",
        "named-secret (DB_PASSWORD): only Standards.Sdk reports it (named-secret) in appsettings.Production.json, deploy.env, deploy.ps1, deploy.sh, settings.xml, values.yaml, web.config",
        "named-secret (Password): only Standards.Sdk reports it (named-secret) in appsettings.Production.json, deploy.env, deploy.ps1, deploy.sh, settings.xml, values.yaml, web.config",
        "named-secret (client_secret): only Standards.Sdk reports it (named-secret) in appsettings.Production.json, deploy.env, deploy.ps1, deploy.sh, settings.xml, values.yaml, web.config",
        "twilio-key (TwilioValue): only Standards.Sdk reports it (twilio-key) in every file type",
        "url-password (Broker): only Standards.Sdk reports it (url-password) in every file type",
    ];

    private static readonly Regex KindInMessage = new(@"holds a secret \((?<kind>[a-z0-9-]+), fingerprint", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [Fact]
    public void Our_findings_equal_secretlints_file_by_file_but_for_the_listed_differences()
    {
        var folder = PackedSdk.NewTempDirectory("secretlint-oracle");
        var samples = Write(folder, "positive", SecretCorpus.Positives()).Concat(Write(folder, "negative", SecretCorpus.Negatives())).ToList();
        var theirs = Secretlint(folder);
        var (snapshot, _) = RepositorySnapshotLoader.Load(folder, useGit: false);
        var ours = new SecretsCheck().Run(snapshot, StandardsPolicy.Default, FakeRepo.Today)
            .Where(f => f.Code == SecretRuleIds.SecretInFile)
            .GroupBy(f => f.File!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => KindInMessage.Match(f.Message).Groups["kind"].Value).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var differences = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (path, sample) in samples)
        {
            var ourKinds = ours.GetValueOrDefault(path) ?? [];
            var theirRules = theirs.GetValueOrDefault(path) ?? [];
            foreach (var kind in ourKinds.Where(k => !Equivalent[k].Any(theirRules.Contains)))
            {
                Add(differences, $"{Name(sample)}: only Standards.Sdk reports it ({kind})", sample.FileName);
            }

            foreach (var rule in theirRules.Where(r => !ourKinds.Any(k => Equivalent[k].Contains(r))))
            {
                Add(differences, $"{Name(sample)}: only secretlint reports it ({rule})", sample.FileName);
            }
        }

        var fileTypes = SecretCorpus.FileTypes.Select(t => t.FileName).ToHashSet(StringComparer.Ordinal);
        var actual = differences.Select(d => $"{d.Key} in {(d.Value.SetEquals(fileTypes) ? "every file type" : string.Join(", ", d.Value))}").ToList();
        var positives = samples.Count(s => !s.Sample.IsNegative);
        output.WriteLine($"{samples.Count} files ({positives} positives); Standards.Sdk reports {ours.Count} files, secretlint {theirs.Count}.");
        output.WriteLine("Differences:\n" + string.Join("\n", actual));
        Assert.Equal(ListedDifferences.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    private static string Name(SecretSample sample) => sample.Variant.Length > 0 ? $"{sample.Format} ({sample.Variant})" : sample.Format;

    private static void Add(SortedDictionary<string, SortedSet<string>> differences, string what, string fileName)
    {
        if (!differences.TryGetValue(what, out var files))
        {
            differences[what] = files = new SortedSet<string>(StringComparer.Ordinal);
        }

        files.Add(fileName);
    }

    private static List<(string Path, SecretSample Sample)> Write(string folder, string kind, IReadOnlyList<SecretSample> samples)
    {
        var written = new List<(string, SecretSample)>();
        for (var i = 0; i < samples.Count; i++)
        {
            var relative = $"{kind}/{i:D3}/{samples[i].FileName}";
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, samples[i].Text);
            written.Add((relative, samples[i]));
        }

        return written;
    }

    /// <summary>secretlint's findings: folder-relative file to the rules (without the preset's prefix) reported in it.</summary>
    private static Dictionary<string, HashSet<string>> Secretlint(string folder)
    {
        var tool = Path.Combine(RepoPaths.Root, "eng", "tools", "secretlint", "node_modules", ".bin", "secretlint");
        Assert.True(File.Exists(tool), $"{tool} is missing: run eng/setup.sh (it installs secretlint and its recommended preset from npm).");
        var config = Path.Combine(folder, ".secretlintrc.json");
        File.WriteAllText(config, "{ \"rules\": [ { \"id\": \"@secretlint/secretlint-rule-preset-recommend\" } ] }");
        var result = ProcessRunner.Run(tool, ["**/*", "--format", "json", "--secretlintrc", config], folder);
        Assert.True(result.ExitCode is 0 or 1, $"secretlint failed (exit code {result.ExitCode}):\n{result.Output}");
        var json = result.Output[result.Output.IndexOf('[', StringComparison.Ordinal)..];
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in JsonDocument.Parse(json).RootElement.EnumerateArray())
        {
            var path = Path.GetRelativePath(folder, file.GetProperty("filePath").GetString()!).Replace('\\', '/');
            foreach (var message in file.GetProperty("messages").EnumerateArray())
            {
                if (!found.TryGetValue(path, out var rules))
                {
                    found[path] = rules = new HashSet<string>(StringComparer.Ordinal);
                }

                var rule = message.GetProperty("ruleId").GetString()!;
                rules.Add(rule.StartsWith(Preset, StringComparison.Ordinal) ? rule[Preset.Length..] : rule);
            }
        }

        return found;
    }
}
