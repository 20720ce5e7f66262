using Standards.Sdk.DocsGenerator;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// The shipped schema and the rules index are generated from the rule catalog by the eng/ tool
/// Standards.Sdk.DocsGenerator. These tests fail when the committed copies drift; `eng/update-generated.sh` runs the
/// tool to rewrite them.
/// </summary>
public class GeneratedFilesTests
{
    [Fact]
    public void Shipped_schema_matches_the_catalog() =>
        AssertGenerated(Path.Combine("sdk", "schema", "standards.schema.json"), PolicySchemaWriter.Write());

    [Fact]
    public void Rules_index_matches_the_catalog() =>
        AssertGenerated(Path.Combine("docs", "rules", "README.md"), RuleIndexWriter.Write());

    [Fact]
    public void The_tool_writes_exactly_the_files_these_tests_compare() =>
        Assert.Equal(["sdk/schema/standards.schema.json", "docs/rules/README.md"], Program.Files.Select(f => f.Path));

    private static void AssertGenerated(string relativePath, string expected)
    {
        var path = Path.Combine(RepoRoot.Path, relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing; run eng/update-generated.sh");
        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(actual == expected, $"{relativePath} is out of date with the rule catalog; run eng/update-generated.sh and commit the result.");
    }
}
