using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>A shell command a CI template runs, and the stage of docs/ci.md it belongs to.</summary>
/// <param name="Stage">restore, build, test, coverage, pack or publish.</param>
/// <param name="Shell">The command line as the CI system runs it (inputs resolved).</param>
/// <param name="Dotnet">The dotnet command in it, whitespace collapsed, for comparing the systems.</param>
public sealed record CiCommand(string Stage, string Shell, string Dotnet);

/// <summary>
/// Reads the CI templates as the CI systems do: YAML to JSON (for the schemas), and the commands of the build job in
/// order, with the inputs or parameters resolved to what the generated repo passes or else to their defaults.
/// </summary>
public static partial class CiPipeline
{
    /// <summary>The shared CI templates, repo-relative.</summary>
    public const string GitHubWorkflow = ".github/workflows/standards-ci.yml";

    /// <summary>The GitLab include.</summary>
    public const string GitLabTemplate = "ci-templates/gitlab/standards-ci.yml";

    /// <summary>The GitLab CI/CD component standards-ci: a copy of <see cref="GitLabTemplate"/> where GitLab looks for components.</summary>
    public const string GitLabComponent = "templates/standards-ci/template.yml";

    /// <summary>The Azure Pipelines template.</summary>
    public const string AzureTemplate = "ci-templates/azure/standards-ci.yml";

    /// <summary>The composite actions.</summary>
    public static IReadOnlyList<string> GitHubActions { get; } = ["ci-templates/github/setup/action.yml", "ci-templates/github/verify/action.yml"];

    /// <summary>The YAML documents of a file (a GitLab template has its spec header as the first).</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>A YAML node as JSON, with YAML 1.2 core schema typing of plain scalars.</summary>
    public static JsonElement ToJson(YamlNode node) => JsonSerializer.SerializeToElement(ToNode(node));

    /// <summary>The stage of a dotnet command.</summary>
    public static string StageOf(string dotnet) => dotnet switch
    {
        _ when dotnet.Contains("-t:StandardsCoverage", StringComparison.Ordinal) => "coverage",
        _ when dotnet.StartsWith("dotnet restore", StringComparison.Ordinal) => "restore",
        _ when dotnet.StartsWith("dotnet build", StringComparison.Ordinal) => "build",
        _ when dotnet.StartsWith("dotnet test", StringComparison.Ordinal) => "test",
        _ when dotnet.StartsWith("dotnet pack", StringComparison.Ordinal) => "pack",
        _ when dotnet.StartsWith("dotnet publish", StringComparison.Ordinal) => "publish",
        _ => "other",
    };

    /// <summary>The build job of the reusable workflow, called with the generated caller's <c>with:</c> values.</summary>
    public static IReadOnlyList<CiCommand> GitHub(string workflow, string caller)
    {
        var doc = Documents(workflow)[0];
        var inputs = Defaults(Map(Map(Map(doc, "on"), "workflow_call"), "inputs"), "default");
        foreach (var job in Map(Documents(caller)[0], "jobs").Children.Values.OfType<YamlMappingNode>())
        {
            if (job.Children.TryGetValue("with", out var with))
            {
                foreach (var (key, value) in ((YamlMappingNode)with).Children)
                {
                    inputs[key.ToString()] = value.ToString();
                }
            }
        }

        var commands = new List<CiCommand>();
        foreach (var step in Seq(Map(Map(doc, "jobs"), "build"), "steps").OfType<YamlMappingNode>())
        {
            if (!step.Children.TryGetValue("run", out var run)
                || (step.Children.TryGetValue("if", out var condition) && !GitHubCondition(condition.ToString(), inputs)))
            {
                continue;
            }

            var shell = GitHubExpression().Replace(run.ToString(), m => inputs[m.Groups[1].Value]);
            Add(commands, shell);
        }

        return commands;
    }

    /// <summary>
    /// The standards-build job of the GitLab include, with the generated include's inputs: its <c>script</c>, or
    /// another list of commands (<c>after_script</c>).
    /// </summary>
    public static IReadOnlyList<CiCommand> GitLab(string template, string includer, string section = "script")
    {
        var documents = Documents(template);
        var inputs = Defaults(Map(Map(documents[0], "spec"), "inputs"), "default");
        foreach (var include in Seq(Documents(includer)[0], "include").OfType<YamlMappingNode>())
        {
            if (include.Children.TryGetValue("inputs", out var given))
            {
                foreach (var (key, value) in ((YamlMappingNode)given).Children)
                {
                    inputs[key.ToString()] = value.ToString();
                }
            }
        }

        var commands = new List<CiCommand>();
        foreach (var line in Seq(Map(documents[1], "standards-build"), section))
        {
            var shell = GitLabInput().Replace(line.ToString(), m => inputs[m.Groups[1].Value]);

            // A line guarded by an input the shell sees as false runs nothing (if [ "false" = "true" ], if [ -n "" ]).
            if (!Regex.IsMatch(shell, @"^if \[ (""false"" = ""true""|-n """") \]"))
            {
                Add(commands, shell);
            }
        }

        return commands;
    }

    /// <summary>
    /// The file of this repository a generated .gitlab-ci.yml includes, repo-relative, found as GitLab finds it: a
    /// component <c>&lt;host&gt;/&lt;project path&gt;/&lt;name&gt;@&lt;version&gt;</c> is <c>templates/&lt;name&gt;.yml</c> or
    /// <c>templates/&lt;name&gt;/template.yml</c> of the project; <c>include: project:</c> names its file. Also returns
    /// the project path and the version (ref) it names.
    /// </summary>
    public static (string File, string Project, string Version) GitLabIncluded(string includer, string root)
    {
        var include = Seq(Documents(includer)[0], "include").OfType<YamlMappingNode>().Single();
        if (include.Children.TryGetValue("component", out var component))
        {
            var match = Regex.Match(component.ToString(), @"^\$CI_SERVER_FQDN/(?<project>.+)/(?<name>[^/@]+)@(?<version>[^@]+)$");
            Assert.True(match.Success, $"{includer}: '{component}' is not <host>/<project path>/<component>@<version>");
            var name = match.Groups["name"].Value;
            string[] candidates = [$"templates/{name}.yml", $"templates/{name}/template.yml"];
            var file = candidates.Where(c => File.Exists(Path.Combine(root, c))).ToList();
            Assert.True(file.Count == 1, $"GitLab finds the component {name} in exactly one of {string.Join(", ", candidates)}; this repository has {file.Count}");
            return (file[0], match.Groups["project"].Value, match.Groups["version"].Value);
        }

        return (include.Children["file"].ToString().TrimStart('/'), include.Children["project"].ToString(), include.Children["ref"].ToString());
    }

    /// <summary>The <c>artifacts:reports:junit</c> glob of the template's build job.</summary>
    public static string GitLabJUnitReport(string template) =>
        Map(Map(Map(Documents(template)[1], "standards-build"), "artifacts"), "reports").Children["junit"].ToString();

    /// <summary>The files of <paramref name="root"/> a GitLab artifacts glob matches (<c>**</c> any folders, none included; <c>*</c> within a name).</summary>
    public static IReadOnlyList<string> Glob(string root, string glob)
    {
        var pattern = "^" + Regex.Escape(glob).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$";
        return Directory.Exists(root)
            ? Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => Regex.IsMatch(f, pattern))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>The build stage of the Azure template, with the generated pipeline's parameters (conditional insertions evaluated).</summary>
    public static IReadOnlyList<CiCommand> Azure(string template, string pipeline)
    {
        var doc = Documents(template)[0];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in Seq(doc, "parameters").OfType<YamlMappingNode>())
        {
            parameters[parameter.Children["name"].ToString()] = parameter.Children["default"].ToString();
        }

        foreach (var (key, value) in Map(Map(Documents(pipeline)[0], "extends"), "parameters").Children)
        {
            parameters[key.ToString()] = value.ToString();
        }

        var build = Seq(doc, "stages").OfType<YamlMappingNode>().Single(s => s.Children["stage"].ToString() == "build");
        var job = Seq(build, "jobs").OfType<YamlMappingNode>().Single();
        var commands = new List<CiCommand>();
        foreach (var step in AzureSteps(Seq(job, "steps"), parameters))
        {
            if (step.Children.TryGetValue("script", out var script))
            {
                Add(commands, AzureExpression().Replace(script.ToString(), m => parameters[m.Groups[1].Value]));
            }
        }

        return commands;
    }

    /// <summary>Every <c>${{ inputs.x }}</c> / <c>$[[ inputs.x ]]</c> / <c>parameters.x</c> name used in a text.</summary>
    public static ISet<string> Used(string text, Regex pattern) =>
        pattern.Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")]
    public static partial Regex GitHubExpression();

    [GeneratedRegex(@"\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*\]\]")]
    public static partial Regex GitLabInput();

    [GeneratedRegex(@"\$\{\{\s*parameters\.([A-Za-z0-9_]+)\s*\}\}")]
    public static partial Regex AzureExpression();

    [GeneratedRegex(@"\bparameters\.([A-Za-z0-9_]+)")]
    public static partial Regex AzureParameterUse();

    [GeneratedRegex(@"\binputs\.([A-Za-z0-9_-]+)")]
    public static partial Regex GitHubInputUse();

    [GeneratedRegex(@"dotnet [^;]*")]
    private static partial Regex DotnetCommand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static void Add(List<CiCommand> commands, string shell)
    {
        var dotnet = DotnetCommand().Match(shell);
        if (!dotnet.Success)
        {
            return;
        }

        var normalized = Spaces().Replace(dotnet.Value.Trim(), " ");
        commands.Add(new CiCommand(StageOf(normalized), shell.Trim(), normalized));
    }

    // The conditions the build job uses: inputs.x (boolean) and inputs.x != ''.
    private static bool GitHubCondition(string condition, Dictionary<string, string> inputs)
    {
        var text = condition.Replace("${{", string.Empty, StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal).Trim();
        if (text.Contains("cancelled()", StringComparison.Ordinal))
        {
            return true;
        }

        var notEmpty = Regex.Match(text, @"^inputs\.([A-Za-z0-9_-]+) != ''$");
        if (notEmpty.Success)
        {
            return inputs[notEmpty.Groups[1].Value].Length > 0;
        }

        var flag = Regex.Match(text, @"^inputs\.([A-Za-z0-9_-]+)$");
        return flag.Success
            ? inputs[flag.Groups[1].Value] == "true"
            : throw new InvalidOperationException($"The test cannot evaluate the condition '{condition}': extend CiPipeline.GitHubCondition.");
    }

    // The template switches steps with runtime conditions over parameters: and(succeeded(), eq('<value>', 'true'), ...).
    private static IEnumerable<YamlMappingNode> AzureSteps(YamlSequenceNode steps, Dictionary<string, string> parameters) =>
        steps.OfType<YamlMappingNode>().Where(step =>
            !step.Children.TryGetValue("condition", out var condition)
            || AzureComparison().Matches(AzureExpression().Replace(condition.ToString(), m => parameters[m.Groups[1].Value]))
                .All(c => (c.Groups[2].Value == c.Groups[3].Value) == (c.Groups[1].Value == "eq")));

    [GeneratedRegex(@"\b(eq|ne)\('([^']*)', '([^']*)'\)")]
    private static partial Regex AzureComparison();

    private static Dictionary<string, string> Defaults(YamlMappingNode inputs, string key) =>
        inputs.Children.ToDictionary(
            p => p.Key.ToString(),
            p => ((YamlMappingNode)p.Value).Children.TryGetValue(key, out var value) ? value.ToString() : string.Empty,
            StringComparer.Ordinal);

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[key];

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(p.Key.ToString(), ToNode(p.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToNode).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}"),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)$") && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ when Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$") => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }
}
