using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.Schema;

/// <summary>
/// The shipped standards.json schema is what editors validate with: the policy files we ship and document are
/// valid against it, and the mistakes the loader rejects are rejected by it too. No builds.
/// </summary>
public sealed class PolicySchemaTests
{
    private static readonly JsonSchemaValidator Schema = Load();

    private static JsonSchemaValidator Load()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "sdk", "schema", "standards.schema.json")));
        return new JsonSchemaValidator(schema.RootElement.Clone());
    }

    private static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Schema.Validate(document.RootElement);
    }

    public static TheoryData<string> ShippedPolicies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "templates", "content"), "standards.json", SearchOption.AllDirectories)
            .Append(Path.Combine(RepoPaths.Root, "eng", "demo-repo", "standards.json"))
            .Append(Path.Combine(RepoPaths.Root, "standards.json")))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedPolicies))]
    public void Policies_we_ship_are_valid(string relativePath) =>
        Assert.Empty(Validate(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath))));

    [Fact]
    public void A_full_policy_is_valid()
    {
        const string json = """
            {
              "$schema": "https://example.invalid/standards.schema.json",
              "profile": "strict",
              "kind": "service",
              "helpBaseUrl": "https://docs.example.invalid/rules/",
              "rules": {
                "STD1001": { "severity": "error", "maxLines": 40, "testSeverity": "warning" },
                "STD1005": { "names": ["Util", "Shared"] },
                "CA1502": "warning",
                "RS0030": "none",
                "CA2201": "error",
                "MA0051": { "severity": "warning", "testSeverity": "none" },
                "SA1600": "none"
              },
              "exceptions": [
                { "rule": "STD0101", "scope": "src/Legacy", "owner": "@team", "reason": "interop", "expires": "2027-01-31" },
                { "rule": "S1234", "scope": "src/Legacy/**", "owner": "@team", "reason": "ported", "expires": "2027-01-31" }
              ],
              "layout": { "testsFolder": "test", "exclude": ["vendor", "src/Generated/**"], "projectsWithoutStandardsSdk": "ignore" },
              "dependencies": {}
            }
            """;
        Assert.Empty(Validate(json));
    }

    [Theory]
    [InlineData("""{ "profle": "strict" }""")]
    [InlineData("""{ "profile": "lenient" }""")]
    [InlineData("""{ "rules": { "STD9999": "error" } }""")]
    [InlineData("""{ "rules": { "CA 2201": "error" } }""")]
    [InlineData("""{ "rules": { "MA0051": { "maxLines": 80 } } }""")]
    [InlineData("""{ "layout": { "testsFolder": "a/b" } }""")]
    [InlineData("""{ "layout": { "projectsWithoutStandardsSdk": "yes" } }""")]
    [InlineData("""{ "rules": { "STD1001": "loud" } }""")]
    [InlineData("""{ "rules": { "STD1001": { "maxLines": 0 } } }""")]
    [InlineData("""{ "rules": { "STD1001": { "maxDepth": 3 } } }""")]
    [InlineData("""{ "exceptions": [ { "rule": "STD0101", "scope": "x" } ] }""")]
    [InlineData("""{ "exceptions": [ { "rule": "STD0101", "scope": "x", "owner": "o", "reason": "r", "expires": "31.12.2027" } ] }""")]
    public void Mistakes_the_loader_rejects_are_schema_errors(string json) =>
        Assert.NotEmpty(Validate(json));
}
