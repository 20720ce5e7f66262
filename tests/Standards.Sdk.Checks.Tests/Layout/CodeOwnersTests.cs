using Standards.Sdk.Checks.Layout;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>CODEOWNERS parsing and GitHub's pattern semantics (docs.github.com, "About code owners").</summary>
public class CodeOwnersTests
{
    [Theory]
    // Unanchored name: any depth, file or folder.
    [InlineData("*.js", "app.js", true)]
    [InlineData("*.js", "src/web/app.js", true)]
    [InlineData("*.js", "src/app.ts", false)]
    [InlineData("docs", "docs/readme.md", true)]
    [InlineData("docs", "src/docs/readme.md", true)]
    // Trailing slash: a folder anywhere, and everything below it.
    [InlineData("apps/", "apps/a.cs", true)]
    [InlineData("apps/", "src/apps/x/a.cs", true)]
    [InlineData("apps/", "apps", false)]
    // Leading slash or inner slash: anchored at the root.
    [InlineData("/build/logs/", "build/logs/a.log", true)]
    [InlineData("/build/logs/", "src/build/logs/a.log", false)]
    [InlineData("docs/build-app", "docs/build-app/x.md", true)]
    [InlineData("docs/build-app", "src/docs/build-app/x.md", false)]
    [InlineData("/src/Acme.Orders/", "src/Acme.Orders/Acme.Orders.csproj", true)]
    [InlineData("/src/Acme.Orders/", "src/Acme.Orders.Tests/Acme.Orders.Tests.csproj", false)]
    [InlineData("/src/Acme.Orders", "src/Acme.Orders/Order.cs", true)]
    // dir/* covers the files directly in dir only.
    [InlineData("docs/*", "docs/getting-started.md", true)]
    [InlineData("docs/*", "docs/build-app/troubleshooting.md", false)]
    // ** forms.
    [InlineData("**/logs", "deep/down/logs/a.txt", true)]
    [InlineData("**/logs", "logs/a.txt", true)]
    [InlineData("/apps/**", "apps/x/y.cs", true)]
    [InlineData("/apps/**", "src/apps/x.cs", false)]
    [InlineData("src/**/Tests/", "src/a/b/Tests/x.cs", true)]
    [InlineData("src/**/Tests/", "src/Tests/x.cs", true)]
    [InlineData("*", "anything/at/all.txt", true)]
    [InlineData("/", "x.txt", true)]
    [InlineData("a?c.md", "abc.md", true)]
    [InlineData("a?c.md", "a/c.md", false)]
    // Case-sensitive, like GitHub.
    [InlineData("/SRC/", "src/a.cs", false)]
    public void Pattern_matching_follows_GitHub(string pattern, string path, bool expected)
    {
        var owners = CodeOwners.Parse($"{pattern} @owner\n");
        Assert.Empty(owners.Problems);
        Assert.Equal(expected, owners.RuleFor(path) is not null);
    }

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
