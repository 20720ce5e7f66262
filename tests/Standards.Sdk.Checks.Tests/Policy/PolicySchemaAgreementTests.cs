using System.Text.Json;
using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Tests.Catalog;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// An editor validates standards.json with the shipped schema (sdk/schema/standards.schema.json) and the build reads
/// it with the section readers: for every key every section reader declares, and values of every kind at and around
/// its limits, both give the same verdict. The schema is generated from the readers' declarations; this is the
/// proof that the generation is faithful, against the readers themselves and the file an editor is given.
/// </summary>
public sealed class PolicySchemaAgreementTests
{
    private const string FileName = "standards.json";

    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly JsonSchemaValidator Schema = LoadSchema();

    /// <summary>The sections and their shapes, with the path at which the shape's object sits.</summary>
    private static readonly (string[] Path, JsonShape Shape)[] Sections =
    [
        (["coverage"], CoverageSettings.Shape),
        (["budgets"], BudgetSettings.Shape),
        (["layout"], LayoutSettings.Shape),
        (["release"], ReleaseSettings.Shape),
        (["release", "sbom"], ReleaseSettings.Shape.Keys.Single(k => k.Name == "sbom").Fields!),
        (["release", "signing"], ReleaseSettings.Shape.Keys.Single(k => k.Name == "signing").Fields!),
        (["dependencies"], LicensePolicy.SectionShape),
        (["dependencies", "licenses"], LicensePolicy.SectionShape.Keys.Single().Fields!),
    ];

    /// <summary>Values of every JSON kind, numbers at and around the limits the readers declare.</summary>
    private static readonly string[] Values =
    [
        "-1", "0", "0.5", "1", "50", "99.9", "100", "100.5", "150", "1000", "1001", "1e3",
        "\"\"", "\" \"", "\"x\"", "\"250 ns\"", "\"1.5 us\"", "\"64 KiB\"", "\"2 MB\"", "\"test\"", "\"tests/\"", "\"a/b\"", "\".\"", "\"..\"", "\" test \"",
        "true", "false", "null", "[]", "[\"vendor\"]", "[\"\"]", "[\" \"]", "[1]", "{}", "{ \"Acme\": \"MIT\" }", "{ \"Acme\": 1 }",
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, shape) in Sections)
        {
            // "$comment": every reader accepts it beside its declared keys.
            foreach (var (name, allowed) in shape.Keys.Select(k => (k.Name, k.Allowed ?? [])).Append(("$comment", [])))
            {
                foreach (var value in Values.Concat(allowed.Select(a => JsonSerializer.Serialize(a))))
                {
                    data.Add(string.Join('.', path), name, value);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_schema_accepts_a_setting_exactly_when_the_build_does(string section, string key, string value)
    {
        AssertAgree(Document(section.Split('.'), key, value));
    }

    private static void AssertAgree(string json)
    {
        var schemaErrors = Validate(json);
        var buildFindings = Read(json);

        Assert.True(
            schemaErrors.Count == 0 == (buildFindings.Count == 0),
            $"{json}\nschema: {(schemaErrors.Count == 0 ? "valid" : string.Join("; ", schemaErrors))}\nbuild: {(buildFindings.Count == 0 ? "valid" : string.Join("; ", buildFindings.Select(f => $"{f.Code} {f.Message}")))}");
    }

    /// <summary>The top level's own settings (the sections, rules and exceptions have their own cases) and $comment.</summary>
    public static TheoryData<string, string> TopLevelCases()
    {
        var data = new TheoryData<string, string>();
        var keys = PolicyLoader.Root.Keys.Where(k => k.Type is JsonType.Text).Select(k => k.Name).Append("$comment");
        foreach (var key in keys)
        {
            foreach (var value in Values.Concat(PolicyLoader.Root.Keys.SelectMany(k => k.Allowed ?? []).Select(a => JsonSerializer.Serialize(a))))
            {
                data.Add(key, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TopLevelCases))]
    public void The_schema_accepts_a_top_level_setting_exactly_when_the_build_does(string key, string value) =>
        AssertAgree(Document([], key, value));

    /// <summary>Each key of an exception entry with each value, the other keys valid.</summary>
    public static TheoryData<string, string> ExceptionCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in PolicyLoader.ExceptionShape.Keys)
        {
            foreach (var value in Values.Concat(["\"STD1001\"", "\"CA1502\"", "\"STD9999\"", "\"2027-03-31\"", "\"2027-3-31\"", "\"31.03.2027\""]))
            {
                data.Add(key.Name, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExceptionCases))]
    public void The_schema_accepts_an_exception_entry_exactly_when_the_build_does(string key, string value)
    {
        var entry = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rule"] = "\"STD1001\"", ["scope"] = "\"src/Legacy\"", ["owner"] = "\"@team\"", ["reason"] = "\"Vendored\"", ["expires"] = "\"2027-03-31\"",
        };
        entry[key] = value;
        AssertAgree($"{{ \"exceptions\": [ {{ {string.Join(", ", entry.Select(e => $"{JsonSerializer.Serialize(e.Key)}: {e.Value}"))} }} ] }}");
    }

    /// <summary>A rule's severity and parameters, a diagnostic id that is not ours, and a rule given as a value alone.</summary>
    public static TheoryData<string> RuleCases()
    {
        // Every spelling the loader takes, as written, upper case and with white space around; then numbers at the limits.
        var severities = SeverityNames.Spellings.Select(s => s.Key).SelectMany(s => new[] { s, s.ToUpperInvariant(), " " + s + " " }).Select(s => JsonSerializer.Serialize(s));
        var values = Values.Concat(severities).Concat(["3000000000", "2147483647", "2.0", "[\"Core\", \"\"]"]).ToList();
        var data = new TheoryData<string>();
        foreach (var value in values)
        {
            data.Add("{ \"STD3004\": { \"minOwners\": " + value + " } }");
            data.Add("{ \"STD1007\": { \"names\": " + value + " } }");
            data.Add("{ \"STD1001\": { \"severity\": " + value + " } }");
            data.Add("{ \"STD1001\": { \"testSeverity\": " + value + " } }");
            data.Add("{ \"STD1001\": " + value + " }");
            data.Add("{ \"CA1502\": " + value + " }");
            data.Add("{ \"CA1502\": { \"severity\": " + value + " } }");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void The_schema_accepts_a_rule_setting_exactly_when_the_build_does(string rules) =>
        AssertAgree("{ \"rules\": " + rules + " }");

    [Fact]
    public void A_coverage_minimum_over_100_is_rejected_by_the_editor_as_by_the_build()
    {
        const string Json = """{ "coverage": { "line": 150 } }""";

        Assert.NotEmpty(Validate(Json));
        var finding = Assert.Single(Read(Json));
        Assert.Equal("STD0002", finding.Code);
    }

    /// <summary>The shape's key with the value, inside the objects of its path.</summary>
    private static string Document(string[] path, string key, string value) =>
        path.Reverse().Aggregate($"{{ {JsonSerializer.Serialize(key)}: {value} }}", (inner, name) => $"{{ {JsonSerializer.Serialize(name)}: {inner} }}");

    private static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Validate(document.RootElement);
    }

    /// <summary>The loader and every section reader, as the build runs them: the findings about the file.</summary>
    private static List<Finding> Read(string json) => PolicyReaders.ReadAll(FileName, json, Today).Findings;

    private static JsonSchemaValidator LoadSchema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "sdk", "schema", "standards.schema.json")));
        return new JsonSchemaValidator(schema.RootElement.Clone());
    }
}
