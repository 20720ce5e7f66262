using CsCheck;
using Standards.Sdk.Checks.ProjectPolicy;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>The SDK's banned-API list merged with a repo's own: no symbol is listed twice (RS0031), none of either is lost.</summary>
public sealed class BannedSymbolListsTests
{
    [Fact]
    public void A_symbol_the_repo_bans_too_is_left_out_of_ours_and_the_repo_keeps_its_own_bans()
    {
        string[] ours = ["// time", "P:System.DateTime.Now;Inject TimeProvider", "P:System.DateTime.UtcNow;Inject TimeProvider", ""];
        string[] theirs = ["P:System.DateTime.Now; Use IClock", "T:System.Console;Use logging"];

        var merged = BannedSymbolLists.Merge(ours, theirs);

        Assert.Equal(["// time", "P:System.DateTime.UtcNow;Inject TimeProvider", ""], merged);
    }

    [Fact]
    public void The_sdk_list_merged_with_a_list_that_bans_the_same_symbols_lists_each_once()
    {
        var ours = File.ReadAllLines(SdkList("BannedSymbols.txt")).Concat(File.ReadAllLines(SdkList("BannedSymbols.Console.txt"))).ToList();
        var theirs = new[] { "P:System.DateTime.Now", "M:System.Threading.Thread.Sleep(System.Int32);no", "M:My.Api.Old" };

        var ids = BannedSymbolLists.Merge(ours, theirs).Concat(theirs).Select(BannedSymbolLists.SymbolId).OfType<string>().ToList();

        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
        Assert.Contains("P:System.DateTime.UtcNow", ids);
        Assert.Contains("M:My.Api.Old", ids);
    }

    [Fact]
    public void No_symbol_is_listed_twice_and_every_one_stays_banned()
    {
        var line = Gen.OneOf<string>(
            Gen.OneOf("P:System.DateTime.Now", "M:A.B", "T:C", "  M:A.B  ", "// comment", "", "   ", ";", "T:C;message", "M:A.B;x;y"),
            Gen.String);
        Gen.Select(line.Array[0, 12], line.Array[0, 12]).Sample((ours, theirs) =>
        {
            var merged = BannedSymbolLists.Merge(ours, theirs);
            var mergedIds = merged.Select(BannedSymbolLists.SymbolId).OfType<string>().ToList();
            var theirIds = theirs.Select(BannedSymbolLists.SymbolId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return mergedIds.Distinct(StringComparer.Ordinal).Count() == mergedIds.Count
                && !mergedIds.Any(theirIds.Contains)
                && ours.Select(BannedSymbolLists.SymbolId).OfType<string>().All(id => mergedIds.Contains(id) || theirIds.Contains(id));
        });
    }

    private static string SdkList(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Standards.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "sdk", "config", name);
    }
}
