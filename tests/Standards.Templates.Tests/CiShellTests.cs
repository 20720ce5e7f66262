using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Standards.Templates.Tests;

/// <summary>
/// Every step of the CI templates fails on its first failing command: each step that runs more than one command
/// (or a pipe) starts with <c>set -euo pipefail</c>, and no step hides a status from errexit (<c>! cmd</c>,
/// <c>|| true</c>). The vulnerability steps run in bash as each CI system runs them, with a <c>dotnet</c> that fails.
/// </summary>
public sealed partial class CiShellTests
{
    /// <summary>The templates of this repository whose steps run shell commands.</summary>
    public static IReadOnlyList<string> TemplateFiles { get; } =
    [
        CiPipeline.GitHubWorkflow, .. CiPipeline.GitHubActions, CiPipeline.GitLabTemplate, CiPipeline.GitLabComponent, CiPipeline.AzureTemplate,
    ];

    [Fact]
    public void No_step_of_any_template_swallows_a_failure()
    {
        var steps = TemplateFiles.SelectMany(f => CiShell.Steps(Path.Combine(RepoPaths.Root, f))).ToList();
        var problems = steps.SelectMany(CiShell.Problems).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));

        // Not vacuous: the walk finds the steps it must (every file has steps; the multi-command ones of each system).
        Assert.All(TemplateFiles.Where(f => !f.EndsWith("setup/action.yml", StringComparison.Ordinal)), f => Assert.Contains(steps, s => s.File.EndsWith(f, StringComparison.Ordinal)));
        var multi = steps.Where(CiShell.IsMultiCommand).Select(s => $"{Path.GetFileName(Path.GetDirectoryName(s.File))}/{Path.GetFileName(s.File)} {s.Name}").ToList();
        Assert.Contains("workflows/standards-ci.yml vulnerabilities.vulnerabilities", multi);
        Assert.Contains("gitlab/standards-ci.yml standards-vulnerabilities.script", multi);
        Assert.Contains("gitlab/standards-ci.yml standards-build.script", multi);
        Assert.Contains("azure/standards-ci.yml vulnerabilities.vulnerabilities", multi);
        Assert.True(multi.Count >= 12, $"only {multi.Count} multi-command steps found:\n{string.Join('\n', multi)}");
    }

    public static TheoryData<string, string, string> SwallowingSteps => new()
    {
        { "github", "jobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          dotnet list package --vulnerable | tee out.txt\n          ! grep -q vulnerable out.txt\n", "does not start with set -euo pipefail" },
        { "github", "jobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dotnet list package --vulnerable | tee out.txt\n", "does not start with set -euo pipefail" },
        { "github", "jobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          set -euo pipefail\n          ! grep -q vulnerable out.txt\n          echo done\n", "'! grep -q vulnerable out.txt'" },
        { "gitlab", "scan:\n  script:\n    - dotnet restore\n    - dotnet list package --vulnerable | tee out.txt\n", "does not start with set -euo pipefail" },
        { "gitlab", "scan:\n  script:\n    - set -euo pipefail\n    - dotnet restore || true\n    - dotnet build\n", "'dotnet restore || true'" },
        { "azure", "steps:\n  - script: |\n      dotnet restore\n      dotnet build\n    displayName: build\n", "does not start with set -euo pipefail" },
        { "azure", "steps:\n  - bash: |\n      set -eu\n      dotnet build | tee out.txt\n", "does not start with set -euo pipefail" },
    };

    [Theory]
    [MemberData(nameof(SwallowingSteps))]
    public void The_scan_flags_a_step_that_would_swallow_a_failure(string system, string yaml, string expected)
    {
        var file = Path.Combine(PackedSdk.NewTempDirectory("ci-shell"), system == "github" ? "workflow.yml" : $"{system}.yml");
        File.WriteAllText(file, yaml);
        // The old vulnerability step (first case) has both faults: no pipefail before its pipe, and a negated grep.
        var problems = CiShell.Steps(file).SelectMany(CiShell.Problems).ToList();
        Assert.Equal(yaml.Contains("! grep", StringComparison.Ordinal) && !yaml.Contains("set -euo", StringComparison.Ordinal) ? 2 : 1, problems.Count);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> VulnerabilitySteps => new()
    {
        { CiPipeline.GitHubWorkflow, "vulnerabilities.vulnerabilities" },
        { CiPipeline.GitLabTemplate, "standards-vulnerabilities.script" },
        { CiPipeline.GitLabComponent, "standards-vulnerabilities.script" },
        { CiPipeline.AzureTemplate, "vulnerabilities.vulnerabilities" },
    };

    /// <summary>
    /// The vulnerability step, run by bash as its CI system runs it (GitHub: its shell; GitLab: the script lines as
    /// one script; Azure Pipelines: <c>bash --noprofile --norc</c>, no errexit of its own): a <c>dotnet</c> that fails
    /// fails the step, one that lists a vulnerable package fails it, one that lists none passes it.
    /// </summary>
    [Theory]
    [MemberData(nameof(VulnerabilitySteps))]
    public void The_vulnerability_step_fails_when_dotnet_fails_or_finds_a_vulnerable_package(string file, string name)
    {
        var step = Assert.Single(CiShell.Steps(Path.Combine(RepoPaths.Root, file)), s => s.Name == name);
        var work = PackedSdk.NewTempDirectory("ci-shell-run");
        var failing = RunWithDotnet(step, work, "echo 'error: the project file could not be loaded' >&2\nreturn 1\n");
        Assert.True(failing.ExitCode != 0, $"{file} {name} passed with a dotnet that failed:\n{failing.Output}");
        Assert.Contains("could not be loaded", failing.Output, StringComparison.Ordinal);

        var vulnerable = RunWithDotnet(step, work, "echo \"Project 'Acme' has the following vulnerable packages\"\necho '   > Newtonsoft.Json  12.0.1  High'\n");
        Assert.True(vulnerable.ExitCode != 0, $"{file} {name} passed with a vulnerable package listed:\n{vulnerable.Output}");

        var clean = RunWithDotnet(step, work, "echo \"The given project 'Acme' has no vulnerable packages given the current sources.\"\n");
        Assert.True(clean.ExitCode == 0, $"{file} {name} failed with no vulnerable package:\n{clean.Output}");
    }

    public static TheoryData<string, bool> TestSteps()
    {
        var data = new TheoryData<string, bool>();
        foreach (var file in TemplateFiles.Where(f => !f.EndsWith("setup/action.yml", StringComparison.Ordinal)))
        {
            data.Add(file, true);
            data.Add(file, false);
        }

        return data;
    }

    /// <summary>
    /// The test step of each template, run by bash as its CI system runs it in a repo whose global.json names the
    /// Microsoft.Testing.Platform runner or none (VSTest): dotnet test gets the TRX switch of that runner
    /// (Microsoft.Testing.Platform rejects --logger, VSTest --report-trx), and GitLab's after_script converts the
    /// TRX files to JUnit after a Microsoft.Testing.Platform run, which runs no MSBuild target of its own.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestSteps))]
    public void The_test_step_passes_the_trx_switch_of_the_runner_global_json_names(string file, bool mtp)
    {
        var steps = CiShell.Steps(Path.Combine(RepoPaths.Root, file));
        var step = Assert.Single(steps, s => s.Script.Contains("dotnet test ", StringComparison.Ordinal));
        var work = PackedSdk.NewTempDirectory("ci-test-step");
        File.WriteAllText(Path.Combine(work, "global.json"), mtp
            ? "{\n  \"sdk\": { \"version\": \"10.0.100\" },\n  \"test\": {\n    \"runner\": \"Microsoft.Testing.Platform\"\n  }\n}\n"
            : "{\n  \"sdk\": { \"version\": \"10.0.100\" }\n}\n");
        Directory.CreateDirectory(Path.Combine(work, "artifacts", "test-results"));

        var run = RunWithDotnet(step, work, "echo \"dotnet $*\"\n");
        Assert.True(run.ExitCode == 0, run.Output);
        var test = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("dotnet test ", StringComparison.Ordinal));
        Assert.EndsWith(mtp ? "--no-build --report-trx --results-directory artifacts/test-results" : "--no-build --logger trx --results-directory artifacts/test-results", test.TrimEnd(), StringComparison.Ordinal);

        var afterScript = steps.SingleOrDefault(s => s.Name == "standards-build.after_script");
        if (afterScript is not null)
        {
            var after = RunWithDotnet(afterScript, work, "echo \"dotnet $*\"\n");
            Assert.True(after.ExitCode == 0, after.Output);
            Assert.Equal(mtp, after.Output.Contains("-t:StandardsJUnitReport", StringComparison.Ordinal));
        }
    }

    // The step's script after a dotnet function that stands in for the SDK (a function: no executable file to mark).
    private static ProcessResult RunWithDotnet(CiStep step, string work, string dotnetBody)
    {
        var script = Path.Combine(work, "step.sh");
        File.WriteAllText(script, $"dotnet() {{\n{dotnetBody}}}\n{Expression().Replace(step.Script, string.Empty)}\n");
        var environment = new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = work };
        return ProcessRunner.Run("bash", [.. step.BashOptions, script], work, environment, TimeSpan.FromMinutes(1));
    }

    [GeneratedRegex(@"\$\{\{[^}]*\}\}|\$\[\[[^\]]*\]\]")]
    private static partial Regex Expression();
}

/// <summary>One shell step of a CI file: its file, a name (job.step id or job.section), its script and how bash runs it.</summary>
public sealed record CiStep(string File, string Name, string Script, IReadOnlyList<string> BashOptions);

/// <summary>The shell steps of GitHub, GitLab and Azure Pipelines files, and what in them would swallow a failure.</summary>
public static partial class CiShell
{
    private const string Strict = "set -euo pipefail";

    /// <summary>Every shell step of a file; the system is told by the file (GitLab: .gitlab-ci.yml or a file under gitlab/; Azure: azure in its path).</summary>
    public static IReadOnlyList<CiStep> Steps(string file)
    {
        var documents = CiPipeline.Documents(file);
        var root = documents[^1];
        var path = file.Replace('\\', '/');
        if (path.Contains("gitlab", StringComparison.Ordinal) || path.EndsWith("standards-ci/template.yml", StringComparison.Ordinal))
        {
            return GitLab(file, root);
        }

        var steps = new List<CiStep>();
        if (path.Contains("azure", StringComparison.Ordinal))
        {
            Walk(root, "", (name, map) => Azure(file, name, map, steps));
            return steps;
        }

        var shell = Child(Child(root, "defaults"), "run") is YamlMappingNode run && run.Children.TryGetValue("shell", out var s) ? s.ToString() : null;
        var jobs = Child(root, "jobs") is YamlMappingNode map
            ? map.Children.Select(j => (Name: j.Key.ToString(), Steps: Child(j.Value, "steps")))
            : [("runs", Child(Child(root, "runs"), "steps"))];
        foreach (var (name, jobSteps) in jobs)
        {
            foreach (var step in (jobSteps as YamlSequenceNode)?.OfType<YamlMappingNode>() ?? [])
            {
                GitHub(file, name, step, shell, steps);
            }
        }

        return steps;
    }

    /// <summary>A step runs more than one command: several command lines, or a pipe.</summary>
    public static bool IsMultiCommand(CiStep step)
    {
        var lines = Commands(step.Script);
        return lines.Count > 1 || lines.Any(l => Pipe().IsMatch(l));
    }

    /// <summary>What in a step would let a failing command pass: each as "file name: reason".</summary>
    public static IEnumerable<string> Problems(CiStep step)
    {
        var lines = Commands(step.Script);
        if (IsMultiCommand(step) && lines[0] != Strict)
        {
            yield return $"{step.File} {step.Name}: runs several commands or a pipe but does not start with {Strict}, so a failing command can pass";
        }

        foreach (var line in lines.Where(l => l.StartsWith("! ", StringComparison.Ordinal) || l.Contains("|| true", StringComparison.Ordinal)))
        {
            yield return $"{step.File} {step.Name}: '{line}' hides its status from errexit; test it with if and exit 1";
        }
    }

    private static List<string> Commands(string script) =>
        script.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    private static List<CiStep> GitLab(string file, YamlMappingNode root)
    {
        var steps = new List<CiStep>();
        foreach (var (key, value) in root.Children)
        {
            if (value is not YamlMappingNode job)
            {
                continue;
            }

            foreach (var section in new[] { "before_script", "script", "after_script" })
            {
                if (job.Children.TryGetValue(section, out var lines) && lines is YamlSequenceNode sequence)
                {
                    // The runner joins the lines into one script; bash without options: the template must not rely on the runner's.
                    steps.Add(new CiStep(file, $"{key}.{section}", string.Join('\n', sequence.Select(l => l.ToString())), []));
                }
            }
        }

        return steps;
    }

    private static void GitHub(string file, string name, YamlMappingNode map, string? defaultShell, List<CiStep> steps)
    {
        if (map.Children.TryGetValue("run", out var run))
        {
            var shell = map.Children.TryGetValue("shell", out var s) ? s.ToString() : defaultShell;

            // GitHub's shells on Linux: bash is "bash --noprofile --norc -eo pipefail {0}", none given is "bash -e {0}".
            string[] options = shell == "bash" ? ["--noprofile", "--norc", "-eo", "pipefail"] : ["-e"];
            steps.Add(new CiStep(file, Id(name, map), run.ToString(), options));
        }
    }

    private static void Azure(string file, string name, YamlMappingNode map, List<CiStep> steps)
    {
        foreach (var key in new[] { "script", "bash" })
        {
            if (map.Children.TryGetValue(key, out var script) && script is YamlScalarNode)
            {
                // Both run "bash --noprofile --norc <file>" on Linux agents, with no errexit of their own.
                steps.Add(new CiStep(file, Id(name, map), script.ToString(), ["--noprofile", "--norc"]));
            }
        }
    }

    private static string Id(string job, YamlMappingNode step)
    {
        foreach (var key in new[] { "id", "name", "displayName" })
        {
            if (step.Children.TryGetValue(key, out var value))
            {
                return $"{job}.{value}";
            }
        }

        return job;
    }

    // Every mapping of the tree with the name of the Azure job (job:) it is in.
    private static void Walk(YamlNode node, string job, Action<string, YamlMappingNode> visit)
    {
        if (node is YamlMappingNode map)
        {
            var inner = map.Children.TryGetValue("job", out var name) ? name.ToString() : job;
            visit(inner, map);
            foreach (var value in map.Children.Values)
            {
                Walk(value, inner, visit);
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence)
            {
                Walk(item, job, visit);
            }
        }
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(key, out var value) ? value : null;

    [GeneratedRegex(@"(?<!\|)\|(?!\|)")]
    private static partial Regex Pipe();
}
