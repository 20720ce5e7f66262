using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Policy;

public class EffectivePolicyTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static EffectivePolicy For(string kind, string json = "{}", string name = "Acme.Orders", string dir = "src/Acme.Orders") =>
        new(PolicyLoader.Load("standards.json", json, Today).Policy, new ProjectContext(name, kind, dir), Today);

    private static RuleDefinition Rule(string id) => RuleCatalog.Find(id)!;

    [Fact]
    public void Defaults_follow_the_profile()
    {
        var policy = For(ProjectKinds.Library);

        Assert.Equal(Severity.Error, policy.SeverityOf(Rule("RS0030")));
        Assert.Equal(Severity.Error, policy.SeverityOf(Rule("CA5351")));
        Assert.Equal(Severity.Error, policy.SeverityOf(Rule("CA1502")));
        Assert.Equal(Severity.Warning, policy.SeverityOf(Rule("STD1001")));
        Assert.Equal(Severity.Error, policy.SeverityOf(Rule("STD1002")));
        Assert.Equal(Severity.Warning, policy.SeverityOf(Rule("CS1591")));
        Assert.Equal("15", policy.Parameter(Rule("CA1502"), "maxComplexity"));
        Assert.Equal("50", policy.Parameter(Rule("STD1001"), "maxLines"));
        Assert.Equal("100", policy.Parameter(Rule("STD1002"), "maxLines"));
        Assert.Equal("4", policy.Parameter(Rule("STD1003"), "maxDepth"));
        Assert.Equal("500", policy.Parameter(Rule("STD1004"), "maxLines"));
    }

    [Fact]
    public void Test_projects_relax_banned_apis_logging_and_naming_but_keep_security()
    {
        var policy = For(ProjectKinds.Test);

        Assert.Equal(Severity.None, policy.SeverityOf(Rule("RS0030")));
        Assert.Equal(Severity.None, policy.SeverityOf(Rule("CA1848")));
        Assert.Equal(Severity.None, policy.SeverityOf(Rule("CA1707")));
        Assert.Equal(Severity.None, policy.SeverityOf(Rule("CA5394")));
        Assert.Equal(Severity.Error, policy.SeverityOf(Rule("CA5351")));
        Assert.Equal(Severity.Warning, policy.SeverityOf(Rule("STD1001")));
    }

    [Fact]
    public void Public_api_docs_apply_to_libraries_only()
    {
        Assert.Equal(Severity.Warning, For(ProjectKinds.Library).SeverityOf(Rule("CS1591")));
        Assert.Equal(Severity.None, For(ProjectKinds.Service).SeverityOf(Rule("CS1591")));
        Assert.Equal(Severity.None, For(ProjectKinds.Service, """{ "rules": { "CS1591": "error" } }""").SeverityOf(Rule("CS1591")));
    }

    [Fact]
    public void Strict_profile_uses_strict_numbers_unless_set()
    {
        Assert.Equal("10", For(ProjectKinds.Library, """{ "profile": "strict" }""").Parameter(Rule("CA1502"), "maxComplexity"));
        Assert.Equal("12", For(ProjectKinds.Library, """{ "profile": "strict", "rules": { "CA1502": { "maxComplexity": 12 } } }""").Parameter(Rule("CA1502"), "maxComplexity"));
    }

    [Fact]
    public void Standards_json_overrides_severity_and_test_severity()
    {
        const string json = """{ "rules": { "STD1004": { "severity": "error", "testSeverity": "none" }, "CA1848": "error" } }""";

        Assert.Equal(Severity.Error, For(ProjectKinds.Library, json).SeverityOf(Rule("STD1004")));
        Assert.Equal(Severity.None, For(ProjectKinds.Test, json).SeverityOf(Rule("STD1004")));
        Assert.Equal(Severity.Error, For(ProjectKinds.Worker, json).SeverityOf(Rule("CA1848")));
        // CA1848 is relaxed in tests; the repo severity does not undo the relaxation.
        Assert.Equal(Severity.None, For(ProjectKinds.Test, json).SeverityOf(Rule("CA1848")));
    }

    [Theory]
    [InlineData("Acme.Orders", true)]
    [InlineData("src/Acme.Orders", true)]
    [InlineData("src", true)]
    [InlineData("src/**", true)]
    [InlineData("src/*", true)]
    [InlineData("*", true)]
    [InlineData("cmd", false)]
    [InlineData("Acme", false)]
    [InlineData("src/Acme.Orders/Legacy/*.cs", false)]
    public void Exception_scope_matches_project_name_folder_or_glob(string scope, bool applies)
    {
        var json = $$"""{ "exceptions": [ { "rule": "STD1001", "scope": "{{scope}}", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }""";
        var policy = For(ProjectKinds.Library, json);

        Assert.Equal(applies ? Severity.None : Severity.Warning, policy.SeverityOf(Rule("STD1001")));
        Assert.Equal(!applies, policy.FileExceptions().Any());
    }
}
