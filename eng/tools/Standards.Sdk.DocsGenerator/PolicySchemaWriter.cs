using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Produces the JSON schema of standards.json from the rule catalog, so editors complete every rule code and
/// parameter and the schema cannot drift from what the loader accepts. The shipped file
/// (sdk/schema/standards.schema.json) is checked against this output by a test.
/// </summary>
public static class PolicySchemaWriter
{
    /// <summary>Where the schema is published (also its <c>$id</c>).</summary>
    public const string SchemaId = "https://github.com/standards-sdk/standards-sdk/blob/main/sdk/schema/standards.schema.json";

    /// <summary>A diagnostic id that is not Standards.Sdk's (<see cref="DiagnosticIds.IsExternal"/>): letters, then digits, not STD.</summary>
    public const string ExternalIdPattern = "^(?![Ss][Tt][Dd])[A-Za-z]{1,15}[0-9]{1,6}$";

    /// <summary>Descriptions of the sections other checks read; their content is validated by those checks.</summary>
    private static readonly Dictionary<string, string> SectionDescriptions = new(StringComparer.Ordinal)
    {
        ["dependencies"] = "Dependency check settings: licence allow and deny lists (see docs/dependencies.md).",
    };

    /// <summary>The schema of the rule catalog as indented JSON text with a trailing newline.</summary>
    public static string Write() => Write(RuleCatalog.All);

    /// <summary>The schema for <paramref name="rules"/> (a test passes the catalog with a sample rule added).</summary>
    public static string Write(IReadOnlyList<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var severity = new JsonObject { ["enum"] = new JsonArray([.. SeverityNames.Accepted.Select(s => JsonValue.Create(s))]) };
        var properties = TopLevelProperties(rules);
        foreach (var (name, description) in SectionDescriptions)
        {
            properties[name] = new JsonObject { ["description"] = description, ["type"] = "object" };
        }

        properties["layout"] = LayoutSchema();
        properties["coverage"] = CoverageSchema();
        properties["budgets"] = BudgetsSchema();
        properties["release"] = ReleaseSchema();

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = SchemaId,
            ["title"] = "Standards.Sdk policy (standards.json)",
            ["description"] = "Numbers, severities and exceptions for the Standards.Sdk build policy. Generated from the rule catalog; see docs/configuration.md.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["definitions"] = new JsonObject
            {
                ["severity"] = severity,
                ["exception"] = ExceptionSchema(rules),
            },
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return schema.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The top-level settings of standards.json before the feature sections.</summary>
    private static JsonObject TopLevelProperties(IReadOnlyList<RuleDefinition> rules) => new()
    {
        ["$schema"] = new JsonObject { ["type"] = "string" },
        ["profile"] = new JsonObject
        {
            ["description"] = "'strict' selects the stricter defaults the profile names (e.g. CA1502 maxComplexity 10).",
            ["enum"] = new JsonArray("default", "strict"),
            ["default"] = "default",
        },
        ["kind"] = new JsonObject
        {
            ["description"] = "The repo kind; inferred from the executable projects when absent.",
            ["enum"] = new JsonArray(ProjectKinds.Service, ProjectKinds.Worker, ProjectKinds.Library),
        },
        ["helpBaseUrl"] = new JsonObject
        {
            ["description"] = "Base URL of the rule pages that diagnostics link to (e.g. your internal docs site).",
            ["type"] = "string",
            ["default"] = StandardsPolicy.DefaultHelpBaseUrl,
        },
        ["rules"] = RulesSchema(rules),
        ["exceptions"] = new JsonObject
        {
            ["description"] = "Approved, time-limited deviations. An expired entry fails the build (STD0005).",
            ["type"] = "array",
            ["items"] = new JsonObject { ["$ref"] = "#/definitions/exception" },
        },
    };

    /// <summary>The rules section: the catalog's rules by id, and any other diagnostic id with a severity.</summary>
    private static JsonObject RulesSchema(IReadOnlyList<RuleDefinition> rules)
    {
        var ruleSchemas = new JsonObject();
        foreach (var rule in rules)
        {
            ruleSchemas[rule.Id] = RuleSchema(rule);
        }

        return new JsonObject
        {
            ["description"] = "Severity and numbers per rule code. A string sets the severity; an object sets severity, testSeverity and the rule's parameters. Any other diagnostic id (CA, IDE, CS, a third-party analyzer's) takes a severity, or severity and testSeverity.",
            ["type"] = "object",
            ["properties"] = ruleSchemas,
            // A catalog code, or a diagnostic id that is not ours (an unknown STD code is a typo, STD0003).
            ["propertyNames"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["enum"] = new JsonArray([.. rules.Select(r => JsonValue.Create(r.Id))]) },
                    new JsonObject { ["pattern"] = ExternalIdPattern }),
            },
            ["additionalProperties"] = new JsonObject
            {
                ["description"] = "A diagnostic Standards.Sdk does not manage, set as given in the generated analyzer config.",
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["$ref"] = "#/definitions/severity" },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["properties"] = new JsonObject
                        {
                            ["severity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
                            ["testSeverity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
                        },
                    }),
            },
        };
    }

    /// <summary>The layout section (docs/layout.md, Layout.LayoutSettings).</summary>
    private static JsonObject LayoutSchema()
    {
        static JsonObject Strings(string description) => new()
        {
            ["description"] = description,
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
        };

        return new JsonObject
        {
            ["description"] = "Repository check settings: extra required paths, critical projects, the tests folder, excluded folders, projects not on Standards.Sdk (see docs/layout.md).",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["requiredPaths"] = Strings("Files (or folders, with a trailing '/') the repo must have, relative to the root (STD3001)."),
                ["criticalProjects"] = Strings("Projects (name, folder or glob) that need STD3004.minOwners owners and the critical coverage gate."),
                ["testsFolder"] = new JsonObject
                {
                    ["description"] = "The folder at the repo root that holds the test projects. Default: tests, or test when only that exists.",
                    ["type"] = "string",
                    ["pattern"] = "^[^/\\\\*]+/?$",
                },
                ["exclude"] = Strings("Globs of files and folders every repository check leaves out: vendored or generated code (e.g. \"vendor\", \"src/Generated/**\")."),
                ["projectsWithoutStandardsSdk"] = new JsonObject
                {
                    ["description"] = "ignore: projects not on Standards.Sdk are neither checked nor counted for the repo kind; check: they are checked like the others.",
                    ["enum"] = new JsonArray("ignore", "check"),
                    ["default"] = "ignore",
                },
            },
        };
    }

    /// <summary>The release section (docs/release.md): SBOM format and signing policy.</summary>
    private static JsonObject ReleaseSchema()
    {
        JsonObject Requirement(string description) => new()
        {
            ["description"] = description,
            ["enum"] = new JsonArray([.. ReleaseSettings.RequirementWords.Select(w => JsonValue.Create(w))]),
            ["default"] = "ifAvailable",
        };

        return new JsonObject
        {
            ["description"] = "Release settings: the SBOM written on pack and publish, and the signing policy (see docs/release.md). MSBuild properties override them per build.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["sbom"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["format"] = new JsonObject
                        {
                            ["description"] = "SPDX 2.3 JSON, CycloneDX 1.6 JSON, or both (StandardsSbomFormat overrides it).",
                            ["enum"] = new JsonArray([.. ReleaseSettings.FormatWords.Select(w => JsonValue.Create(w))]),
                            ["default"] = "spdx",
                        },
                        ["enabled"] = new JsonObject { ["description"] = "false: no SBOM on pack and publish (StandardsSbom overrides it).", ["type"] = "boolean", ["default"] = true },
                    },
                },
                ["signing"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["strongName"] = Requirement("Strong-name signing of libraries: ifAvailable (when the repo has a key), required (a shipped library without a signature fails, STD6040), off."),
                        ["packages"] = Requirement("Package signing after pack: ifAvailable (when a certificate is configured), required (CI builds without a certificate fail, STD6042), off."),
                    },
                },
            },
        };
    }

    private static JsonObject RuleSchema(RuleDefinition rule)
    {
        var settings = new JsonObject
        {
            ["severity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
            ["testSeverity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
        };
        foreach (var parameter in rule.Parameters)
        {
            settings[parameter.Name] = parameter.IsList
                ? new JsonObject
                {
                    ["description"] = parameter.Description,
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    ["default"] = new JsonArray([.. parameter.Default.Split(',').Select(v => JsonValue.Create(v))]),
                }
                : new JsonObject
                {
                    ["description"] = parameter.Description,
                    ["type"] = "integer",
                    ["minimum"] = 1,
                    ["default"] = int.Parse(parameter.Default, System.Globalization.CultureInfo.InvariantCulture),
                };
        }

        return new JsonObject
        {
            ["description"] = $"{rule.Title} (default: {SeverityNames.ToWord(rule.DefaultSeverity)}).",
            ["oneOf"] = new JsonArray(
                new JsonObject { ["$ref"] = "#/definitions/severity" },
                new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = settings }),
        };
    }

    private static JsonObject Percent(string description, double @default) => new()
    {
        ["description"] = description,
        ["type"] = "number",
        ["minimum"] = 0,
        ["default"] = @default,
    };

    private static JsonObject CoverageSchema() => new()
    {
        ["description"] = "Coverage gates (docs/quality-gates.md): minimum line and branch coverage per test run, per project and for the repo, and the ratchet tolerance.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["line"] = Percent("Minimum line coverage in percent (0-100).", CoverageSettings.Default.Line),
            ["branch"] = Percent("Minimum branch coverage in percent (0-100).", CoverageSettings.Default.Branch),
            ["criticalLine"] = Percent("Minimum line coverage of critical projects (layout.criticalProjects, StandardsCritical) in percent.", CoverageSettings.Default.CriticalLine),
            ["tolerance"] = Percent("Percentage points coverage may fall below standards-coverage-baseline.json before the ratchet fails.", CoverageSettings.Default.Tolerance),
            ["exclude"] = new JsonObject
            {
                ["description"] = "Repo-relative globs of source files that do not count (generated code is always excluded).",
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            },
        },
    };

    private static JsonObject BudgetsSchema()
    {
        var time = new JsonObject
        {
            ["description"] = "A time: nanoseconds, or a string with a unit (ns, us, ms, s).",
            ["oneOf"] = new JsonArray(
                new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^\\s*[0-9]+(\\.[0-9]+)?\\s*(ns|us|µs|ms|s)\\s*$" }),
        };
        var size = new JsonObject
        {
            ["description"] = "A size: bytes, or a string with a unit (B, KB, KiB, MB, MiB, GB, GiB).",
            ["oneOf"] = new JsonArray(
                new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^\\s*[0-9]+(\\.[0-9]+)?\\s*([kKmMgG]i?)?[bB]\\s*$" }),
        };
        JsonObject Limits(params (string Name, JsonObject Schema)[] entries)
        {
            var props = new JsonObject();
            foreach (var (name, schema) in entries)
            {
                props[name] = schema.DeepClone();
            }

            return new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = props };
        }

        return new JsonObject
        {
            ["description"] = "Performance and size budgets (docs/quality-gates.md): benchmark budgets and regression limits for BenchmarkDotNet results, size budgets per project.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["regression"] = Percent("Time regression limit against the benchmark baseline, percent of the median (significant on the measurements).", BudgetSettings.Default.Regression),
                ["allocationRegression"] = Percent("Allocation regression limit against the baseline, percent.", BudgetSettings.Default.AllocationRegression),
                ["noise"] = time.DeepClone(),
                ["benchmarks"] = new JsonObject
                {
                    ["description"] = "Budgets per benchmark, keyed by BenchmarkDotNet FullName or a glob with *.",
                    ["type"] = "object",
                    ["additionalProperties"] = Limits(("mean", time), ("p95", time), ("allocated", size)),
                },
                ["sizes"] = new JsonObject
                {
                    ["description"] = "Size budgets per project name: its assembly, its .nupkg, its publish folder.",
                    ["type"] = "object",
                    ["additionalProperties"] = Limits(("assembly", size), ("package", size), ("publish", size)),
                },
            },
        };
    }

    private static JsonObject ExceptionSchema(IReadOnlyList<RuleDefinition> rules) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("rule", "scope", "owner", "reason", "expires"),
        ["properties"] = new JsonObject
        {
            ["rule"] = new JsonObject
            {
                ["description"] = "The rule code the exception is for: one of Standards.Sdk's rules, or any other diagnostic id.",
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["enum"] = new JsonArray([.. rules.Select(r => JsonValue.Create(r.Id))]) },
                    new JsonObject { ["type"] = "string", ["pattern"] = ExternalIdPattern }),
            },
            ["scope"] = new JsonObject { ["description"] = "A project name, a repo-relative folder, or a glob (src/Legacy/**).", ["type"] = "string", ["minLength"] = 1 },
            ["owner"] = new JsonObject { ["description"] = "Who approved the deviation and answers for it.", ["type"] = "string", ["minLength"] = 1 },
            ["reason"] = new JsonObject { ["description"] = "Why the deviation is needed.", ["type"] = "string", ["minLength"] = 1 },
            ["expires"] = new JsonObject { ["description"] = "Last day the exception applies (YYYY-MM-DD).", ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        },
    };
}
