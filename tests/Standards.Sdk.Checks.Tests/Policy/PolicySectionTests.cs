using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// The sections of standards.json read through the typed reader: the top level, the exception entries, and the
/// sections checks own (coverage, budgets, release). Each problem is its code at the line and column of the key or
/// value, in the reader's one wording.
/// </summary>
public sealed class PolicySectionTests
{
    private const string SchemaHint = " See the schema in the Standards.Sdk package (schema/standards.schema.json).";
    private const string RulesHint = " Rule severities go in the \"rules\" section. See docs/quality-gates.md.";
    private const string ExceptionHint = " Every exception needs rule, scope, owner, reason and expires (YYYY-MM-DD).";
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData("{\n  \"profile\": 1\n}", 2, 14, "\"profile\" in standards.json must be a string, not number." + SchemaHint)]
    [InlineData("{\n  \"kind\": \"app\"\n}", 2, 11, "\"kind\" in standards.json is 'app'; it must be one of: service, worker, library." + SchemaHint)]
    [InlineData("{\n  \"helpBaseUrl\": \" \"\n}", 2, 18, "\"helpBaseUrl\" in standards.json must not be empty." + SchemaHint)]
    [InlineData("{\n  \"rules\": []\n}", 2, 12, "\"rules\" in standards.json must be an object, not array. Map rule codes to a severity or to settings." + SchemaHint)]
    [InlineData("{\n  \"exceptions\": {}\n}", 2, 17, "\"exceptions\" in standards.json must be an array, not object. Write an array of entries with rule, scope, owner, reason and expires." + SchemaHint)]
    [InlineData("{\n  \"profle\": \"strict\"\n}", 2, 3,
        "Unknown setting 'profle' in standards.json. Did you mean 'profile'? Known settings: profile, kind, helpBaseUrl, rules, exceptions, layout, dependencies, coverage, budgets, release.")]
    public void The_top_level_is_STD0002_at_the_key_or_value(string json, int line, int column, string message) =>
        Assert.Equal(("STD0002", line, column, message), Single(Load(json).Findings));

    [Fact]
    public void Profile_and_kind_are_read_ignoring_case_as_the_list_spells_them()
    {
        var result = Load("{ \"profile\": \"Strict\", \"kind\": \"LIBRARY\" }");
        Assert.Empty(result.Findings);
        Assert.Equal(("strict", "library"), (result.Policy.Profile, result.Policy.RepoKind));
    }

    [Theory]
    [InlineData("{ \"exceptions\": [\n { \"rule\": \"STD0101\", \"scope\": \"x\", \"owner\": 7, \"reason\": \"r\", \"expires\": \"2030-01-01\" } ] }", 2, 46,
        "\"owner\" in an exception entry must be a string, not number." + ExceptionHint)]
    [InlineData("{ \"exceptions\": [\n { \"rule\": \"STD0101\", \"scope\": \" \", \"owner\": \"@o\", \"reason\": \"r\", \"expires\": \"2030-01-01\" } ] }", 2, 32,
        "\"scope\" in an exception entry must not be empty." + ExceptionHint)]
    [InlineData("{ \"exceptions\": [\n \"STD0101\" ] }", 2, 2, "an exception entry must be an object, not string.")]
    public void A_malformed_exception_entry_is_STD0004_and_does_not_apply(string json, int line, int column, string message)
    {
        var result = Load(json);
        Assert.Equal(("STD0004", line, column, message), Single(result.Findings));
        Assert.Empty(result.Policy.Exceptions);
    }

    [Fact]
    public void An_unknown_key_in_an_exception_entry_is_STD0004_at_the_key_and_the_entry_still_applies()
    {
        var result = Load("{ \"exceptions\": [ { \"rule\": \"STD0101\", \"scope\": \"x\", \"owner\": \"@o\", \"reason\": \"r\", \"expires\": \"2030-01-01\",\n  \"expire\": \"2030-01-01\" } ] }");
        Assert.Equal(("STD0004", 2, 3, "Unknown setting 'expire' in an exception entry. Did you mean 'expires'? Known settings: rule, scope, owner, reason, expires."), Single(result.Findings));
        Assert.Equal("STD0101", Assert.Single(result.Policy.Exceptions).Rule);
    }

    [Theory]
    [InlineData("{\n  \"coverage\": []\n}", 2, 15, "'coverage' of standards.json must be an object, not array." + SchemaHint)]
    [InlineData("{\n  \"coverage\": {\n    \"line\": 120\n  }\n}", 3, 13, "\"line\" in 'coverage' of standards.json is 120; it must be between 0 and 100. Write a percentage; the default is 80." + SchemaHint)]
    [InlineData("{\n  \"coverage\": {\n    \"branch\": \"60\"\n  }\n}", 3, 15, "\"branch\" in 'coverage' of standards.json must be a number, not string. Write a percentage; the default is 60." + SchemaHint)]
    [InlineData("{\n  \"coverage\": {\n    \"brnch\": 60\n  }\n}", 3, 5,
        "Unknown setting 'brnch' in 'coverage' of standards.json. Did you mean 'branch'? Known settings: line, branch, criticalLine, tolerance, exclude." + RulesHint)]
    public void The_coverage_section_is_STD0002_at_the_key_or_value(string json, int line, int column, string message)
    {
        var findings = new List<Finding>();
        var settings = CoverageSettings.Read(Load(json).Policy, findings);
        Assert.Equal(("STD0002", line, column, message), Single(findings));
        Assert.Equal((80, 60), (settings.Line, settings.Branch));
    }

    [Theory]
    [InlineData("{\n  \"budgets\": {\n    \"regression\": 2000\n  }\n}", 3, 19, "\"regression\" in 'budgets' of standards.json is 2000; it must be between 0 and 1000. Write a percentage; the default is 10." + SchemaHint)]
    [InlineData("{\n  \"budgets\": {\n    \"sizes\": { \"Lib\": { \"assembly\": true } }\n  }\n}", 3, 37,
        "\"assembly\" in 'budgets.sizes[\"Lib\"]' of standards.json must be a number or a string, not boolean. Write a size: a number of bytes or a string such as \"64 KiB\", \"1.5 MB\"." + SchemaHint)]
    [InlineData("{\n  \"budgets\": {\n    \"sizes\": { \"Lib\": { \"pakage\": 1 } }\n  }\n}", 3, 25,
        "Unknown setting 'pakage' in 'budgets.sizes[\"Lib\"]' of standards.json. Did you mean 'package'? Known settings: assembly, package, publish." + RulesHint)]
    [InlineData("{\n  \"budgets\": {\n    \"benchmarks\": []\n  }\n}", 3, 19,
        "\"benchmarks\" in 'budgets' of standards.json must be an object, not array. Map benchmark FullNames (or globs with *) to { \"mean\", \"p95\", \"allocated\" }." + SchemaHint)]
    public void The_budgets_section_is_STD0002_at_the_key_or_value(string json, int line, int column, string message)
    {
        var findings = new List<Finding>();
        var settings = BudgetSettings.Read(Load(json).Policy, findings);
        Assert.Equal(("STD0002", line, column, message), Single(findings));
        Assert.Equal(10, settings.Regression);
    }

    [Theory]
    [InlineData("{\n  \"release\": {\n    \"sbom\": { \"format\": \"swid\" }\n  }\n}", 3, 25, "\"format\" in 'release.sbom' of standards.json is 'swid'; it must be one of: spdx, cyclonedx, both." + SchemaHint)]
    [InlineData("{\n  \"release\": {\n    \"sbom\": { \"enabled\": \"yes\" }\n  }\n}", 3, 26, "\"enabled\" in 'release.sbom' of standards.json must be true or false, not string." + SchemaHint)]
    [InlineData("{\n  \"release\": {\n    \"sbom\": \"spdx\"\n  }\n}", 3, 13, "\"sbom\" in 'release' of standards.json must be an object, not string. Write { \"format\": \"spdx\", \"enabled\": true }." + SchemaHint)]
    [InlineData("{\n  \"release\": {\n    \"signin\": {}\n  }\n}", 3, 5, "Unknown setting 'signin' in 'release' of standards.json. Did you mean 'signing'? Known settings: sbom, signing.")]
    [InlineData("{\n  \"release\": 1\n}", 2, 14, "'release' of standards.json must be an object, not number." + SchemaHint)]
    public void The_release_section_is_STD0002_at_the_key_or_value(string json, int line, int column, string message)
    {
        var result = Load(json);
        Assert.Equal(("STD0002", line, column, message), Single(result.Findings));
        Assert.Equal(ReleaseSettings.Default, result.Policy.Release);
    }

    [Fact]
    public void Release_words_are_read_ignoring_case()
    {
        var result = Load("{ \"release\": { \"sbom\": { \"format\": \"CycloneDX\" }, \"signing\": { \"packages\": \"Required\" } } }");
        Assert.Empty(result.Findings);
        Assert.Equal(("CycloneDX", SigningRequirement.Required), (result.Policy.Release.SbomFormat, result.Policy.Release.Packages));
    }

    private static PolicyLoadResult Load(string json) => PolicyLoader.Load("standards.json", json, Today);

    private static (string Code, int Line, int Column, string Message) Single(IEnumerable<Finding> findings)
    {
        var finding = Assert.Single(findings);
        return (finding.Code, finding.Line, finding.Column, finding.Message);
    }
}
