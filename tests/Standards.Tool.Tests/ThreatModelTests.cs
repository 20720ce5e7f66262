using System.Text.RegularExpressions;

namespace Standards.Tool.Tests;

/// <summary>
/// docs/threat-model.md names, on each line, the tests that prove it (<c>(test: `Class.Method`, ...)</c>). Every
/// guarantee must name at least one test, and every name must be a test: a method carrying [Fact] or [Theory] in a
/// class of that name, found in the C# sources under tests/. The sources rather than the built assemblies: the other
/// test projects are not built with this one (an assembly left from an earlier build would still hold a test that was
/// renamed or removed since), and a test merged into the tree is found without building its project.
/// </summary>
public sealed partial class ThreatModelTests
{
    [Fact]
    public void Every_test_the_threat_model_names_exists()
    {
        var root = RepoRoot();
        var references = References(root);
        Assert.True(references.Count >= 30, $"docs/threat-model.md names {references.Count} tests; the (test: `Class.Method`) form is no longer found");

        var tests = SourceTests(root);
        var missing = references.Where(r => !tests.Contains(r.Name)).Select(r => $"docs/threat-model.md({r.Line}): {r.Name}").ToList();
        Assert.True(missing.Count == 0, "The threat model names tests that no test class under tests/ declares:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_guarantee_names_its_tests()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "threat-model.md"));
        var bullets = lines.Select((text, i) => (Text: text, Line: i + 1)).Where(l => l.Text.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bullets);
        Assert.All(bullets, b =>
        {
            var lists = TestList().Matches(b.Text);
            Assert.True(lists.Count > 0, $"docs/threat-model.md({b.Line}) names no test: {b.Text}");
            Assert.All(lists, list =>
            {
                var names = list.Groups["names"].Value;
                Assert.True(TestName().IsMatch(names), $"docs/threat-model.md({b.Line}) names no test in ({list.Value}): name one as `Class.Method`");
                Assert.DoesNotContain("TBD", names, StringComparison.Ordinal);
            });
        });
    }

    /// <summary>The source scan is what the other two tests rely on: it must find every test of this assembly, each in its own class.</summary>
    [Fact]
    public void The_source_scan_finds_every_test_of_this_assembly()
    {
        var reflected = typeof(ThreatModelTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods()
                .Where(m => m.DeclaringType == type && m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0)
                .Select(m => $"{type.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(reflected.Count > 100, $"only {reflected.Count} tests found by reflection");

        var scanned = SourceTests(RepoRoot());
        var missed = reflected.Where(t => !scanned.Contains(t)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missed.Count == 0, "The source scan misses tests of this assembly:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void A_test_is_found_in_its_own_class_and_not_in_a_nested_one_or_a_string()
    {
        const string Source = """
            namespace N;

            public sealed partial class Outer
            {
                private sealed class Helper
                {
                    public void Run() { }
                }

                [Theory]
                [InlineData("[Fact]")]
                public async Task First_test(string text) => await Task.CompletedTask;

                [Fact]
                public void Second_test()
                {
                    var code = @"
                        public class Inner
                        {
                            [Fact]
                            public void Not_a_test_of_Outer() { }
                        }";
                }

                private void Helper_method() { }
            }
            """;

        var tests = ScanSource(Source).ToList();

        Assert.Contains("Outer.First_test", tests);
        Assert.Contains("Outer.Second_test", tests);
        Assert.DoesNotContain("Outer.Not_a_test_of_Outer", tests);
        Assert.DoesNotContain("Helper.Run", tests);
        Assert.DoesNotContain(tests, t => t.EndsWith(".Helper_method", StringComparison.Ordinal));
    }

    /// <summary>Each `Class.Method` inside a (test: ...) list, with its line.</summary>
    private static List<(int Line, string Name)> References(string root) =>
        File.ReadAllLines(Path.Combine(root, "docs", "threat-model.md"))
            .SelectMany((text, i) => TestList().Matches(text)
                .SelectMany(list => TestName().Matches(list.Groups["names"].Value))
                .Select(name => (Line: i + 1, Name: name.Groups["name"].Value)))
            .ToList();

    /// <summary>Every test method declared in the C# sources under tests/ (build output left out), as Class.Method.</summary>
    private static HashSet<string> SourceTests(string root)
    {
        var tests = new HashSet<string>(StringComparer.Ordinal);
        var folder = Path.Combine(root, "tests");
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var segments = Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (!segments.Any(s => s is "bin" or "obj"))
            {
                tests.UnionWith(ScanSource(File.ReadAllText(file)));
            }
        }

        return tests;
    }

    /// <summary>
    /// The tests of one source file, line by line: a [Fact] or [Theory] line makes the next method declaration a test,
    /// of the nearest class declared before it at a smaller indentation. Indentation is what tells the class a method
    /// belongs to: a nested class (indented as deep as the methods around it) or code inside a string (deeper still)
    /// is never taken for the class of the test that follows it.
    /// </summary>
    private static IEnumerable<string> ScanSource(string text)
    {
        var classes = new List<(int Indent, string Name)>();
        var pending = false;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (ClassDeclaration().Match(line) is { Success: true } declared)
            {
                classes.Add((declared.Groups["indent"].Length, declared.Groups["name"].Value));
                pending = false;
            }
            else if (TestAttribute().IsMatch(line))
            {
                pending = true;
            }
            else if (pending && MethodDeclaration().Match(line) is { Success: true } method)
            {
                pending = false;
                var indent = method.Groups["indent"].Length;
                var owner = classes.LastOrDefault(c => c.Indent < indent);
                if (owner.Name is not null)
                {
                    yield return $"{owner.Name}.{method.Groups["name"].Value}";
                }
            }
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Standards.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Standards.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\(tests?: (?<names>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex TestList();

    [GeneratedRegex(@"`(?<name>[A-Za-z_]\w*\.[A-Za-z_]\w*)`", RegexOptions.CultureInvariant)]
    private static partial Regex TestName();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:(?:public|internal|private|protected|sealed|static|abstract|partial|file|unsafe|readonly)\s+)*(?:class|struct|record(?:\s+class|\s+struct)?)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"^[ \t]*\[(?:Fact|Theory)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^(?<indent>[ \t]*)public\s+(?:static\s+)?(?:async\s+)?(?:void|Task|ValueTask)\s+(?<name>[A-Za-z_]\w*)\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex MethodDeclaration();
}
