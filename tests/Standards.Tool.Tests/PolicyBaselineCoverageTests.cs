using System.Text.RegularExpressions;
using Standards.Sdk.Analyzers.Baseline;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests;

/// <summary>
/// Every diagnostic the policy turns on, for every project kind, can fire on existing code, so the code baseline must
/// be able to hold it at its place: the suppressor declares its id. Generated from the analyzer config the SDK
/// writes, so a rule the policy turns on later is covered without a list to keep.
/// </summary>
public partial class PolicyBaselineCoverageTests
{
    [GeneratedRegex(@"^dotnet_diagnostic\.(?<id>[A-Za-z]+[0-9]+)\.severity\s*=\s*(?<severity>warning|error)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SeverityLine();

    public static TheoryData<string> Kinds() => [.. ProjectKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_diagnostic_the_policy_turns_on_can_be_held_by_the_code_baseline(string kind)
    {
        var today = new DateOnly(2026, 11, 21);
        var loaded = PolicyLoader.Load("standards.json", "{ }", today);
        var effective = new EffectivePolicy(loaded.Policy, new ProjectContext("Acme.Orders", kind, "src/Acme.Orders"), today);
        var (config, _) = AnalyzerConfigWriter.WriteConfig(effective, "/repo", ["/repo/src/Acme.Orders/Orders.cs"]);

        var ids = SeverityLine().Matches(config).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal).ToList();

        Assert.Contains("CA3075", ids);
        Assert.Equal(kind != ProjectKinds.Test, ids.Contains("RS0030"));
        var unheld = ids.Where(id => !CodeBaselineFormat.IsSuppressible(id)).ToList();
        Assert.True(unheld.Count == 0, "the code baseline cannot hold: " + string.Join(", ", unheld));
    }
}
