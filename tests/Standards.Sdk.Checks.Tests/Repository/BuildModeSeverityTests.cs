using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>
/// Repository findings follow the compiler's local/CI split: errors of the layout, dependency and secret rules are
/// warnings in a local Debug build unless standards.json sets their severity, warnings are errors in CI; problems of
/// the SDK's own inputs never weaken.
/// </summary>
public sealed class BuildModeSeverityTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static StandardsPolicy Policy(string json = "{}") => PolicyLoader.Load("standards.json", json, Today).Policy;

    private static Severity Logged(string code, Severity severity, bool ci, string json = "{}") =>
        BuildModeSeverity.Logged(new Finding(code, severity, "message", "README.md", 1, 1), Policy(json), ci).Severity;

    [Theory]
    [InlineData("STD3001")] // layout: README.md missing
    [InlineData("STD2001")] // dependencies
    [InlineData("STD3040")] // a secret in a committed file
    public void A_rule_error_is_a_warning_locally_and_an_error_in_ci(string code)
    {
        Assert.Equal(Severity.Warning, Logged(code, Severity.Error, ci: false));
        Assert.Equal(Severity.Error, Logged(code, Severity.Error, ci: true));
    }

    [Fact]
    public void A_warning_is_an_error_in_ci_and_stays_a_warning_locally()
    {
        Assert.Equal(Severity.Error, Logged("STD3031", Severity.Warning, ci: true));
        Assert.Equal(Severity.Warning, Logged("STD3031", Severity.Warning, ci: false));
        Assert.Equal(Severity.Info, Logged("STD3031", Severity.Info, ci: true));
    }

    [Theory]
    [InlineData("""{ "rules": { "STD3001": "error" } }""")]
    [InlineData("""{ "rules": { "STD3001": { "severity": "error" } } }""")]
    public void A_severity_standards_json_sets_is_kept_locally(string json) =>
        Assert.Equal(Severity.Error, Logged("STD3001", Severity.Error, ci: false, json));

    [Fact]
    public void A_parameter_alone_does_not_make_the_rule_an_error_locally() =>
        Assert.Equal(Severity.Warning, Logged("STD3001", Severity.Error, ci: false, """{ "rules": { "STD3001": { "testSeverity": "none" } } }"""));

    [Theory]
    [InlineData("STD0000")] // a defect of Standards.Sdk
    [InlineData("STD0002")] // a malformed input file
    [InlineData("STD0007")] // an unreadable input file
    [InlineData("STD0008")] // state that cannot be written
    [InlineData("STD3901")] // a malformed baseline
    [InlineData("CS0168")]  // not a rule of the repository checks
    public void Problems_of_the_inputs_and_unknown_codes_stay_errors_locally(string code) =>
        Assert.Equal(Severity.Error, Logged(code, Severity.Error, ci: false));

    [Fact]
    public void The_outcome_is_logged_as_the_build_logs_it()
    {
        var findings = new[]
        {
            new Finding("STD3001", Severity.Error, "README.md is missing", "README.md", 0, 0),
            new Finding("STD3031", Severity.Warning, "SECURITY.md is missing", "SECURITY.md", 0, 0),
            new Finding("STD0002", Severity.Error, "malformed", "standards.json", 3, 1),
        };
        var outcome = new RepositoryCheckOutcome(findings, [], findings, 0, [], new RepositoryKind("library", "test", Declared: false), null);

        var local = BuildModeSeverity.Apply(outcome, Policy(), warningsAsErrors: false);
        var ci = BuildModeSeverity.Apply(outcome, Policy(), warningsAsErrors: true);

        Assert.Equal([Severity.Warning, Severity.Warning, Severity.Error], local.Reported.Select(f => f.Severity));
        Assert.Equal([Severity.Error, Severity.Error, Severity.Error], ci.Reported.Select(f => f.Severity));
        Assert.Same(findings, outcome.Current);
        Assert.Equal(findings, local.Current);
    }
}
