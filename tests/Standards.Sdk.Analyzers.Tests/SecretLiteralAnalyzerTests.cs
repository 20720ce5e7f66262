using Microsoft.CodeAnalysis;
using Standards.Sdk.Analyzers.Tests.Infrastructure;
using Standards.Sdk.Checks.Tests.Secrets;

namespace Standards.Sdk.Analyzers.Tests;

public class SecretLiteralAnalyzerTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static IReadOnlyList<Diagnostic> Run(string source, IReadOnlyDictionary<string, string>? options = null) =>
        AnalyzerRunner.Run(source, options).WithId(CodeRuleIds.SecretInSource);

    private static string Value(int seed) => SecretCorpus.Chars(new Random(seed), Alnum, 20);

    public static TheoryData<string, string, string> Formats()
    {
        var data = new TheoryData<string, string, string>();
        var random = new Random(11);
        foreach (var (kind, name, make) in SecretCorpus.ValueFormats())
        {
            // A name such as aws_secret_access_key says what the value is; in C# the value alone is not a known format.
            data.Add(kind == "aws-secret-access-key" ? "named-secret" : kind, name, make(random));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_corpus_format_in_a_string_literal_reports_STD1010_without_the_secret(string kind, string name, string value)
    {
        var diagnostic = DiagnosticAssert.Single(
            Run("class C\n{\n    private const string " + name + " = \"" + value + "\";\n}\n"),
            CodeRuleIds.SecretInSource,
            3,
            DiagnosticSeverity.Warning,
            $"is a secret ({kind}, fingerprint ",
            AnalyzerConfigKeys.DefaultHelpBaseUrl + "STD1010.md");
        Assert.DoesNotContain(value, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("    private const string ".Length + name.Length + " = ".Length + 1, diagnostic.Column());
    }

    [Theory]
    [InlineData("class C { void M() { var password = \"{0}\"; } }", "password")]
    [InlineData("class C { string ApiKey { get; } = \"{0}\"; }", "ApiKey")]
    [InlineData("class C { string Token => \"{0}\"; }", "Token")]
    [InlineData("class C { void M(string clientSecret = \"{0}\") { } }", "clientSecret")]
    [InlineData("class O { public string Password { get; set; } } class C { O M() => new O { Password = \"{0}\" }; }", "Password")]
    [InlineData("class C { string s; void M() { this.s = \"\"; Connect(user: \"orders\", password: \"{0}\"); } void Connect(string user, string password) { } }", "password")]
    [InlineData("class C { void M() => Connect(\"orders\", \"{0}\"); void Connect(string user, string credential) { } }", "credential")]
    [InlineData("class A : System.Attribute { public string SigningKey { get; set; } } [A(SigningKey = \"{0}\")] class C { }", "SigningKey")]
    [InlineData("class A : System.Attribute { public A(string apiKey) { } } [A(\"{0}\")] class C { }", "apiKey")]
    [InlineData("class C { object M() => new { AuthToken = \"{0}\" }; }", "AuthToken")]
    public void A_literal_given_to_a_secret_name_is_reported(string template, string name)
    {
        var diagnostics = Run(template.Replace("{0}", Value(1), StringComparison.Ordinal));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains($"The literal assigned to '{name}' is a secret (named-secret, fingerprint ", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    public static TheoryData<string> Placeholders() => [.. SecretCorpus.Placeholders];

    [Theory]
    [MemberData(nameof(Placeholders))]
    public void Placeholders_under_secret_names_are_not_reported(string placeholder) =>
        DiagnosticAssert.None(Run("class C { string Password = \"" + placeholder.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"; }"));

    [Theory]
    [InlineData("class C { string Description = \"{0}\"; }")]
    [InlineData("class C { string PasswordPolicy = \"{0}\"; }")]
    [InlineData("class C { string TokenUrl = \"{0}\"; }")]
    [InlineData("class C { int TokenLifetimeMinutes = 30; string SecretName = \"{0}\"; }")]
    [InlineData("class C { void M() { Log(\"{0}\"); } void Log(string message) { } }")]
    [InlineData("class C { string Password = \"1234567\"; string ApiKey = \"the key comes from the vault\"; }")]
    public void Other_names_numbers_and_prose_are_not_reported(string template) =>
        DiagnosticAssert.None(Run(template.Replace("{0}", Value(2), StringComparison.Ordinal)));

    [Fact]
    public void A_test_project_may_use_its_obvious_test_values_but_not_real_formats()
    {
        var test = Sources.Options(("build_property.istestproject", "true"));
        const string Source = "class C { string Password = \"test-value-1234\"; string Token = \"FakeValue42\"; }";
        DiagnosticAssert.None(Run(Source, test));
        Assert.Equal(2, Run(Source).Count);

        // The base64 of a test value (a test signing key) is a test value too; the base64 of anything else is not.
        var testKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("test-only-signing-key-32-bytes!!"));
        var otherKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("orders-signing-key-32-bytes-long"));
        DiagnosticAssert.None(Run("class C { const string SigningKey = \"" + testKey + "\"; }", test));
        Assert.Single(Run("class C { const string SigningKey = \"" + otherKey + "\"; }", test));

        var token = "ghp_" + SecretCorpus.Chars(new Random(3), Alnum, 36);
        DiagnosticAssert.Single(Run("class C { string Value = \"" + token + "\"; }", test), CodeRuleIds.SecretInSource, 1, DiagnosticSeverity.Warning, "(github-token, fingerprint ");
    }

    [Fact]
    public void The_test_values_are_configurable()
    {
        var options = Sources.Options(("build_property.istestproject", "true"), (StandardsAnalyzerRules.SecretTestValues.AnalyzerOption, "sandbox"));
        DiagnosticAssert.None(Run("class C { string Password = \"sandbox-1234\"; }", options));
        Assert.Single(Run("class C { string Password = \"test-value-1234\"; }", options));
    }

    [Fact]
    public void Corpus_negatives_in_literals_are_not_reported()
    {
        foreach (var sample in SecretCorpus.Negatives())
        {
            var literal = sample.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            DiagnosticAssert.None(Run("class C { string Text = \"" + literal + "\"; }"));
        }
    }

    /// <summary>
    /// The C# of every template (what generated repos compile) and of the adoption fixture repos: no finding. Files
    /// under a tests/ folder are read as a test project's, as the SDK tells the analyzer there.
    /// </summary>
    [Fact]
    public void Template_and_fixture_sources_hold_no_secret()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Standards.Sdk.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("repo root not found");
        }

        var files = new[] { "templates/content", "tests/fixtures" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"{files.Count} files");
        var test = Sources.Options(("build_property.istestproject", "true"));
        var found = files
            .SelectMany(f => Run(File.ReadAllText(f), f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? test : null)
                .Select(d => $"{Path.GetRelativePath(root, f)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"))
            .ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
