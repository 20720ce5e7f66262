using Microsoft.CodeAnalysis;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.ProjectPolicy;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// Which config line wins for a locked rule, judged by <see cref="AnalyzerConfigPrecedence"/>, compared with what
/// Roslyn's own AnalyzerConfigSet (the compiler's code) decides, over hundreds of generated repos (thousands of file verdicts): global configs
/// at every level and place (a .globalconfig above the repo root included), nested .editorconfig files with and
/// without root = true, and section globs with every construct (*, **, ?, [..], {a,b}, {1..3}). Whenever the
/// compiler ends up below warning for a file, the check must report it; whenever it does not, the check must not.
/// </summary>
public sealed class AnalyzerConfigPrecedenceTests
{
    private const string Ours = "/r/obj/Debug/net10.0/standards/Standards.globalconfig";

    private static readonly string[] Files = ["/r/src/a/x.cs", "/r/src/b/y.cs", "/r/a.cs", "/r/src/a/2.cs", "/r/src/b/x1.cs", "/r/src/a/b/deep.cs"];

    private static readonly string[] Globs =
        ["*.cs", "**.cs", "*", "src/**", "/src/a/*.cs", "{a,b}/*.cs", "[xy]*.cs", "x?.cs", "**/{x,y}.cs", "*.{cs,vb}", "{1..3}.cs", "src/*/x.cs", "[!a]*.cs", "a.cs", "b/**"];

    private static readonly string[] Values = ["none", "silent", "suggestion", "warning", "error", "default", "bogus"];

    private static readonly string[] EditorConfigFolders = ["/", "/r/", "/r/src/", "/r/src/a/"];

    private static readonly string[] GlobalPlaces = ["/.globalconfig", "/r/.globalconfig", "/r/src/.globalconfig", "/r/eng/shared.globalconfig", "/opt/other/x.config"];

    [Fact]
    public void Locked_rule_weakening_agrees_with_the_compiler_on_generated_configs()
    {
        var random = new Random(7101);
        var weakened = 0;
        for (var i = 0; i < 250; i++)
        {
            var configs = RandomConfigs(random);
            var documents = configs.Select(c => AnalyzerConfigDocument.Parse(c.Path, c.Text)).ToList();
            var set = AnalyzerConfigSet.Create<List<AnalyzerConfig>>([.. configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)), .. OurConfigs("RS0030", documents)], out _);
            var precedence = new AnalyzerConfigPrecedence(documents);
            foreach (var file in Files)
            {
                var compiler = EffectiveRank(set, file, "RS0030");
                var reported = precedence.Weakening("RS0030", [file], Severity.Error, Severity.Error).Count > 0;
                Assert.True(compiler < 3 == reported,
                    $"{file}: the compiler gives rank {compiler}, the check {(reported ? "reports" : "does not report")} it\n" + string.Join("\n", configs.Select(c => $"--- {c.Path}\n{c.Text}")));
                weakened += reported ? 1 : 0;
            }
        }

        // The generator must produce both outcomes, or the comparison proves nothing.
        Assert.InRange(weakened, 100, 1400);
    }

    [Fact]
    public void Nullable_warning_weakening_agrees_with_the_compiler_on_generated_configs()
    {
        var random = new Random(7102);
        var weakened = 0;
        for (var i = 0; i < 150; i++)
        {
            var configs = RandomConfigs(random, "CS8602");
            var set = AnalyzerConfigSet.Create(configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToList(), out _);
            var precedence = new AnalyzerConfigPrecedence(configs.Select(c => AnalyzerConfigDocument.Parse(c.Path, c.Text)));
            foreach (var file in Files)
            {
                // Nothing set by a config: the command line (/warnaserror:nullable) keeps it an error.
                var compiler = EffectiveRank(set, file, "CS8602", unset: 4);
                var reported = precedence.Weakening("CS8602", [file], null, Severity.Error).Count > 0;
                Assert.True(compiler < 3 == reported, $"{file}: compiler rank {compiler}, reported {reported}\n" + string.Join("\n", configs.Select(c => $"--- {c.Path}\n{c.Text}")));
                weakened += reported ? 1 : 0;
            }
        }

        Assert.InRange(weakened, 40, 860);
    }

    /// <summary>
    /// A repo's own global config at the policy config's level: the compiler cancels every key both set (and warns),
    /// so the locked rules fell to their defaults. Ours now takes a free level below and the locked config one above:
    /// the locked rule stays an error, the repo's setting of a rule the policy does not lock applies, no key ties.
    /// </summary>
    [Fact]
    public void A_repo_global_config_at_our_level_keeps_its_settings_and_the_locked_rule_stays_an_error()
    {
        const string Theirs = "is_global = true\nglobal_level = -1\ndotnet_diagnostic.RS0030.severity = none\ndotnet_diagnostic.CA1822.severity = none\n";
        var documents = new[] { AnalyzerConfigDocument.Parse("/r/eng/analyzers.globalconfig", Theirs) };
        var ours = OurConfigs("RS0030", documents);
        var main = AnalyzerConfig.Parse($"is_global = true\nglobal_level = {AnalyzerConfigWriter.LevelFor([-1])}\ndotnet_diagnostic.RS0030.severity = error\ndotnet_diagnostic.CA1822.severity = warning\n", Ours);
        var set = AnalyzerConfigSet.Create<List<AnalyzerConfig>>([AnalyzerConfig.Parse(Theirs, "/r/eng/analyzers.globalconfig"), main, ours[1]], out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(4, EffectiveRank(set, "/r/src/a/x.cs", "RS0030"));
        Assert.Equal(0, EffectiveRank(set, "/r/src/a/x.cs", "CA1822"));
        Assert.Empty(new AnalyzerConfigPrecedence(documents).Weakening("RS0030", Files, Severity.Error, Severity.Error));
        Assert.Equal(-2, AnalyzerConfigWriter.LevelFor([-1, 0, 100]));
        Assert.Equal(AnalyzerConfigWriter.LockedGlobalLevel + 1, AnalyzerConfigWriter.LockedLevelFor([AnalyzerConfigWriter.LockedGlobalLevel]));
    }

    /// <summary>An .editorconfig section still wins over every global config: that is a real weakening, and it is reported.</summary>
    [Fact]
    public void An_editorconfig_section_that_lowers_a_locked_rule_is_still_reported()
    {
        var documents = new[] { AnalyzerConfigDocument.Parse("/r/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.RS0030.severity = none\n") };
        var set = AnalyzerConfigSet.Create<List<AnalyzerConfig>>([AnalyzerConfig.Parse("root = true\n\n[*.cs]\ndotnet_diagnostic.RS0030.severity = none\n", "/r/.editorconfig"), .. OurConfigs("RS0030", documents)], out _);

        Assert.Equal(0, EffectiveRank(set, "/r/a.cs", "RS0030"));
        Assert.NotEmpty(new AnalyzerConfigPrecedence(documents).Weakening("RS0030", ["/r/a.cs"], Severity.Error, Severity.Error));
    }

    [Fact]
    public void The_line_reported_is_the_one_that_wins()
    {
        var configs = new[]
        {
            ("/.globalconfig", "is_global = true\ndotnet_diagnostic.RS0030.severity = none\n"),
            ("/r/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.RS0030.severity = suggestion\n\n[src/a/**]\ndotnet_diagnostic.RS0030.severity = error\n"),
        }.Select(c => AnalyzerConfigDocument.Parse(c.Item1, c.Item2));
        var result = new AnalyzerConfigPrecedence(configs).Weakening("RS0030", Files, Severity.Error, Severity.Error);
        var entry = Assert.Single(result);
        Assert.Equal(("/r/.editorconfig", 4), (entry.Config.Path, entry.Entry.Line));
        Assert.Equal(["/r/src/b/y.cs", "/r/a.cs", "/r/src/b/x1.cs"], entry.Files);
    }

    /// <summary>The policy config and the locked config, at the levels Standards.Sdk picks among the repo's global configs.</summary>
    private static AnalyzerConfig[] OurConfigs(string id, IEnumerable<AnalyzerConfigDocument> theirs)
    {
        var taken = theirs.Where(d => d.IsGlobal).Select(d => d.GlobalLevel).ToList();
        return
        [
            AnalyzerConfig.Parse($"is_global = true\nglobal_level = {AnalyzerConfigWriter.LevelFor(taken)}\ndotnet_diagnostic.{id}.severity = error\n", Ours),
            AnalyzerConfig.Parse($"is_global = true\nglobal_level = {AnalyzerConfigWriter.LockedLevelFor(taken)}\ndotnet_diagnostic.{id}.severity = error\n", Ours.Replace("Standards.globalconfig", "Standards.locked.globalconfig", StringComparison.Ordinal)),
        ];
    }

    /// <summary>-1 unset/default, 0 none, 1 hidden, 2 info, 3 warning, 4 error: the tree option wins over the global one.</summary>
    private static int EffectiveRank(AnalyzerConfigSet set, string file, string id, int unset = -1)
    {
        var tree = set.GetOptionsForSourcePath(file).TreeOptions;
        if (!tree.TryGetValue(id, out var severity) && !set.GlobalConfigOptions.TreeOptions.TryGetValue(id, out severity))
        {
            return unset;
        }

        return severity switch
        {
            ReportDiagnostic.Error => 4,
            ReportDiagnostic.Warn => 3,
            ReportDiagnostic.Info => 2,
            ReportDiagnostic.Hidden => 1,
            ReportDiagnostic.Suppress => 0,
            _ => -1,
        };
    }

    private static List<(string Path, string Text)> RandomConfigs(Random random, string id = "RS0030")
    {
        var configs = new List<(string Path, string Text)>();
        foreach (var folder in EditorConfigFolders.Where(_ => random.Next(3) > 0))
        {
            var text = random.Next(4) == 0 ? "root = true\n" : string.Empty;
            if (random.Next(6) == 0)
            {
                // An entry before any section applies to nothing in an .editorconfig.
                text += $"dotnet_diagnostic.{id}.severity = none\n";
            }

            for (var s = random.Next(0, 4); s > 0; s--)
            {
                text += $"\n[{Globs[random.Next(Globs.Length)]}]\ndotnet_diagnostic.{id}.severity = {Values[random.Next(Values.Length)]}\n";
            }

            configs.Add((folder + ".editorconfig", text));
        }

        foreach (var place in GlobalPlaces.Where(_ => random.Next(3) == 0))
        {
            var text = "is_global = true\n";
            var level = random.Next(6);
            if (level < 5)
            {
                text += $"global_level = {new[] { -5, -1, 0, 50, 100 }[level]}\n";
            }

            if (random.Next(4) > 0)
            {
                text += $"dotnet_diagnostic.{id}.severity = {Values[random.Next(Values.Length)]}\n";
            }

            if (random.Next(4) == 0)
            {
                text += $"\n[{Files[random.Next(Files.Length)]}]\ndotnet_diagnostic.{id}.severity = {Values[random.Next(Values.Length)]}\n";
            }

            configs.Add((place, text));
        }

        return configs;
    }
}
