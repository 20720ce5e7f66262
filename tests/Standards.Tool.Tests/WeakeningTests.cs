using CsCheck;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

/// <summary>What adopt does with a weakening of the policy: CS1591 taken out of NoWarn, STD0101/STD0103 turned into scoped exceptions.</summary>
public sealed class WeakeningTests
{
    private static readonly string[] Tokens = ["CS1591", "1591", "cs1591", "CS15910", "11591", "1701", "$(NoWarn)", "CS1573", "NU1701"];
    private static readonly string[] Separators = [";", ",", " ", ";\n      ", " ; "];

    [Fact]
    public void Taking_CS1591_out_of_NoWarn_keeps_every_other_id_in_its_order_and_every_byte_outside_the_value()
    {
        var gen = Gen.Select(Gen.Int[0, Tokens.Length - 1].Array[1, 6], Gen.Int[0, Separators.Length - 1].Array[6]);
        gen.Sample((picks, separators) =>
        {
            var value = string.Concat(picks.Select((p, i) => (i == 0 ? string.Empty : Separators[separators[i - 1]]) + Tokens[p]));
            var text = $"<Project>\n  <PropertyGroup>\n    <NoWarn>{value}</NoWarn>\n  </PropertyGroup>\n</Project>\n";
            var kept = picks.Select(p => Tokens[p]).Where(t => !IsCs1591(t)).ToList();

            var removed = WeakenedRules.RemoveCs1591("A.csproj", text);

            if (kept.Count == picks.Length)
            {
                return removed is null;
            }

            var after = removed!.Value.After;
            const string Open = "<Project>\n  <PropertyGroup>\n    <NoWarn>";
            const string Close = "</NoWarn>\n  </PropertyGroup>\n</Project>\n";
            var newValue = after[Open.Length..^Close.Length];
            return after.StartsWith(Open, StringComparison.Ordinal) && after.EndsWith(Close, StringComparison.Ordinal)
                && newValue.Split([';', ',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries).SequenceEqual(kept)
                && WeakenedRules.Find("A.csproj", after).Count == 0
                && removed.Value.Lines.Single().StartsWith("A.csproj(3): <NoWarn> listed CS1591", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_NoWarn_in_a_comment_or_without_CS1591_is_left_as_it_is()
    {
        Assert.Null(WeakenedRules.RemoveCs1591("A.csproj", "<Project>\n  <!-- <NoWarn>CS1591</NoWarn> -->\n  <PropertyGroup><NoWarn>CS15910;NU1701</NoWarn></PropertyGroup>\n</Project>\n"));
    }

    [Theory]
    [InlineData("src/A/C.cs", "STD0101", "#pragma warning disable CS8602 silences a nullable warning; the policy ...", "STD0101", "src/A/C.cs")]
    [InlineData("src/A/C.cs", "STD0103", "[SuppressMessage] silences locked rule CA5351. Fix the code instead", "CA5351", "src/A/C.cs")]
    [InlineData("src/A/A.csproj", "STD0103", "NoWarn silences locked rule RS0030 (Banned API used in production code). Fix the code instead", "RS0030", "A")]
    [InlineData(".editorconfig", "STD0101", ".editorconfig line 2 makes nullable warning CS8602 'none'", "STD0101", "A")]
    [InlineData("/elsewhere/Shared/Clock.cs", "STD0103", "#pragma warning disable RS0030 silences locked rule RS0030. Fix it", "RS0030", "A")]
    public void A_weakening_is_excepted_by_its_rule_in_the_narrowest_scope(string file, string code, string message, string rule, string scope)
    {
        var weakening = WeakeningExceptions.Of(new BuildDiagnostic(code, true, file, 2, 1, message) { Project = "src/A/A.csproj" });

        Assert.Equal((rule, scope), (weakening!.Rule, weakening.Scope));
    }

    [Theory]
    [InlineData("STD0103", "RunAnalyzers=false turns every analyzer off, so no locked rule runs", "src/A/A.csproj")]
    [InlineData("STD0103", "NoWarn silences locked rule RS0030", "")]
    [InlineData("CA1305", "The behavior of 'int.ToString()' could vary; locked rule RS0030", "src/A/A.csproj")]
    public void What_no_exception_can_express_is_not_a_weakening_adopt_excepts(string code, string message, string project)
    {
        Assert.Null(WeakeningExceptions.Of(new BuildDiagnostic(code, true, "src/A/A.csproj", 3, 5, message) { Project = project }));
    }

    [Fact]
    public void A_weakening_already_excepted_by_rule_and_scope_is_not_new_and_one_in_another_file_is()
    {
        const string Policy = "{\n  \"exceptions\": [\n    { \"rule\": \"CA5351\", \"scope\": \"src/A/Old.cs\", \"owner\": \"o\", \"reason\": \"r\", \"expires\": \"2027-05-25\" }\n  ]\n}\n";
        BuildDiagnostic Pragma(string file) => new("STD0103", true, file, 3, 1, "#pragma warning disable CA5351 silences locked rule CA5351. Fix it") { Project = "src/A/A.csproj" };

        var fresh = WeakeningExceptions.New(Policy, [Pragma("src/A/Old.cs"), Pragma("src/A/New.cs"), Pragma("src/A/New.cs")]);

        Assert.Equal("src/A/New.cs", Assert.Single(fresh).Scope);
    }

    private static bool IsCs1591(string token) => token.Equals("CS1591", StringComparison.OrdinalIgnoreCase) || token == "1591";
}
