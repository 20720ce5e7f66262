using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Standards.Tool.Tests;

/// <summary>
/// docs/threat-model.md names, on each line, the tests that prove it (<c>(test: `Class.Method`, ...)</c>, or
/// <c>(test: TBD)</c> while a test is to come). A line must not name a test that is not there: every name is looked up
/// by reflection, in this assembly and in the metadata of the repo's other unit test assemblies as built beside it
/// (same configuration), as a method carrying [Fact] or [Theory] on a class of that name.
/// </summary>
public sealed partial class ThreatModelTests
{
    /// <summary>The test projects whose tests the threat model may name: the fast tier, built together.</summary>
    private static readonly string[] TestProjects = ["Standards.Tool.Tests", "Standards.Sdk.Checks.Tests", "Standards.Sdk.Analyzers.Tests"];

    [Fact]
    public void Every_test_the_threat_model_names_exists()
    {
        var root = RepoRoot();
        var references = References(root);
        Assert.True(references.Count >= 30, $"docs/threat-model.md names {references.Count} tests; the (test: `Class.Method`) form is no longer found");

        var (tests, missingAssemblies) = TestMethods(root);
        var missing = references.Where(r => !tests.Contains(r.Name)).Select(r => $"docs/threat-model.md({r.Line}): {r.Name}").ToList();
        var hint = missingAssemblies.Count == 0 ? string.Empty : $"\n(not built, so not searched: {string.Join(", ", missingAssemblies)}; build them)";
        Assert.True(missing.Count == 0, "The threat model names tests that do not exist:\n" + string.Join("\n", missing) + hint);
    }

    [Fact]
    public void Every_guarantee_names_its_tests_or_says_they_are_to_come()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "threat-model.md"));
        var bullets = lines.Select((text, i) => (Text: text, Line: i + 1)).Where(l => l.Text.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bullets);
        Assert.All(bullets, b => Assert.True(TestList().IsMatch(b.Text), $"docs/threat-model.md({b.Line}) names no test and no (test: TBD): {b.Text}"));
    }

    /// <summary>Each `Class.Method` inside a (test: ...) list, with its line.</summary>
    private static List<(int Line, string Name)> References(string root) =>
        File.ReadAllLines(Path.Combine(root, "docs", "threat-model.md"))
            .SelectMany((text, i) => TestList().Matches(text)
                .SelectMany(list => TestName().Matches(list.Groups["names"].Value))
                .Select(name => (Line: i + 1, Name: name.Groups["name"].Value)))
            .ToList();

    /// <summary>Every test method as Class.Method: this assembly by reflection, the others from their metadata.</summary>
    private static (HashSet<string> Tests, List<string> NotBuilt) TestMethods(string root)
    {
        var tests = typeof(ThreatModelTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0).Select(m => $"{type.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var notBuilt = new List<string>();
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        foreach (var project in TestProjects.Where(p => p != typeof(ThreatModelTests).Assembly.GetName().Name))
        {
            // Built beside this one: tests/<project>/bin/<configuration>/<framework>/<project>.dll.
            var assembly = Path.Combine(root, "tests", project, "bin", here.Parent!.Name, here.Name, project + ".dll");
            if (File.Exists(assembly))
            {
                tests.UnionWith(MetadataTests(assembly));
            }
            else
            {
                notBuilt.Add(project);
            }
        }

        return (tests, notBuilt);
    }

    /// <summary>Class.Method of each method of <paramref name="path"/> with an attribute named FactAttribute or TheoryAttribute.</summary>
    private static List<string> MetadataTests(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var result = new List<string>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.GetCustomAttributes().Any(a => AttributeName(metadata, metadata.GetCustomAttribute(a)) is "FactAttribute" or "TheoryAttribute"))
                {
                    result.Add($"{metadata.GetString(type.Name)}.{metadata.GetString(method.Name)}");
                }
            }
        }

        return result;
    }

    private static string? AttributeName(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return null;
        }

        var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        return parent.Kind == HandleKind.TypeReference ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) : null;
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
}
