using System.Text.Json;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Standards.Templates.Tests;

/// <summary>
/// The shared CI templates (.github/workflows/standards-ci.yml, ci-templates/) read as the CI systems read
/// them: valid against the official schemas and GitHub's linter, third-party actions pinned to commit SHAs, least
/// privilege per job, every input and parameter declared and used, and the same commands as docs/ci.md.
/// </summary>
public sealed partial class CiTemplateTests
{
    private static readonly string Root = RepoPaths.Root;

    // What each third-party action needs of the job's token; a job may ask for nothing else.
    private static readonly Dictionary<string, string[]> PermissionsOf = new(StringComparer.Ordinal)
    {
        ["actions/checkout"] = ["contents: read"],
        ["github/codeql-action/upload-sarif"] = ["contents: read", "security-events: write"],
    };

    public static TheoryData<string, string> SchemaCases => new()
    {
        { CiPipeline.GitHubWorkflow, "github-workflow.schema.json" },
        { CiPipeline.GitHubActions[0], "github-action.schema.json" },
        { CiPipeline.GitHubActions[1], "github-action.schema.json" },
        { CiPipeline.GitLabTemplate, "gitlab-ci.schema.json" },
        { CiPipeline.GitLabComponent, "gitlab-ci.schema.json" },
        { CiPipeline.AzureTemplate, "azure-pipelines.schema.json" },
    };

    [Theory]
    [MemberData(nameof(SchemaCases))]
    public void Each_template_is_valid_against_its_official_schema(string file, string schema)
    {
        var errors = CiSchemas.Validate(schema, Path.Combine(Root, file));
        Assert.True(errors.Count == 0, $"{file}:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void The_schemas_reject_what_they_forbid()
    {
        var broken = Path.Combine(PackedSdk.NewTempDirectory("ci-broken"), "broken.yml");
        File.WriteAllText(broken, "\"on\": push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");
        Assert.NotEmpty(CiSchemas.Validate("github-workflow.schema.json", broken));
        File.WriteAllText(broken, "build:\n  script: 42\n  whenn: always\n");
        Assert.NotEmpty(CiSchemas.Validate("gitlab-ci.schema.json", broken));
        Assert.NotEmpty(CiSchemas.ActionValidator(broken).Output);
    }

    [Fact]
    public void The_github_files_pass_action_validator()
    {
        foreach (var file in CiPipeline.GitHubActions.Prepend(CiPipeline.GitHubWorkflow))
        {
            var result = CiSchemas.ActionValidator(Path.Combine(Root, file));
            Assert.True(result.ExitCode == 0, $"action-validator {file}:\n{result.Output}");
        }
    }

    [Fact]
    public void No_action_reference_is_a_mutable_tag()
    {
        var checkedRefs = 0;
        foreach (var file in CiPipeline.GitHubActions.Prepend(CiPipeline.GitHubWorkflow))
        {
            foreach (var line in File.ReadAllLines(Path.Combine(Root, file)).Where(l => l.TrimStart().StartsWith("- uses:", StringComparison.Ordinal) || l.TrimStart().StartsWith("uses:", StringComparison.Ordinal)))
            {
                Assert.Matches(PinnedAction(), line.Trim());
                checkedRefs++;
            }
        }

        Assert.True(checkedRefs >= 8, $"only {checkedRefs} action references found");
    }

    [Fact]
    public void No_job_has_a_permission_it_does_not_use()
    {
        var workflow = CiPipeline.Documents(Path.Combine(Root, CiPipeline.GitHubWorkflow))[0];
        Assert.Empty(Assert.IsType<YamlMappingNode>(workflow.Children["permissions"]).Children);
        foreach (var (name, node) in ((YamlMappingNode)workflow.Children["jobs"]).Children)
        {
            var job = (YamlMappingNode)node;
            var granted = ((YamlMappingNode)job.Children["permissions"]).Children.Select(p => $"{p.Key}: {p.Value}").Order().ToList();
            var needed = ((YamlSequenceNode)job.Children["steps"]).OfType<YamlMappingNode>()
                .Where(s => s.Children.ContainsKey("uses"))
                .Select(s => s.Children["uses"].ToString().Split('@')[0])
                .SelectMany(a => PermissionsOf.TryGetValue(a, out var p) ? p : [])
                .Distinct().Order().ToList();
            Assert.True(needed.SequenceEqual(granted), $"job {name}: granted [{string.Join(", ", granted)}], its steps need [{string.Join(", ", needed)}]");
        }
    }

    [Fact]
    public void Every_input_and_parameter_is_declared_and_used()
    {
        var workflowText = File.ReadAllText(Path.Combine(Root, CiPipeline.GitHubWorkflow));
        var workflow = CiPipeline.Documents(Path.Combine(Root, CiPipeline.GitHubWorkflow))[0];
        var declared = Keys(workflow, "on", "workflow_call", "inputs");
        var body = workflowText[workflowText.IndexOf("\njobs:", StringComparison.Ordinal)..];
        Assert.Equal(declared.Order(), CiPipeline.Used(body, CiPipeline.GitHubInputUse()).Order());

        var gitlab = File.ReadAllText(Path.Combine(Root, CiPipeline.GitLabTemplate));
        var spec = Keys(CiPipeline.Documents(Path.Combine(Root, CiPipeline.GitLabTemplate))[0], "spec", "inputs");
        Assert.Equal(spec.Order(), CiPipeline.Used(gitlab[gitlab.IndexOf("\n---", StringComparison.Ordinal)..], CiPipeline.GitLabInput()).Order());

        var azureText = File.ReadAllText(Path.Combine(Root, CiPipeline.AzureTemplate));
        var azure = CiPipeline.Documents(Path.Combine(Root, CiPipeline.AzureTemplate))[0];
        var parameters = ((YamlSequenceNode)azure.Children["parameters"]).OfType<YamlMappingNode>().Select(p => p.Children["name"].ToString()).ToList();
        Assert.Equal(parameters.Order(), CiPipeline.Used(azureText[azureText.IndexOf("\nstages:", StringComparison.Ordinal)..], CiPipeline.AzureParameterUse()).Order());

        foreach (var action in CiPipeline.GitHubActions)
        {
            var text = File.ReadAllText(Path.Combine(Root, action));
            var inputs = Keys(CiPipeline.Documents(Path.Combine(Root, action))[0], "inputs");
            Assert.Equal(inputs.Order(), CiPipeline.Used(text[text.IndexOf("\nruns:", StringComparison.Ordinal)..], CiPipeline.GitHubInputUse()).Order());
        }
    }

    [Fact]
    public void The_composite_action_runs_the_workflows_commands()
    {
        var verify = CiPipeline.Documents(Path.Combine(Root, CiPipeline.GitHubActions[1]))[0];
        var workflow = CiPipeline.Documents(Path.Combine(Root, CiPipeline.GitHubWorkflow))[0];
        var build = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow.Children["jobs"]).Children["build"]).Children["steps"];
        var composite = (YamlSequenceNode)((YamlMappingNode)verify.Children["runs"]).Children["steps"];
        foreach (var step in composite.OfType<YamlMappingNode>())
        {
            var id = step.Children["id"].ToString();
            var same = build.OfType<YamlMappingNode>().Single(s => s.Children.TryGetValue("id", out var i) && i.ToString() == id);
            Assert.Equal(same.Children["run"].ToString(), step.Children["run"].ToString());
        }
    }

    [Fact]
    public void The_templates_run_the_command_sequence_of_docs_ci_md()
    {
        var documented = DocumentedSequence();
        // The CI files a std-lib repo gets: their source (templates/content/_shared/repo) holds every template's
        // variant under #if conditions, so it is read as dotnet new writes it.
        var github = GeneratedRepo.Generate("std-lib", "Acme.Sequence", "--ci", "github").Root;
        var gitlabRepo = GeneratedRepo.Generate("std-lib", "Acme.Sequence", "--ci", "gitlab").Root;
        var azure = GeneratedRepo.Generate("std-lib", "Acme.Sequence", "--ci", "azure").Root;
        AssertSequence(documented, CiPipeline.GitHub(Path.Combine(Root, CiPipeline.GitHubWorkflow), Path.Combine(github, ".github", "workflows", "ci.yml")), "GitHub");
        var gitlab = CiPipeline.GitLabIncluded(Path.Combine(gitlabRepo, ".gitlab-ci.yml"), Root).File;
        AssertSequence(documented, CiPipeline.GitLab(Path.Combine(Root, gitlab), Path.Combine(gitlabRepo, ".gitlab-ci.yml")), "GitLab");
        AssertSequence(documented, CiPipeline.Azure(Path.Combine(Root, CiPipeline.AzureTemplate), Path.Combine(azure, "azure-pipelines.yml")), "Azure Pipelines");
    }

    public static TheoryData<string, string> GeneratedCases => new()
    {
        { "std-lib", "github" }, { "std-lib", "gitlab" }, { "std-lib", "azure" }, { "std-lib", "none" },
        { "std-service", "github" }, { "std-service", "gitlab" }, { "std-service", "azure" },
        { "std-worker", "github" }, { "std-worker", "gitlab" }, { "std-worker", "azure" },
    };

    /// <summary>
    /// The CI file and PR template each --ci value writes (snapshot, with --ci-repo given for the GitHub case), valid
    /// against the official schema (and, for GitHub, action-validator), referencing the templates at v&lt;sdk version&gt;.
    /// </summary>
    [Theory]
    [MemberData(nameof(GeneratedCases))]
    public void Each_ci_value_writes_an_include_of_the_shared_templates(string template, string ci)
    {
        // The service and worker templates restore the new repo unless --no-restore; this test reads files only.
        string[] options = (template, ci) switch
        {
            ("std-lib", "github") => ["--ci", ci, "--ci-repo", "acme/standards-fork"],
            ("std-lib", _) => ["--ci", ci],
            _ => ["--ci", ci, "--no-restore"],
        };
        var repo = GeneratedRepo.Generate(template, "Acme.Ci", options);
        try
        {
            string[] ciFiles = [".github/workflows/ci.yml", ".gitlab-ci.yml", "azure-pipelines.yml"];
            string[] prTemplates = [".github/pull_request_template.md", ".gitlab/merge_request_templates/Default.md", ".azuredevops/pull_request_template.md"];
            var present = ciFiles.Concat(prTemplates).Where(repo.Exists).ToList();
            var (ciFile, prTemplate, schema) = ci switch
            {
                "github" => (ciFiles[0], prTemplates[0], "github-workflow.schema.json"),
                "gitlab" => (ciFiles[1], prTemplates[1], "gitlab-ci.schema.json"),
                "azure" => (ciFiles[2], prTemplates[2], "azure-pipelines.schema.json"),
                _ => ((string?)null, prTemplates[0], (string?)null),
            };
            Assert.Equal(new[] { ciFile, prTemplate }.OfType<string>().Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
            if (ciFile is null)
            {
                return;
            }

            Snapshot.Match($"{template}.ci-{ci}", $"=== CI files and PR template\n{string.Join('\n', present)}\n\n=== {ciFile}\n{repo.Read(ciFile)}", repo.Root);
            var errors = CiSchemas.Validate(schema!, repo.PathOf(ciFile));
            Assert.True(errors.Count == 0, $"{ciFile}:\n{string.Join('\n', errors)}");
            Assert.Empty(CiShell.Steps(repo.PathOf(ciFile)).SelectMany(CiShell.Problems));
            Assert.Contains($"v{TemplateHive.Instance.Sdk.Version}", repo.Read(ciFile), StringComparison.Ordinal);
            Assert.DoesNotContain("@main", repo.Read(ciFile), StringComparison.Ordinal);
            if (ci == "gitlab")
            {
                // A CI/CD component of the --ci-repo project at the SDK's tag, which this repository has where GitLab looks.
                var (file, project, version) = CiPipeline.GitLabIncluded(repo.PathOf(ciFile), Root);
                Assert.Equal((CiPipeline.GitLabComponent, "standards-sdk/standards-sdk", $"v{TemplateHive.Instance.Sdk.Version}"), (file, project, version));
            }

            if (ci == "github")
            {
                var lint = CiSchemas.ActionValidator(repo.PathOf(ciFile));
                Assert.True(lint.ExitCode == 0, $"action-validator {ciFile}:\n{lint.Output}");
            }
        }
        finally
        {
            repo.Delete();
        }
    }

    /// <summary>
    /// GitLab components must be templates/&lt;name&gt;/template.yml at the project root, where this repository keeps the
    /// dotnet new template pack: the component is outside content/, so the package does not carry it.
    /// </summary>
    [Fact]
    public void The_gitlab_component_is_not_in_the_template_pack()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(TemplateHive.Instance.Package);
        var names = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(names, n => n.StartsWith("content/std-lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("standards-ci", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith("template.yml", StringComparison.Ordinal));
    }

    /// <summary>The fenced block after "## The command sequence" in docs/ci.md, its dotnet lines.</summary>
    public static IReadOnlyList<string> DocumentedSequence()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "ci.md"));
        var start = text.IndexOf("```bash", text.IndexOf("## The command sequence", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = text.IndexOf("```", start + 7, StringComparison.Ordinal);
        return text[(start + 7)..end].Split('\n')
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal))
            .Select(l => Regex.Replace(l, @"\s+", " "))
            .ToList();
    }

    private static void AssertSequence(IReadOnlyList<string> documented, IReadOnlyList<CiCommand> commands, string system)
    {
        // The library repo packs and publishes nothing else; the documented publish line is for services and workers.
        var expected = documented.Where(d => !d.StartsWith("dotnet publish", StringComparison.Ordinal)).ToList();
        Assert.True(expected.SequenceEqual(commands.Select(c => c.Dotnet)),
            $"{system} runs:\n  {string.Join("\n  ", commands.Select(c => c.Dotnet))}\ndocs/ci.md says:\n  {string.Join("\n  ", expected)}");
    }

    private static List<string> Keys(YamlMappingNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = (YamlMappingNode)node.Children[key];
        }

        return node.Children.Keys.Select(k => k.ToString()).ToList();
    }

    [GeneratedRegex(@"^(- )?uses: [A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")]
    private static partial Regex PinnedAction();
}

/// <summary>The official schemas in tests/schemas and the npm action-validator, on YAML files.</summary>
public static class CiSchemas
{
    private static readonly Dictionary<string, JsonSchemaValidator> Validators = new(StringComparer.Ordinal);

    /// <summary>The schema errors of every YAML document of a file (a GitLab spec header is its own document).</summary>
    public static IReadOnlyList<string> Validate(string schemaFile, string yamlFile)
    {
        JsonSchemaValidator validator;
        lock (Validators)
        {
            if (!Validators.TryGetValue(schemaFile, out validator!))
            {
                using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema(schemaFile)));
                validator = new JsonSchemaValidator(schema.RootElement.Clone());
                Validators[schemaFile] = validator;
            }
        }

        return CiPipeline.Documents(yamlFile).SelectMany(d => validator.Validate(CiPipeline.ToJson(d))).ToList();
    }

    /// <summary>Runs @action-validator/cli (installed by eng/setup.sh) on a workflow or action file.</summary>
    public static ProcessResult ActionValidator(string file)
    {
        var tool = Path.Combine(RepoPaths.Root, "eng", "tools", "action-validator", "node_modules", ".bin", "action-validator");
        Assert.True(File.Exists(tool), $"{tool} is missing: run eng/setup.sh (it installs the linter from npm).");
        return ProcessRunner.Run(tool, [file], Path.GetDirectoryName(file)!);
    }
}
