using CsCheck;
using Standards.Sdk.Checks.Secrets;

namespace Standards.Sdk.Checks.Tests.Secrets;

public class SecretDetectorTests
{
    public static TheoryData<SecretSample> PositiveSamples() => [.. SecretCorpus.Positives()];

    public static TheoryData<SecretSample> NegativeSamples() => [.. SecretCorpus.Negatives()];

    [Theory]
    [MemberData(nameof(PositiveSamples))]
    public void Every_format_is_found_in_every_file_type_at_its_line(SecretSample sample)
    {
        var finding = Assert.Single(SecretDetector.Find(sample.Text, SecretsCheck.IsConfiguration(sample.FileName)));
        Assert.Equal(sample.Format, finding.Kind);
        Assert.Equal(sample.Line, finding.Line);
        Assert.Matches("^[0-9a-f]{12}$", finding.Fingerprint);
    }

    [Theory]
    [MemberData(nameof(NegativeSamples))]
    public void Hashes_ids_integrity_fields_and_placeholders_are_not_secrets(SecretSample sample) =>
        Assert.Empty(SecretDetector.Find(sample.Text, SecretsCheck.IsConfiguration(sample.FileName)));

    [Fact]
    public void The_corpus_covers_every_kind_and_file_type()
    {
        var kinds = typeof(SecretKinds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Equal(kinds.Order(), SecretCorpus.Positives().Select(s => s.Format).Distinct().Order());
        Assert.All(SecretCorpus.FileTypes, t => Assert.Equal(SecretsCheck.IsConfiguration(t.FileName), SecretCorpus.ConfigurationFileTypes.Contains(t.FileName)));
        var configuration = SecretCorpus.ConfigurationFileTypes.Count;
        Assert.All(SecretCorpus.Positives().Where(s => s.Format != "private-key").GroupBy(s => s.Format),
            group => Assert.Equal(group.Key == SecretKinds.NamedSecret ? configuration : SecretCorpus.FileTypes.Count, group.Select(s => s.FileName).Distinct().Count()));
    }

    [Fact]
    public void The_fingerprint_identifies_kind_and_secret_without_containing_it()
    {
        var random = new Random(1);
        var secret = SecretCorpus.Chars(random, "abcdef0123456789", 24);
        var fingerprint = SecretDetector.Fingerprint(SecretKinds.NamedSecret, secret);
        Assert.Equal(fingerprint, SecretDetector.Fingerprint(SecretKinds.NamedSecret, secret));
        Assert.NotEqual(fingerprint, SecretDetector.Fingerprint(SecretKinds.Jwt, secret));
        Assert.NotEqual(fingerprint, SecretDetector.Fingerprint(SecretKinds.NamedSecret, secret + "x"));
        Assert.DoesNotContain(fingerprint, secret, StringComparison.Ordinal);
        Assert.Equal(12, fingerprint.Length);
    }

    [Fact]
    public void Line_and_column_point_at_the_secret()
    {
        var token = "ghp_" + SecretCorpus.Chars(new Random(2), "abcdefghijklmnopqrstuvwxyz0123456789", 36);
        var finding = Assert.Single(SecretDetector.Find("first: 1\nsecond: 2\n  github: " + token + "\n"));
        Assert.Equal((SecretKinds.GitHubToken, 3, 11), (finding.Kind, finding.Line, finding.Column));
    }

    [Fact]
    public void Two_secrets_on_two_lines_are_two_findings_with_their_own_fingerprints()
    {
        var random = new Random(3);
        var one = SecretCorpus.Chars(random, "abcdefghijklmnopqrstuvwxyz0123456789", 20);
        var two = SecretCorpus.Chars(random, "abcdefghijklmnopqrstuvwxyz0123456789", 20);
        var findings = SecretDetector.Find($"Password={one}\nApiKey={two}\n");
        Assert.Equal([1, 2], findings.Select(f => f.Line));
        Assert.NotEqual(findings[0].Fingerprint, findings[1].Fingerprint);
    }

    [Theory]
    [InlineData("Password", true)]
    [InlineData("db_password", true)]
    [InlineData("ConnectionStrings:Orders", false)]
    [InlineData("ConnectionString", false)]
    [InlineData("ConnStr", false)]
    [InlineData("spring.datasource.password", true)]
    [InlineData("Jwt__SigningKey", true)]
    [InlineData("client-secret", true)]
    [InlineData("ApiKeys", true)]
    [InlineData("Credentials", true)]
    [InlineData("pwd", true)]
    [InlineData("AccessTokens", true)]
    [InlineData("SecretName", false)]
    [InlineData("TokenUrl", false)]
    [InlineData("PasswordPolicy", false)]
    [InlineData("TokenLifetimeMinutes", false)]
    [InlineData("KeyVaultSecretUri", false)]
    [InlineData("Description", false)]
    [InlineData("Keyword", false)]
    public void Secret_names(string name, bool expected) =>
        Assert.Equal(expected, SecretDetector.IsSecretName(name));

    [Theory]
    [MemberData(nameof(PlaceholderValues))]
    public void Placeholders_are_left_alone(string value) =>
        Assert.True(SecretDetector.IsPlaceholder(value), value);

    public static TheoryData<string> PlaceholderValues() => [.. SecretCorpus.Placeholders];

    [Fact]
    public void A_connection_string_without_a_password_or_with_integrated_security_is_not_a_secret() =>
        Assert.Empty(SecretDetector.Find("\"Orders\": \"Server=db;Database=orders;Integrated Security=true;\"\n\"Cache\": \"localhost:6379,password=\"\n"));

    /// <summary>
    /// A value under a connection string's name that has no parts is a database name or an address (a sample's
    /// <c>"connectionString": "mydb"</c> in a real repo), not a secret; a password in one is still found by its format.
    /// </summary>
    [Fact]
    public void A_connection_string_name_with_a_value_without_parts_is_not_a_secret()
    {
        Assert.Empty(SecretDetector.Find("{\n  \"connectionString\": \"mydb\",\n  \"ConnStr\": \"orders-db\",\n  \"RedisConnectionString\": \"localhost:6379\"\n}\n"));
        var password = SecretCorpus.Chars(new Random(5), "abcdefghijklmnopqrstuvwxyz0123456789", 16);
        var finding = Assert.Single(SecretDetector.Find("{\n  \"connectionString\": \"Server=db;User Id=orders;Password=" + password + ";\"\n}\n"));
        Assert.Equal((SecretKinds.ConnectionStringPassword, 2), (finding.Kind, finding.Line));
    }

    [Fact]
    public void Binary_looking_and_huge_single_line_text_does_not_throw()
    {
        var text = new string('A', 200_000) + "\0\u0001" + new string('=', 1000);
        Assert.Empty(SecretDetector.Find(text));
    }

    [Theory]
    [InlineData("anthropic-key")]
    [InlineData("huggingface-token")]
    [InlineData("databricks-token")]
    [InlineData("openai-key")]
    [InlineData("onepassword-token")]
    public void Keys_of_the_ai_and_data_platforms_are_found_in_any_text(string kind)
    {
        var make = SecretCorpus.ValueFormats().First(f => f.Kind == kind).Make;
        var value = make(new Random(9));
        var finding = Assert.Single(SecretDetector.Find($"# notes\nuse {value} here\n"));
        Assert.Equal((kind, 2, 5), (finding.Kind, finding.Line, finding.Column));
    }

    [Fact]
    public void The_aws_documentation_example_keys_are_not_secrets()
    {
        Assert.Empty(SecretDetector.Find("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"));
        Assert.Empty(SecretDetector.Find("{ \"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", \"aws_secret_access_key\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\" }"));
    }

    [Fact]
    public void Any_text_gives_findings_inside_it_and_never_throws() =>
        Gen.String.Sample(text =>
        {
            var lines = text.Split('\n').Length;
            Assert.All(SecretDetector.Find(text), f => Assert.True(f.Line >= 1 && f.Line <= lines && f.Column >= 1));
        });
}
