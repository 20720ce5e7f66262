using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    /// <summary>The security rules of NetAnalyzers that the profile makes errors (CA2100, CA3xxx, CA5xxx).</summary>
    public static IReadOnlyList<string> SecurityRuleIds { get; } =
    [
        "CA2100", "CA3001", "CA3002", "CA3003", "CA3004", "CA3005", "CA3006", "CA3007", "CA3008", "CA3009",
        "CA3010", "CA3011", "CA3012", "CA3061", "CA3075", "CA3076", "CA3077", "CA3147",
        .. Enumerable.Range(5350, 2).Select(n => $"CA{n}"),
        .. Enumerable.Range(5358, 48).Select(n => $"CA{n}"),
    ];

    private static IEnumerable<RuleDefinition> AnalyzerRules()
    {
        const string security = "security-rules";
        foreach (var id in SecurityRuleIds)
        {
            yield return External(id, SecurityTitle(id), RuleOrigin.NetAnalyzers, Severity.Error, security) with
            {
                Locked = true,
                // Tests build throw-away data with System.Random; everything else stays an error there too.
                TestSeverity = id == "CA5394" ? Severity.None : null,
            };
        }

        yield return External("CA1502", "Avoid excessive cyclomatic complexity", RuleOrigin.NetAnalyzers, Severity.Error, "complexity") with
        {
            Parameters = [new RuleParameter("maxComplexity", "15", "10", "Highest cyclomatic complexity a method may have (written to CodeMetricsConfig.txt).")],
        };
        yield return External("IDE0051", "Remove unused private members", RuleOrigin.CodeStyle, Severity.Warning, "unused-code");
        yield return External("IDE0052", "Remove unread private members", RuleOrigin.CodeStyle, Severity.Warning, "unused-code");
        yield return External("IDE0059", "Unnecessary assignment of a value", RuleOrigin.CodeStyle, Severity.Warning, "unused-code");
        yield return External("IDE0060", "Remove unused parameter", RuleOrigin.CodeStyle, Severity.Warning, "unused-code");
        yield return External("CA1848", "Use the LoggerMessage delegates", RuleOrigin.NetAnalyzers, Severity.Warning, "structured-logging") with { TestSeverity = Severity.None };
        yield return External("CA2254", "Log message template should be a static expression", RuleOrigin.NetAnalyzers, Severity.Warning, "structured-logging") with { TestSeverity = Severity.None };
        yield return External("RS0030", "Banned API used in production code", RuleOrigin.BannedApiAnalyzers, Severity.Error, "banned-apis") with
        {
            Locked = true,
            TestSeverity = Severity.None,
        };
        yield return External("CS1591", "Public API not documented", RuleOrigin.Compiler, Severity.Warning, "public-api-docs") with
        {
            Kinds = [ProjectKinds.Library],
        };

        // Rules of latest-recommended that are wrong for test code: xunit names tests with underscores,
        // passes constant arrays to [InlineData], and test methods are instance methods by design.
        const string testRelaxation = "test-conventions";
        yield return External("CA1707", "Identifiers should not contain underscores", RuleOrigin.NetAnalyzers, Severity.Warning, testRelaxation) with { TestSeverity = Severity.None };
        yield return External("CA1861", "Avoid constant arrays as arguments", RuleOrigin.NetAnalyzers, Severity.Warning, testRelaxation) with { TestSeverity = Severity.None };
        yield return External("CA1822", "Mark members as static", RuleOrigin.NetAnalyzers, Severity.Warning, testRelaxation) with { TestSeverity = Severity.None };
    }

    private static RuleDefinition External(string id, string title, RuleOrigin origin, Severity severity, string source) => new()
    {
        Id = id,
        Title = title,
        Area = BuildPolicy,
        Origin = origin,
        DefaultSeverity = severity,
        Source = source,
    };

    private static string SecurityTitle(string id) => id switch
    {
        "CA2100" => "Review SQL queries for security vulnerabilities",
        var s when s.StartsWith("CA30", StringComparison.Ordinal) => "Review code for injection vulnerabilities",
        "CA3061" or "CA3075" or "CA3076" or "CA3077" => "Insecure XML processing",
        "CA3147" => "Mark verb handlers with ValidateAntiForgeryToken",
        "CA5350" or "CA5351" => "Do not use weak cryptographic algorithms",
        "CA5394" => "Do not use insecure randomness",
        _ => "Security rule (cryptography, certificates, deserialisation)",
    };
}
