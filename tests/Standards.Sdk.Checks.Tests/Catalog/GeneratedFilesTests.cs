using Standards.Sdk.Checks.Docs;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// The shipped schema and the rules index are generated from the rule catalog. These tests fail when the
/// committed copies drift; `eng/update-generated.sh` (STANDARDS_UPDATE_GENERATED=1) rewrites them.
/// </summary>
public class GeneratedFilesTests
{
    [Fact]
    public void Shipped_schema_matches_the_catalog() =>
        AssertGenerated(Path.Combine("sdk", "schema", "standards.schema.json"), PolicySchemaWriter.Write());

    [Fact]
    public void Rules_index_matches_the_catalog() =>
        AssertGenerated(Path.Combine("docs", "rules", "README.md"), RuleIndexWriter.Write());

    private static void AssertGenerated(string relativePath, string expected)
    {
        var path = Path.Combine(RepoRoot.Path, relativePath);
        if (Environment.GetEnvironmentVariable("STANDARDS_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing; run eng/update-generated.sh");
        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(actual == expected, $"{relativePath} is out of date with the rule catalog; run eng/update-generated.sh and commit the result.");
    }
}
