using Standards.Sdk.Checks.Layout;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>CODEOWNERS parsing; the pattern semantics (GitHub's, docs.github.com "About code owners") are in GlobTests.</summary>
public class CodeOwnersTests
{
    [Fact]
    public void Last_matching_rule_wins()
    {
        var owners = CodeOwners.Parse("*  @everyone\n/src/ @src-team\n/src/Legacy/ @legacy-a @legacy-b\n*.md @docs\n");
        Assert.Equal(["@docs"], owners.RuleFor("src/Legacy/README.md")!.Owners);
        Assert.Equal(["@legacy-a", "@legacy-b"], owners.RuleFor("src/Legacy/A.cs")!.Owners);
        Assert.Equal(["@src-team"], owners.RuleFor("src/New/A.cs")!.Owners);
        Assert.Equal(["@everyone"], owners.RuleFor("build.sh")!.Owners);
        Assert.Equal(3, owners.RuleFor("src/Legacy/A.cs")!.Line);
    }

    [Theory]
    [InlineData("@alice", true)]
    [InlineData("@a-b-c", true)]
    [InlineData("@acme/platform-team", true)]
    [InlineData("@acme/team.name_2", true)]
    [InlineData("dev@example.com", true)]
    [InlineData("alice", false)]
    [InlineData("@", false)]
    [InlineData("@-alice", false)]
    [InlineData("@alice-", false)]
    [InlineData("@acme/", false)]
    [InlineData("@a/b/c", false)]
    [InlineData("dev@example", false)]
    public void Owner_syntax(string owner, bool valid) => Assert.Equal(valid, CodeOwners.IsValidOwner(owner));

    [Fact]
    public void Comments_blank_lines_and_escapes()
    {
        var owners = CodeOwners.Parse("# comment\n\n   \n\\#notes/ @a # trailing comment\nmy\\ dir/ @b\r\n");
        Assert.Empty(owners.Problems);
        Assert.Equal(["#notes/", "my dir/"], owners.Rules.Select(r => r.Pattern));
        Assert.Equal([4, 5], owners.Rules.Select(r => r.Line));
        Assert.NotNull(owners.RuleFor("my dir/x.txt"));
    }

    [Theory]
    [InlineData("/src/", "has no owner")]
    [InlineData("/src/ alice", "'alice' is not an owner")]
    [InlineData("!/src/ @a", "negates")]
    [InlineData("/src/[ab] @a", "character range")]
    [InlineData("@a /src/", "instead of a path pattern")]
    public void Malformed_lines_are_problems_with_their_line(string line, string problem)
    {
        var owners = CodeOwners.Parse("* @ok\n" + line + "\n");
        var reported = Assert.Single(owners.Problems);
        Assert.Equal(2, reported.Line);
        Assert.Contains(problem, reported.Problem, StringComparison.Ordinal);
    }
}
