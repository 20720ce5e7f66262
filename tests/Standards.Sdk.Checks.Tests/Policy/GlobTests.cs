using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// The one glob translator (<see cref="Glob"/>) in both its dialects: scopes and exclusions in standards.json, and
/// CODEOWNERS patterns (gitignore rules as GitHub applies them, docs.github.com "About code owners").
/// </summary>
public class GlobTests
{
    [Theory]
    [InlineData("src/**", "src/A/B.cs", true)]
    [InlineData("src/**/*.cs", "src/B.cs", true)]
    [InlineData("src/*.cs", "src/A/B.cs", false)]
    [InlineData("src/A", "src/A", true)]
    [InlineData("./src/A/", "src/A", true)]
    [InlineData("src\\A\\*.cs", "src/A/B.cs", true)]
    [InlineData("s?c/a", "src/a", true)]
    [InlineData("src/a", "src/A", false)]
    public void Scope_globs_match_repo_relative_paths(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, path));

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
    public void CodeOwners_patterns_follow_GitHub(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, Glob.CompileGitignore(pattern).IsMatch(path));

        // CODEOWNERS reads them with this translator.
        var owners = CodeOwners.Parse($"{pattern} @owner\n");
        Assert.Empty(owners.Problems);
        Assert.Equal(expected, owners.RuleFor(path) is not null);
    }

    [Theory]
    // "**" inside a segment: any run in a scope, a single "*" in gitignore.
    [InlineData("src/a**b", "src/a/x/b", true, false)]
    [InlineData("src/a**b", "src/axb", true, true)]
    // "**/" after a non-slash: folders in a scope, "*" then "/" in gitignore.
    [InlineData("src/a**/b", "src/a/x/b", true, false)]
    [InlineData("src/a**/b", "src/ax/b", true, true)]
    // A whole "**" segment means the same in both.
    [InlineData("src/**/b", "src/x/y/b", true, true)]
    [InlineData("src/**", "src/x/y", true, true)]
    public void The_dialects_differ_only_where_gitignore_says_so(string pattern, string path, bool scope, bool gitignore)
    {
        Assert.Equal(scope, Glob.IsMatch(pattern, path));
        Assert.Equal(gitignore, Glob.CompileGitignore(pattern).IsMatch(path));
    }

    [Theory]
    // Names are not paths: '*' is any text, '/' and '.' included, '?' any one character; the rest is literal.
    [InlineData("Acme.SlugBenchmarks.Create(Text: \"Hello\")", "Acme.SlugBenchmarks.Create(Text: \"Hello\")", true)]
    [InlineData("Acme.SlugBenchmarks.Create(Text: \"Hello\")", "Acme.SlugBenchmarks.Create(Text: \"Hello!\")", false)]
    [InlineData("Acme.*", "Acme.Slug.Create(Path: \"a/b\")", true)]
    [InlineData("*.Create*", "Acme.Slug.Create(Text: \"x\")", true)]
    [InlineData("Acme.?lug*", "Acme.Slug.Create", true)]
    [InlineData("Acme.?lug*", "Acme.Sslug.Create", false)]
    [InlineData("A.B", "AxB", false)]
    [InlineData("A+B[1]", "A+B[1]", true)]
    [InlineData("acme.*", "Acme.Slug", false)]
    [InlineData("Acme**", "Acme/x/y", true)]
    public void Name_patterns_match_whole_names(string pattern, string name, bool expected) =>
        Assert.Equal(expected, Glob.IsNameMatch(pattern, name));

    [Fact]
    public void A_pathological_name_pattern_answers_without_backtracking()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "*b";
        Assert.False(Glob.IsNameMatch(pattern, new string('a', 5000)));
    }
}
