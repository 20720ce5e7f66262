using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Standards.Sdk.Analyzers;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.DocsGenerator;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// Our own projects are built with the policy we ship (docs/contributing.md#our-own-policy): our analyzers, the
/// numbers of our standards.json (the profile's), and its exceptions. These tests fail when the analyzer configs
/// the build reads drift from standards.json, when an exception lacks a field or has expired (as the SDK would
/// report it), when an exception no longer covers a finding, and when a project of ours could escape the wiring.
/// </summary>
public partial class OwnPolicyTests
{
    public static TheoryData<string> GeneratedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in OwnPolicyWriter.Files)
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void The_analyzer_config_our_build_reads_is_written_from_our_standards_json(string relativePath)
    {
        var path = Path.Combine(RepoRoot.Path, relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing; run eng/update-generated.sh");
        var expected = OwnPolicyWriter.Files.Single(f => f.Path == relativePath).Write(RepoRoot.Path);
        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(actual == expected, $"{relativePath} is out of date with standards.json; run eng/update-generated.sh and commit the result.");
    }

    /// <summary>Read by the SDK's own loader: a missing reason, owner or expiry, or an expired entry, is a finding.</summary>
    [Fact]
    public void Our_standards_json_has_nothing_the_sdk_would_report()
    {
        var path = Path.Combine(RepoRoot.Path, OwnPolicyWriter.PolicyFile);
        var result = PolicyLoader.Load(path, File.ReadAllText(path), OwnPolicyWriter.Today);
        Assert.Empty(result.Findings.Select(f => $"{f.Code} line {f.Line}: {f.Message}"));
    }

    /// <summary>
    /// An exception says why its finding stays, in words that stay true until it expires: not work said to be under way
    /// elsewhere (a branch, an issue number), which is stale the day that work lands; and it comes up for review
    /// within a year.
    /// </summary>
    [Fact]
    public void Every_exception_has_a_reason_that_stays_true_and_expires_within_a_year()
    {
        var today = OwnPolicyWriter.Today;
        var problems = new List<string>();
        foreach (var exception in OwnPolicyWriter.LoadPolicy(RepoRoot.Path).Exceptions)
        {
            var where = $"standards.json line {exception.Line} ({exception.Rule} on {exception.Scope})";
            problems.AddRange(StaleReason().Matches(exception.Reason).Select(m => $"{where}: the reason speaks of '{m.Value}'; say why the finding stays instead"));
            if (exception.Expires > today.AddYears(1))
            {
                problems.Add($"{where}: expires {exception.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, more than a year ahead; review it within a year");
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>We build with the profile's numbers, the ones every consumer gets by default; a change is a decision for this test to name.</summary>
    [Fact]
    public void Our_numbers_are_the_profiles_defaults()
    {
        var policy = OwnPolicyWriter.LoadPolicy(RepoRoot.Path);
        Assert.Equal("default", policy.Profile);
        Assert.Empty(policy.Rules.Keys);
        Assert.Empty(policy.ExternalRules.Keys);
    }

    /// <summary>
    /// An exception stays only while it waives something: the analyzers run over the files it covers with our numbers,
    /// and must report its rule there at least once. Only our analyzers' rules can be checked this way, so only they
    /// may be excepted (other analyzers' diagnostics are fixed or suppressed in the source with a justification), but
    /// for <see cref="ComplexityRule"/>, which the .NET analyzers compute (<see cref="Every_complexity_exception_names_methods_its_file_declares"/>).
    /// </summary>
    [Fact]
    public void Every_exception_still_waives_a_finding()
    {
        var analyzers = OurAnalyzers();
        var ours = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var options = new GlobalConfigOptions(GlobalOptions(File.ReadAllText(Path.Combine(RepoRoot.Path, "eng", "own-policy", "Standards.globalconfig"))));
        var problems = new List<string>();
        foreach (var (exception, files) in OwnPolicyWriter.Coverage(RepoRoot.Path))
        {
            var where = $"standards.json line {exception.Line} ({exception.Rule} on {exception.Scope})";
            if (exception.Rule == ComplexityRule)
            {
                continue;
            }

            if (!ours.Contains(exception.Rule))
            {
                problems.Add($"{where}: not a rule of our analyzers, so no test can tell when it is no longer needed");
            }
            else if (files.Count == 0)
            {
                problems.Add($"{where}: covers no file of ours; remove it");
            }
            else if (!Analyze(files, analyzers, options).Any(d => d.Id == exception.Rule))
            {
                problems.Add($"{where}: {exception.Rule} is no longer reported in {string.Join(", ", files)}; remove the exception");
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>
    /// A complexity exception (CA1502) covers one file and names, in its reason, each method above the limit with its
    /// complexity ("Parse (complexity 17)", "and AnalyzersTakenAway (17)"). The .NET analyzers that compute it cannot
    /// run in this test (they need a newer compiler than the one our analyzers build against), so this is the check
    /// that an entry still points at code: a method renamed, moved or split away fails here, and the entry goes.
    /// </summary>
    [Fact]
    public void Every_complexity_exception_names_methods_its_file_declares()
    {
        var problems = new List<string>();
        // The policy was read (it has entries), whether or not one of them is a complexity exception today.
        var all = OwnPolicyWriter.LoadPolicy(RepoRoot.Path).Exceptions;
        Assert.NotEmpty(all);
        foreach (var exception in all.Where(e => e.Rule == ComplexityRule))
        {
            var where = $"standards.json line {exception.Line} ({exception.Rule} on {exception.Scope})";
            var file = Path.Combine(RepoRoot.Path, exception.Scope);
            var methods = ComplexityNamed().Matches(exception.Reason).Select(m => m.Groups["method"].Value).ToList();
            if (!File.Exists(file))
            {
                problems.Add($"{where}: the scope is not one file of ours");
            }
            else if (methods.Count == 0)
            {
                problems.Add($"{where}: the reason names no method with its complexity, as in 'Parse (complexity 17)'");
            }
            else
            {
                var text = File.ReadAllText(file);
                problems.AddRange(methods.Where(m => !Regex.IsMatch(text, $@"\b{m}(<[^>]*>)?\(", RegexOptions.None, TimeSpan.FromSeconds(1)))
                    .Select(m => $"{where}: {m} is no longer declared there; remove it from the entry (or the entry)"));
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>
    /// The wiring is in the root Directory.Build.props (eng/own-policy/OwnPolicy.props), which MSBuild imports only
    /// when no Directory.Build.props lies between a project and the root; and the projects it skips are the ones the
    /// writer skips.
    /// </summary>
    [Fact]
    public void Every_project_of_ours_is_reached_by_the_wiring()
    {
        var props = File.ReadAllText(Path.Combine(RepoRoot.Path, "eng", "own-policy", "OwnPolicy.props"));
        Assert.Contains("<Import Project=\"eng/own-policy/OwnPolicy.props\" />", File.ReadAllText(Path.Combine(RepoRoot.Path, "Directory.Build.props")), StringComparison.Ordinal);
        Assert.Equal(OwnPolicyWriter.NotAnalyzed.Order(StringComparer.Ordinal), SkippedProjects().Matches(props).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal));

        var projects = OwnPolicyWriter.Projects(RepoRoot.Path);
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            for (var folder = project.Folder; folder.Length > 0; folder = Path.GetDirectoryName(folder)?.Replace('\\', '/') ?? string.Empty)
            {
                Assert.False(File.Exists(Path.Combine(RepoRoot.Path, folder, "Directory.Build.props")), $"{folder}/Directory.Build.props would hide the root one from {project.Name}");
            }
        }
    }

    private static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() =>
    [
        .. typeof(MethodLengthAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsSubclassOf(typeof(DiagnosticSuppressor)) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    private static ImmutableArray<Diagnostic> Analyze(IReadOnlyList<string> files, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider options)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(f => Path.Combine(RepoRoot.Path, f))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path, Encoding.UTF8));
        var compilation = CSharpCompilation.Create("OwnPolicy", trees, [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.WithAnalyzers(analyzers, new AnalyzerOptions([], options)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    /// <summary>The options before the first section of a global analyzer config (what applies to every file).</summary>
    private static Dictionary<string, string> GlobalOptions(string globalConfig)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in globalConfig.Split('\n').Select(l => l.Trim()).TakeWhile(l => !l.StartsWith('[')))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !line.StartsWith('#'))
            {
                options[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return options;
    }

    [GeneratedRegex(@"'\$\(MSBuildProjectName\)' != '(?<name>[^']+)'")]
    private static partial Regex SkippedProjects();

    /// <summary>Words that tie a reason to how work was organised rather than to the code: stale once that work lands.</summary>
    [GeneratedRegex(@"another branch|this branch|\bissue [0-9]+|\bsession\b", RegexOptions.IgnoreCase)]
    private static partial Regex StaleReason();

    /// <summary>A method named in a complexity exception's reason: "Parse (complexity 17)" or "and Merge (21)".</summary>
    [GeneratedRegex(@"\b(?<method>[A-Z][A-Za-z0-9]*) \((?:complexity )?[0-9]+[,)]")]
    private static partial Regex ComplexityNamed();

    /// <summary>The one rule of another analyzer our standards.json may except (the profile's complexity limit).</summary>
    private const string ComplexityRule = "CA1502";

    /// <summary>The same options for every file, as a global config gives them.</summary>
    private sealed class GlobalConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
