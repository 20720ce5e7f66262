using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>The policy read from a file, and what was wrong with the file.</summary>
public sealed record PolicyLoadResult(StandardsPolicy Policy, IReadOnlyList<Finding> Findings);

/// <summary>
/// Reads standards.json. Bad input never throws: every problem becomes a coded finding with the file and line,
/// and whatever could be read is still applied (an invalid entry is ignored, the rest of the file counts).
/// </summary>
public static class PolicyLoader
{
    /// <summary>The file name looked up from each project folder upwards.</summary>
    public const string FileName = "standards.json";

    private const string ExceptionFieldsHint = "Every exception needs rule, scope, owner, reason and expires (YYYY-MM-DD).";

    private static readonly string[] SeverityKeys = ["severity", "testSeverity"];
    private static readonly string[] Profiles = ["default", "strict"];
    private static readonly string[] RepoKinds = [ProjectKinds.Service, ProjectKinds.Worker, ProjectKinds.Library];

    /// <summary>
    /// The top level. Checks that own a section (layout, dependencies, coverage, budgets, release) read it themselves,
    /// with their own shape. Only keys that something reads are accepted, so a typo or a setting from a future version
    /// is an error, not a silent no-op. Each key of <see cref="JsonType.Any"/> is such a section: the settings reference
    /// (docs/settings.md) has a part for each. The published schema's top level is generated from this declaration.
    /// </summary>
    internal static readonly JsonShape Root = new(
        FileName,
        new JsonKey("profile", JsonType.Text)
        {
            Allowed = Profiles, IgnoreCase = true, Default = "default",
            Description = "'strict' selects the stricter defaults the profile names (e.g. CA1502 maxComplexity 10).",
        },
        new JsonKey("kind", JsonType.Text) { Allowed = RepoKinds, IgnoreCase = true, Description = "The repo kind; inferred from the executable projects when absent." },
        new JsonKey("helpBaseUrl", JsonType.Text)
        {
            NotBlank = true, Default = StandardsPolicy.DefaultHelpBaseUrl,
            Description = "Base URL of the rule pages that diagnostics link to (e.g. your internal docs site).",
        },
        new JsonKey("rules", JsonType.KeyedObject)
        {
            Hint = "Map rule codes to a severity or to settings.",
            Description = "Severity and numbers per rule code. A string sets the severity; an object sets severity, testSeverity and the rule's parameters. Any other diagnostic id (CA, IDE, CS, a third-party analyzer's) takes a severity, or severity and testSeverity.",
        },
        new JsonKey("exceptions", JsonType.Array)
        {
            Hint = "Write an array of entries with rule, scope, owner, reason and expires.",
            Description = "Approved, time-limited deviations. An expired entry fails the build (STD0005).",
        },
        new JsonKey("layout", JsonType.Any),
        new JsonKey("dependencies", JsonType.Any),
        new JsonKey("coverage", JsonType.Any),
        new JsonKey("budgets", JsonType.Any),
        new JsonKey("release", JsonType.Any));

    /// <summary>An entry of "exceptions"; the published schema's exception definition is generated from it.</summary>
    internal static readonly JsonShape ExceptionShape = new(
        "an exception entry",
        new JsonKey("rule", JsonType.Text, Required: true)
        {
            NotBlank = true, Hint = ExceptionFieldsHint,
            Description = "The rule code the exception is for: one of Standards.Sdk's rules, or any other diagnostic id.",
        },
        new JsonKey("scope", JsonType.Text, Required: true) { NotBlank = true, Hint = ExceptionFieldsHint, Description = "A project name, a repo-relative folder, or a glob (src/Legacy/**)." },
        new JsonKey("owner", JsonType.Text, Required: true) { NotBlank = true, Hint = ExceptionFieldsHint, Description = "Who approved the deviation and answers for it." },
        new JsonKey("reason", JsonType.Text, Required: true) { NotBlank = true, Hint = ExceptionFieldsHint, Description = "Why the deviation is needed." },
        new JsonKey("expires", JsonType.Text, Required: true)
        {
            NotBlank = true, Hint = ExceptionFieldsHint, Pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            Description = "Last day the exception applies (YYYY-MM-DD).",
        });

    /// <summary>Loads a policy from text. <paramref name="today"/> decides which exceptions have expired.</summary>
    public static PolicyLoadResult Load(string path, string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        var parsed = JsonFormats.Policy.Parse(text);
        if (!parsed.Succeeded)
        {
            findings.Add(new Finding(PolicyRuleIds.PolicyNotJson, Severity.Error,
                $"{FileName} is not valid JSON: {parsed.Error} Fix the syntax (comments and trailing commas are allowed).",
                path, parsed.ErrorLine, parsed.ErrorColumn));
            return new PolicyLoadResult(new StandardsPolicy { SourcePath = path }, findings);
        }

        if (parsed.Root is not JsonObjectNode root)
        {
            findings.Add(Shape(path, parsed.Root!, $"The top level of {FileName} must be an object, not {parsed.Root!.Kind}."));
            return new PolicyLoadResult(new StandardsPolicy { SourcePath = path }, findings);
        }

        var reader = new Reader(path, findings);
        findings.AddRange(DuplicateKeys(path, root, isRoot: true));
        var read = PolicySection.Read(root, Root, path, findings, unknownHint: null)!;

        var policy = new StandardsPolicy
        {
            SourcePath = path,
            Document = root,
            Profile = Canonical(read.GetString("profile"), Profiles) ?? "default",
            RepoKind = Canonical(read.GetString("kind"), RepoKinds),
            HelpBaseUrl = read.GetString("helpBaseUrl") ?? StandardsPolicy.DefaultHelpBaseUrl,
            Rules = reader.Rules(read.GetObject("rules"), out var external),
            ExternalRules = external,
            Exceptions = reader.Exceptions(read.GetArray("exceptions"), today),
            Release = ReleaseSettings.Read(path, root.Get("release"), findings),
        };
        return new PolicyLoadResult(policy, findings);
    }

    /// <summary>
    /// Every key written twice in one object, anywhere in the file: the JSON reader keeps the last one, so the first
    /// would be ignored without a word. Rule codes under "rules" are compared ignoring case, as they are matched.
    /// </summary>
    private static IEnumerable<Finding> DuplicateKeys(string path, JsonValueNode node, bool isRoot = false, bool caseInsensitive = false)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                foreach (var (first, duplicate) in obj.Duplicates(caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal))
                {
                    yield return new Finding(PolicyRuleIds.PolicyShape, Severity.Error,
                        $"'{JsonText.Shown(duplicate.Name)}' is written twice in the same object of {FileName} (first at line {first.Line}); only the last one would count. Remove one of them.",
                        path, duplicate.Line, duplicate.Column);
                }

                foreach (var property in obj.Properties)
                {
                    foreach (var finding in DuplicateKeys(path, property.Value, caseInsensitive: isRoot && property.Name == "rules"))
                    {
                        yield return finding;
                    }
                }

                break;
            case JsonArrayNode array:
                foreach (var finding in array.Items.SelectMany(item => DuplicateKeys(path, item)))
                {
                    yield return finding;
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The allowed value <paramref name="text"/> is (ignoring case), as the list spells it.</summary>
    private static string? Canonical(string? text, string[] allowed) =>
        text is null ? null : allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));

    internal static Finding Shape(string path, JsonValueNode node, string message) =>
        new(PolicyRuleIds.PolicyShape, Severity.Error, $"{message} See the schema in the Standards.Sdk package (schema/standards.schema.json).", path, node.Line, node.Column);

    /// <summary>An STD0002 finding for a problem the typed reader found in a section.</summary>
    internal static Finding Shape(string path, JsonProblem problem) =>
        new(PolicyRuleIds.PolicyShape, Severity.Error, $"{problem.Message} See the schema in the Standards.Sdk package (schema/standards.schema.json).", path, problem.Line, problem.Column);

    /// <summary>Reads values and records what is wrong with them.</summary>
    private sealed class Reader(string path, List<Finding> findings)
    {
        public Dictionary<string, RuleSetting> Rules(JsonObjectNode? obj, out Dictionary<string, RuleSetting> external)
        {
            var rules = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);
            external = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in obj?.Properties ?? [])
            {
                var rule = RuleCatalog.Find(property.Name);
                if (rule is null && DiagnosticIds.IsExternal(property.Name))
                {
                    if (ExternalSettingFrom(property.Name, property.Value, property.Line, property.Column) is { } externalSetting)
                    {
                        external[property.Name] = externalSetting;
                    }

                    continue;
                }

                if (rule is null)
                {
                    findings.Add(UnknownRule(property.Name, property.Line, property.Column));
                    continue;
                }

                var setting = RuleSettingFrom(rule, property.Value);
                if (setting is not null)
                {
                    rules[rule.Id] = setting;
                }
            }

            return rules;
        }

        /// <summary>
        /// STD0003: an STD code that is not in the catalog (a typo of one of ours), or a key that is not a diagnostic
        /// id at all. Any well-formed id of another analyzer or of the compiler is accepted instead (ExternalSettingFrom).
        /// </summary>
        public Finding UnknownRule(string id, int line, int column)
        {
            string message;
            if (DiagnosticIds.IsWellFormed(id))
            {
                var near = RuleCatalog.All.Select(r => r.Id)
                    .FirstOrDefault(r => r.StartsWith(id.Length > 4 ? id[..4] : id, StringComparison.OrdinalIgnoreCase));
                var hint = near is null ? string.Empty : $" Did you mean '{near}'?";
                message = $"'{JsonText.Shown(id)}' is not a rule Standards.Sdk knows.{hint} The rules index (docs/rules/README.md) lists every code.";
            }
            else
            {
                var suggestion = DiagnosticIds.Suggest(id);
                var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
                message = $"'{JsonText.Shown(id)}' is not a diagnostic id.{hint} A diagnostic id is letters then digits, as the analyzer or the compiler reports it (CA2201, IDE0005, CS1998, MA0051, SA1600); Standards.Sdk's own rules are in the rules index (docs/rules/README.md).";
            }

            return new Finding(PolicyRuleIds.UnknownRule, Severity.Error, message, path, line, column);
        }

        /// <summary>
        /// The setting of a diagnostic Standards.Sdk does not manage: a severity (or severity and testSeverity), written
        /// to the generated analyzer config as given. Nullable warnings are locked (STD0101): only an exception waives them.
        /// </summary>
        private RuleSetting? ExternalSettingFrom(string id, JsonValueNode value, int line, int column)
        {
            if (NullableWarnings.Covers(id))
            {
                findings.Add(new Finding(PolicyRuleIds.PolicyShape, Severity.Error,
                    $"'{id}' is a nullable warning: the nullable lock (STD0101) keeps every nullable warning an error, so \"rules\" cannot change it. To waive it for legacy code, add an exception for STD0101 scoped to those files or that project (docs/configuration.md#exceptions).",
                    path, line, column));
                return null;
            }

            if (value is JsonStringNode)
            {
                var severity = SeverityValue(value, id);
                return severity is null ? null : new RuleSetting(id, severity, null, new Dictionary<string, string>(), value.Line);
            }

            if (value is not JsonObjectNode settings)
            {
                findings.Add(Shape(path, value, $"Rule '{id}' must be a severity ({string.Join(", ", SeverityNames.Accepted)}) or an object with severity and testSeverity, not {value.Kind}."));
                return null;
            }

            Severity? production = null;
            Severity? test = null;
            foreach (var p in settings.Properties)
            {
                if (p.Name == "severity")
                {
                    production = SeverityValue(p.Value, id);
                }
                else if (p.Name == "testSeverity")
                {
                    test = SeverityValue(p.Value, id);
                }
                else
                {
                    // Only the severities: the analyzer's own options live in .editorconfig, which the hint says.
                    var unknown = UnknownKeys.Message(p.Name, "'rules." + id + "'", SeverityKeys);
                    findings.Add(new Finding(PolicyRuleIds.PolicyShape, Severity.Error,
                        $"{unknown} '{id}' is not one of Standards.Sdk's rules: set the analyzer's own options in .editorconfig.",
                        path, p.Line, p.Column));
                }
            }

            return new RuleSetting(id, production, test, new Dictionary<string, string>(), value.Line);
        }

        private RuleSetting? RuleSettingFrom(RuleDefinition rule, JsonValueNode value)
        {
            if (value is JsonStringNode severityOnly)
            {
                var severity = SeverityValue(severityOnly, rule.Id);
                return severity is null ? null : new RuleSetting(rule.Id, severity, null, new Dictionary<string, string>(), value.Line);
            }

            if (value is not JsonObjectNode settings)
            {
                findings.Add(Shape(path, value, $"Rule '{rule.Id}' must be a severity ({string.Join(", ", SeverityNames.Accepted)}) or an object, not {value.Kind}."));
                return null;
            }

            Severity? production = null;
            Severity? test = null;
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in settings.Properties)
            {
                var parameter = rule.Parameters.FirstOrDefault(x => x.Name == p.Name);
                if (p.Name == "severity")
                {
                    production = SeverityValue(p.Value, rule.Id);
                }
                else if (p.Name == "testSeverity")
                {
                    test = SeverityValue(p.Value, rule.Id);
                }
                else if (parameter is null)
                {
                    var known = SeverityKeys.Concat(rule.Parameters.Select(x => x.Name)).ToList();
                    findings.Add(new Finding(PolicyRuleIds.PolicyShape, Severity.Error,
                        UnknownKeys.Message(p.Name, "'rules." + rule.Id + "'", known), path, p.Line, p.Column));
                }
                else if (ParameterValue(parameter, p.Value, rule.Id) is { } parameterValue)
                {
                    parameters[parameter.Name] = parameterValue;
                }
            }

            return new RuleSetting(rule.Id, production, test, parameters, value.Line);
        }

        private Severity? SeverityValue(JsonValueNode node, string ruleId)
        {
            if (node is JsonStringNode s && SeverityNames.TryParse(s.Value, out var severity))
            {
                return severity;
            }

            findings.Add(Shape(path, node, $"The severity of '{ruleId}' must be one of: {string.Join(", ", SeverityNames.Accepted)}."));
            return null;
        }

        private string? ParameterValue(RuleParameter parameter, JsonValueNode node, string ruleId)
        {
            if (parameter.IsList)
            {
                if (node is JsonArrayNode array && array.Items.All(i => i is JsonStringNode { Value.Length: > 0 }))
                {
                    return string.Join(",", array.Items.Cast<JsonStringNode>().Select(i => i.Value.Trim()));
                }

                findings.Add(Shape(path, node, $"'{ruleId}.{parameter.Name}' must be an array of non-empty strings."));
                return null;
            }

            // A whole number however JSON writes it (12, 12.0, 1.2e1), as the schema's "integer" takes it.
            if (node is JsonNumberNode number && number.TryGetDouble(out var value) && value >= 1 && value <= int.MaxValue && Math.Floor(value) == value)
            {
                return ((int)value).ToString(CultureInfo.InvariantCulture);
            }

            findings.Add(Shape(path, node, $"'{ruleId}.{parameter.Name}' must be a whole number greater than 0 (default {parameter.Default})."));
            return null;
        }

        public List<ExceptionEntry> Exceptions(JsonArrayNode? array, DateOnly today)
        {
            var result = new List<ExceptionEntry>();
            foreach (var item in array?.Items ?? [])
            {
                if (ExceptionFrom(item) is not { } entry)
                {
                    continue;
                }

                if (entry.Expires < today)
                {
                    findings.Add(new Finding(PolicyRuleIds.ExceptionExpired, Severity.Error,
                        $"The exception for '{entry.Rule}' on '{JsonText.Shown(entry.Scope)}' expired on {entry.Expires:yyyy-MM-dd}; ask its owner {JsonText.Shown(entry.Owner)} to fix the code or to renew it with a new 'expires' date.",
                        path, entry.Line, item.Column));
                    continue;
                }

                result.Add(entry);
            }

            return result;
        }

        private ExceptionEntry? ExceptionFrom(JsonValueNode item)
        {
            var read = ExceptionShape.Read(item);
            findings.AddRange(read.Problems.Select(p => new Finding(PolicyRuleIds.ExceptionMalformed, Severity.Error, p.Message, path, p.Line, p.Column)));
            if (!read.IsValid || read.Source is not { } entry)
            {
                return null;
            }

            var rule = read.GetString("rule")!;
            if (RuleCatalog.Find(rule) is null && !DiagnosticIds.IsExternal(rule))
            {
                var ruleNode = read.Node("rule")!;
                findings.Add(UnknownRule(rule, ruleNode.Line, ruleNode.Column));
                return null;
            }

            var expiresNode = read.Node("expires")!;
            if (!DateOnly.TryParseExact(read.GetString("expires"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            {
                findings.Add(Malformed(expiresNode, $"'expires' is '{JsonText.Shown(read.GetString("expires")!)}'; write the date as YYYY-MM-DD, e.g. 2027-03-31."));
                return null;
            }

            return new ExceptionEntry(RuleCatalog.Find(rule)?.Id ?? rule, Glob.Normalize(read.GetString("scope")!), read.GetString("owner")!, read.GetString("reason")!, expires, entry.Line);
        }

        private Finding Malformed(JsonValueNode node, string message) =>
            new(PolicyRuleIds.ExceptionMalformed, Severity.Error, message, path, node.Line, node.Column);
    }
}
