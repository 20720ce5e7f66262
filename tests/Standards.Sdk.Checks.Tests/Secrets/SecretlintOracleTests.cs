using System.Text.Json;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Testing;
using Xunit.Abstractions;

namespace Standards.Sdk.Checks.Tests.Secrets;

/// <summary>
/// The secret detector (STD1010, STD3040) measured against secretlint 13.0.6 with its recommended preset, as an oracle:
/// the generated corpus is written to a folder, both scan it, and for every format both cover our detector finds at
/// least as many of the positives as secretlint (ours: all of them), and nothing in the negatives; it prints the table
/// of both per format (the command is in docs/rules/STD3040.md). secretlint is installed by eng/setup.sh, so the test is in the full tier
/// (<c>bash eng/test.sh</c>); without secretlint it fails and says so, it never skips.
/// </summary>
[Trait("Tier", "Full")]
public sealed class SecretlintOracleTests(ITestOutputHelper output)
{
    // secretlint's rule (and message id, where one rule covers two of our kinds) for each of our kinds both cover.
    private static readonly Dictionary<string, string> Covered = new(StringComparer.Ordinal)
    {
        ["aws-access-key-id"] = "@secretlint/secretlint-rule-aws",
        ["aws-secret-access-key"] = "@secretlint/secretlint-rule-aws",
        ["github-token"] = "@secretlint/secretlint-rule-github",
        ["gitlab-token"] = "@secretlint/secretlint-rule-gitlab",
        ["slack-token"] = "@secretlint/secretlint-rule-slack",
        ["stripe-key"] = "@secretlint/secretlint-rule-stripe",
        ["npm-token"] = "@secretlint/secretlint-rule-npm",
        ["sendgrid-key"] = "@secretlint/secretlint-rule-sendgrid",
        ["private-key"] = "@secretlint/secretlint-rule-privatekey",
        ["url-password"] = "@secretlint/secretlint-rule-basicauth",
        ["connection-string-password"] = "@secretlint/secretlint-rule-database-connection-string",
    };

    [Fact]
    public void Our_recall_is_at_least_secretlints_on_every_format_both_cover_and_we_report_no_negative()
    {
        var folder = PackedSdk.NewTempDirectory("secretlint-oracle");
        var positives = Write(folder, "positive", SecretCorpus.Positives());
        var negatives = Write(folder, "negative", SecretCorpus.Negatives());
        var theirs = Secretlint(folder);

        var lines = new List<string> { "| Kind | Samples | Standards.Sdk | secretlint |", "|---|---|---|---|" };
        foreach (var group in positives.GroupBy(p => p.Sample.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ours = group.Count(p => SecretDetector.Find(p.Sample.Text).Any(f => f.Kind == group.Key));
            var rule = Covered.GetValueOrDefault(group.Key);
            var found = rule is null ? (int?)null : group.Count(p => theirs.TryGetValue(p.Path, out var rules) && rules.Contains(rule));
            lines.Add($"| {group.Key} | {group.Count()} | {ours} | {(found is null ? "not covered" : found.ToString())} |");
            Assert.Equal(group.Count(), ours);
            Assert.True(found is null || ours >= found, $"{group.Key}: ours {ours}, secretlint {found}");
        }

        var negativeFindings = negatives.Sum(n => SecretDetector.Find(n.Sample.Text).Count);
        var secretlintNegatives = negatives.Count(n => theirs.ContainsKey(n.Path));
        lines.Add($"| negatives (files) | {negatives.Count} | {negativeFindings} findings | {secretlintNegatives} files with findings |");
        output.WriteLine(string.Join("\n", lines));
        Assert.Equal(0, negativeFindings);
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

    /// <summary>secretlint's findings: repo-relative file to the rule ids reported in it.</summary>
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

                rules.Add(message.GetProperty("ruleId").GetString()!);
            }
        }

        return found;
    }
}
