using System.Text;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>
/// Malformed input fuzz: hundreds of damaged variants (truncations, random character flips, garbage lines,
/// wrong JSON types) of every input the layout check and the baseline parse. Nothing may throw, every finding
/// must be well formed (code, message, file, line), and input that is broken by construction must give the
/// coded finding that names it.
/// </summary>
public class LayoutFuzzTests
{
    private const int VariantsPerKind = 300;
    private const string Alphabet = "abcXYZ019 #*/\\!@[]()<>`~_-|:.,;\"'{}\t\r\n\0\u00e9\u4e2d\uffff\ud83d\ude00";

    private static readonly string CodeOwnersText = "# Owners\n*  @acme/platform\n/src/Acme.Orders/ @alice @bob\ndocs/* docs@example.com\n**/logs @ops\n";
    private static readonly string BaselineText = BaselineFile.Write(
    [
        new Finding("STD3001", Severity.Error, "The repo has no README.md.", "README.md"),
        new Finding("STD3014", Severity.Error, "docs/adr/0001-x.md lacks ## Context.", "docs/adr/0001-x.md", 3),
        new Finding("STD3031", Severity.Warning, "No SECURITY.md.", "SECURITY.md"),
    ], "/repo");

    private const string LayoutPolicy = """
        {
          "kind": "service",
          "layout": {
            "requiredPaths": ["LICENSE", "docs/design/"],
            "criticalProjects": ["Acme.Orders", "src/**"]
          }
        }
        """;

    [Fact]
    public void Codeowners_variants()
    {
        var random = new Random(3001);
        var count = 0;
        foreach (var (text, kind) in Variants(CodeOwnersText, random))
        {
            var findings = Layout(FakeRepo.Service().With(".github/CODEOWNERS", text));
            AssertWellFormed(findings, text);
            if (kind is Damage.GarbageLine)
            {
                // Every garbage line is a pattern without owners (or an invalid owner): reported at its line.
                var garbageLines = text.Split('\n').Select((l, i) => (l, i + 1)).Where(x => x.l.StartsWith("garbage", StringComparison.Ordinal)).Select(x => x.Item2);
                foreach (var line in garbageLines)
                {
                    Assert.Contains(findings, f => f.Code == "STD3005" && f.File == ".github/CODEOWNERS" && f.Line == line);
                }
            }

            count++;
        }

        Assert.True(count >= VariantsPerKind);
    }

    [Fact]
    public void Adr_variants()
    {
        var random = new Random(3010);
        const string path = "docs/adr/0001-record-architecture-decisions.md";
        var consequences = FakeRepo.Adr1.IndexOf("## Consequences", StringComparison.Ordinal);
        var count = 0;
        foreach (var (text, kind) in Variants(FakeRepo.Adr1, random))
        {
            var findings = Layout(FakeRepo.Library().With(path, text));
            AssertWellFormed(findings, text);
            if (kind is Damage.Truncated && text.Length <= consequences)
            {
                Assert.Contains(findings, f => f.Code == "STD3014" && f.File == path);
            }

            if (kind is Damage.Truncated && text.Length < FakeRepo.Adr1.IndexOf("**Date**", StringComparison.Ordinal))
            {
                Assert.Contains(findings, f => f.Code == "STD3013" && f.File == path);
            }

            count++;
        }

        Assert.True(count >= VariantsPerKind);
    }

    [Fact]
    public void Runbook_variants()
    {
        var random = new Random(3020);
        const string path = "docs/runbooks/high-error-rate.md";
        var escalation = FakeRepo.Runbook.IndexOf("## Escalation", StringComparison.Ordinal);
        var count = 0;
        foreach (var (text, kind) in Variants(FakeRepo.Runbook, random))
        {
            var findings = Layout(FakeRepo.Service().With(path, text));
            AssertWellFormed(findings, text);
            if (kind is Damage.Truncated && text.Length <= escalation)
            {
                Assert.Contains(findings, f => f.Code == "STD3022" && f.File == path);
            }

            count++;
        }

        Assert.True(count >= VariantsPerKind);
    }

    [Fact]
    public void Baseline_variants()
    {
        var random = new Random(3901);
        var count = 0;
        // After "findings": the comment and the version are not entries; "" is a valid file or message.
        string[] wrong = ["42", "true", "null", "{}", "[1, {}]", "{ \"x\": [] }", "-0.5e9"];
        var entries = BaselineText.IndexOf("\"findings\"", StringComparison.Ordinal);
        var variants = Variants(BaselineText, random).Concat(WrongJsonTypes(BaselineText, random, entries, wrong).Select(t => (t, Damage.WrongType)));
        foreach (var (text, kind) in variants)
        {
            var (baseline, problems) = BaselineFile.Parse("standards-baseline.json", text);
            AssertWellFormed(problems, text);
            Assert.All(problems, p => Assert.Equal(("STD3901", "standards-baseline.json"), (p.Code, p.File)));
            if (kind is Damage.Truncated && text.TrimEnd().Length < BaselineText.TrimEnd().Length)
            {
                Assert.NotEmpty(problems);
            }

            if (kind is Damage.WrongType)
            {
                Assert.NotEmpty(problems);
            }

            // Whatever was readable is applied without throwing.
            var outcome = RepositoryCheckRunner.Run(FakeRepo.Library().Snapshot(), StandardsPolicy.Default, FakeRepo.Today, [new LayoutCheck()],
                new BaselineInput("standards-baseline.json", baseline, problems));
            AssertWellFormed(outcome.Reported, text);
            count++;
        }

        Assert.True(count >= VariantsPerKind);
    }

    [Fact]
    public void Layout_section_variants()
    {
        var random = new Random(2);
        var count = 0;
        // An empty array is a valid list; every other replacement breaks the section's shape.
        string[] wrong = ["42", "true", "null", "{}", "[1, {}]", "\"\"", "{ \"x\": [] }", "-0.5e9"];
        var variants = Variants(LayoutPolicy, random).Concat(WrongJsonTypes(LayoutPolicy, random, 0, wrong).Select(t => (t, Damage.WrongType)));
        foreach (var (text, kind) in variants)
        {
            var loaded = PolicyLoader.Load("standards.json", text, FakeRepo.Today);
            var findings = new LayoutCheck().Run(FakeRepo.Service().Snapshot(), loaded.Policy, FakeRepo.Today);
            AssertWellFormed(findings, text);
            if (kind is Damage.WrongType && loaded.Findings.Count == 0)
            {
                // The document parsed; the damage is in the layout section, so the layout check names it.
                Assert.Contains(findings, f => f.Code == "STD0002" && f.File == "standards.json" && f.Line > 0);
            }

            count++;
        }

        Assert.True(count >= VariantsPerKind);
    }

    private static IReadOnlyList<Finding> Layout(FakeRepo repo) =>
        RepositoryCheckRunner.Run(repo.Snapshot(), StandardsPolicy.Default, FakeRepo.Today, [new LayoutCheck()], null).Reported;

    private static void AssertWellFormed(IEnumerable<Finding> findings, string input)
    {
        foreach (var f in findings)
        {
            Assert.True(f.Code.Length == 7 && f.Code.StartsWith("STD", StringComparison.Ordinal) && f.Code[3..].All(char.IsAsciiDigit), $"bad code {f.Code} for input:\n{input}");
            Assert.NotEqual("STD0000", f.Code);
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.True(f.Line >= 0 && f.Column >= 0);
            Assert.NotEqual(Severity.None, f.Severity);
            Assert.False(string.IsNullOrEmpty(f.File), $"{f.Code} has no file: {f.Message}");
        }
    }

    private enum Damage
    {
        Truncated,
        Flipped,
        GarbageLine,
        Shuffled,
        WrongType,
    }

    /// <summary>VariantsPerKind damaged copies: a quarter each truncated, flipped, with garbage lines, shuffled.</summary>
    private static IEnumerable<(string Text, Damage Kind)> Variants(string text, Random random)
    {
        for (var i = 0; i < VariantsPerKind / 4; i++)
        {
            yield return (text[..random.Next(text.Length)], Damage.Truncated);
        }

        for (var i = 0; i < VariantsPerKind / 4; i++)
        {
            var chars = text.ToCharArray();
            for (var n = random.Next(1, 8); n > 0; n--)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            yield return (new string(chars), Damage.Flipped);
        }

        for (var i = 0; i < VariantsPerKind / 4; i++)
        {
            var lines = text.Split('\n').ToList();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                lines.Insert(random.Next(lines.Count + 1), "garbage" + Garbage(random));
            }

            yield return (string.Join('\n', lines), Damage.GarbageLine);
        }

        for (var i = 0; i < VariantsPerKind / 4; i++)
        {
            var lines = text.Split('\n').OrderBy(_ => random.Next()).ToList();
            yield return (string.Join('\n', lines), Damage.Shuffled);
        }
    }

    /// <summary>The JSON with one string, number, array or object value replaced by a value of another type.</summary>
    private static IEnumerable<string> WrongJsonTypes(string json, Random random, int from, string[] replacements)
    {
        var values = new List<(int Start, int Length)>();
        for (var i = from; i < json.Length; i++)
        {
            if (json[i] == '"')
            {
                var end = json.IndexOf('"', i + 1);
                var colon = end + 1 < json.Length && json[(end + 1)..].TrimStart().StartsWith(':');
                if (!colon && !json[(i + 1)..end].Contains("Standards.Sdk", StringComparison.Ordinal))
                {
                    values.Add((i, end - i + 1));
                }

                i = end;
            }
            else if (json[i] == '[')
            {
                var end = json.IndexOf(']', i);
                values.Add((i, end - i + 1));
            }
        }

        for (var i = 0; i < 120; i++)
        {
            var (start, length) = values[random.Next(values.Count)];
            yield return json[..start] + replacements[random.Next(replacements.Length)] + json[(start + length)..];
        }
    }

    private static string Garbage(Random random)
    {
        var sb = new StringBuilder();
        for (var n = random.Next(0, 30); n > 0; n--)
        {
            var c = Alphabet[random.Next(Alphabet.Length)];
            if (c is not '\n' and not '\r')
            {
                sb.Append(c);
            }
        }

        // A garbage line never names an owner first and never becomes a comment.
        return sb.ToString().Replace("@", "at", StringComparison.Ordinal).Replace("#", "hash", StringComparison.Ordinal);
    }
}
