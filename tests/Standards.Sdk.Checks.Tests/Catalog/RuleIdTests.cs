using System.Reflection;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// Rule ids are typed: code names a rule only through the constants of a *RuleIds class, the catalog declares every
/// rule through the same constants, and an id the catalog does not declare is a failure, here and at run time,
/// never a finding with a made-up severity.
/// </summary>
public class RuleIdTests
{
    private static readonly Regex StdId = new(@"^STD[0-9]{4}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex StdLiteral = new("\"STD[0-9]{4}\"", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The assemblies whose code reports findings: the checks (tasks and tool use their ids) and the analyzers.</summary>
    private static readonly Assembly[] Reporting = [typeof(RuleCatalog).Assembly, typeof(Standards.Sdk.Analyzers.StandardsAnalyzerRules).Assembly];

    [Fact]
    public void Every_id_constant_is_declared_in_the_catalog()
    {
        var constants = Reporting.SelectMany(IdConstants).ToList();
        Assert.NotEmpty(constants);
        Assert.Empty(constants.Where(c => RuleCatalog.Find(c.Id) is null).Select(c => $"{c.Name} = {c.Id}"));
    }

    [Fact]
    public void Every_STD_rule_has_exactly_one_id_constant_in_the_checks()
    {
        var byId = IdConstants(typeof(RuleCatalog).Assembly).ToLookup(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var problems = RuleCatalog.All.Where(r => r.Id.StartsWith(DiagnosticIds.OwnPrefix, StringComparison.Ordinal))
            .Where(r => byId[r.Id].Count() != 1)
            .Select(r => $"{r.Id}: {(byId[r.Id].Any() ? string.Join(", ", byId[r.Id]) : "no constant")}");
        Assert.Empty(problems);
    }

    [Fact]
    public void No_raw_rule_id_literal_outside_the_id_declarations()
    {
        var offenders = new List<string>();
        foreach (var folder in new[] { "src", "tool" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepoRoot.Path, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                    || relative.EndsWith("RuleIds.cs", StringComparison.Ordinal) || relative.EndsWith("/StandardsAnalyzerRules.cs", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal) && StdLiteral.IsMatch(lines[i]))
                    {
                        offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0,
            "Name rules through their *RuleIds constant (declared once, used by the catalog), not a string literal:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void An_undeclared_id_fails_instead_of_defaulting_to_error()
    {
        const string undeclared = "STD9999";
        Assert.Null(RuleCatalog.Find(undeclared));
        Assert.Contains(undeclared, Assert.Throws<KeyNotFoundException>(() => RuleCatalog.Get(undeclared)).Message, StringComparison.Ordinal);

        var policy = new RepositoryPolicy(StandardsPolicy.Default, new RepositoryKind("library", "declared", true), FakeRepo.Today);
        var reporter = FindingReporter.ForRepository(policy.Effective, repository: null);
        Assert.Throws<KeyNotFoundException>(() => reporter.SeverityOf(undeclared));
        Assert.Throws<KeyNotFoundException>(() => reporter.Report(undeclared, "message", "file.md"));
        Assert.Throws<KeyNotFoundException>(() => policy.Parameter(undeclared, "files"));
        Assert.Equal(Severity.Error, reporter.SeverityOf(LayoutRuleIds.RequiredFileMissing));
        Assert.Same(RuleCatalog.Find(LayoutRuleIds.RequiredFileMissing), RuleCatalog.Get("std3001"));
    }

    private static IEnumerable<(string Name, string Id)> IdConstants(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (Name: $"{type.FullName}.{field.Name}", Id: (string)field.GetRawConstantValue()!)))
            .Where(constant => StdId.IsMatch(constant.Id));
}
