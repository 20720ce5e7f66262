using Standards.Adoption;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

public sealed partial class AdopterTests
{
    /// <summary>git runs for real; dotnet is scripted (an entry suppresses its finding, except a compiler error's, CS0246).</summary>
    private sealed class ScriptedDotnet : ICommandRunner
    {
        private readonly ProcessCommandRunner real = new();

        /// <summary>Diagnostic lines with <c>{root}</c> for the workspace; the file part is made absolute.</summary>
        public List<string> Findings { get; } = [];

        public int Builds { get; private set; }

        /// <summary>What `dotnet --version` answers.</summary>
        public string RunningSdk { get; set; } = "10.0.100";

        /// <summary>
        /// When set: projects in reference order (each references the previous), each with one finding line
        /// ({severity} for warning or error). A CI build stops at the first project with an unrecorded finding, as
        /// MSBuild does when a reference fails; a survey build prints every finding as a warning, with the survey
        /// line of each project.
        /// </summary>
        public List<(string Project, string Finding)> Chain { get; } = [];

        /// <summary>TreatWarningsAsErrors of the chain's projects in CI.</summary>
        public bool ChainTreatWarningsAsErrors { get; set; } = true;

        public int Restores { get; private set; }

        /// <summary>When set, `dotnet restore` fails with this output.</summary>
        public string? RestoreFailure { get; set; }

        /// <summary>When set: the output `dotnet restore` fails with for the workspace as it is (its folder given), or null when it passes.</summary>
        public Func<string, string?>? RestoreRun { get; set; }

        public int Tests { get; private set; }

        /// <summary>A coverage gate failure `dotnet test` prints until standards.json sets the line minimum to 44.</summary>
        public string? CoverageFailure { get; set; }

        /// <summary>When set: the failure `dotnet test` prints for this standards.json text, or null when it passes.</summary>
        public Func<string, string?>? TestRun { get; set; }

        public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
        {
            if (command != "dotnet")
            {
                return real.Run(command, arguments, workingDirectory, environment);
            }

            if (arguments[0] == "--version")
            {
                return new CommandResult(0, RunningSdk + "\n");
            }

            if (arguments[0] == "restore")
            {
                return Restore(workingDirectory, arguments[1]);
            }

            if (arguments[0] == "test")
            {
                TestArguments.Add([.. arguments.Select(a => a.Replace(workingDirectory, "{root}", StringComparison.Ordinal))]);
                return TestFailureOutput is null ? Test(workingDirectory) : new CommandResult(2, TestFailureOutput.Replace("{root}", workingDirectory, StringComparison.Ordinal));
            }

            if (arguments.Contains("-t:StandardsCoverage"))
            {
                return CoverageStep(workingDirectory, arguments, environment!);
            }

            Builds++;
            Assert.Equal("true", environment!["CI"]);
            var baseline = Path.Combine(workingDirectory, CodeBaselineDocument.FileName);
            var recorded = File.Exists(baseline) ? CodeBaselineDocument.Read(File.ReadAllText(baseline)) : [];
            if (Chain.Count > 0)
            {
                return RunChain(arguments, workingDirectory, recorded);
            }

            var survey = arguments.Contains("-p:StandardsSurveyBuild=true");
            var lines = Findings.Concat(LicenceLines(survey).Where(f => !InRepoBaseline(f, workingDirectory))).Concat(WorkspaceFindings?.Invoke(workingDirectory) ?? [])
                .Select(f => workingDirectory + "/" + f.Replace("{root}", workingDirectory, StringComparison.Ordinal))
                .Where(line => BuildOutput.Parse(line, workingDirectory).Select(d => CodeBaselineDocument.EntryFor(d, f => File.ReadAllLines(Path.Combine(workingDirectory, f)))).All(e => e is null || !recorded.Contains(e) || Unsuppressible.Contains(e.Id)))
                .ToList();
            var output = survey ? [.. SurveyLines(workingDirectory, arguments[1], lines), .. lines] : lines;
            return new CommandResult(lines.Count == 0 ? 0 : 1, string.Join('\n', output));
        }

        /// <summary>
        /// A survey build's line for each project of the solution (warnings stay warnings in CI), except a project
        /// stopped before the compiler by a policy error (STD0xxx) in its output, as the policy task stops it.
        /// </summary>
        private IEnumerable<string> SurveyLines(string workingDirectory, string solution, IReadOnlyList<string> lines) =>
            System.Xml.Linq.XDocument.Load(solution).Descendants("Project").Select(p => Path.Combine(workingDirectory, (string)p.Attribute("Path")!))
                .Where(project => !NotCompiled.Any(p => project.EndsWith("/" + p, StringComparison.Ordinal)))
                .Where(project => !lines.Any(l => StopsBeforeCompiler.Any(code => l.Contains($": error {code}", StringComparison.Ordinal)) && l.EndsWith($"[{project}]", StringComparison.Ordinal)))
                .Select(project => $"  Standards survey: {project} [net10.0] TreatWarningsAsErrors=false WarningsAsErrors= WarningsNotAsErrors= ErrorsConfig={workingDirectory}/obj/none.globalconfig");

        /// <summary>
        /// Ids of the errors no code baseline entry suppresses, as in a real build: a suppressor reaches warnings only
        /// (also when raised to errors), not a compiler error (CS0246) nor an analyzer's error by its rule (STD1002).
        /// </summary>
        private static readonly HashSet<string> Unsuppressible = ["CS0246", "STD1002"];

        /// <summary>The code prefixes of the errors that stop a project before the compiler (the policy's; the dependency check's when added).</summary>
        public List<string> StopsBeforeCompiler { get; } = ["STD0"];

        /// <summary>Repo-relative projects a survey build compiles nothing of, without an error (checks skipped).</summary>
        public HashSet<string> NotCompiled { get; } = [];

        /// <summary>When set: more finding lines (as <see cref="Findings"/>), computed from the workspace's files as the build sees them.</summary>
        public Func<string, IEnumerable<string>>? WorkspaceFindings { get; set; }

        /// <summary>Licence findings a project's build prints (as `file(line,col): severity CODE: message [project]`) until the workspace's standards-baseline.json has an entry of that code, project and message.</summary>
        public List<string> LicenceFindings { get; } = [];

        /// <summary>Licence findings (as <see cref="LicenceFindings"/>) only the CI-mode builds print, not the survey builds.</summary>
        public List<string> CiModeLicenceFindings { get; } = [];

        private IEnumerable<string> LicenceLines(bool survey) => survey ? LicenceFindings : LicenceFindings.Concat(CiModeLicenceFindings);

        private static bool InRepoBaseline(string finding, string workingDirectory)
        {
            var path = Path.Combine(workingDirectory, "standards-baseline.json");
            var diagnostic = BuildOutput.Parse(workingDirectory + "/" + finding.Replace("{root}", workingDirectory, StringComparison.Ordinal), workingDirectory).Single();
            return File.Exists(path) && Standards.Sdk.Checks.Baseline.BaselineFile.Parse("b", File.ReadAllText(path)).Baseline.Entries
                .Any(e => e.Code == diagnostic.Code && e.File == diagnostic.File && e.Message == diagnostic.Message);
        }

        /// <summary>`dotnet restore`: fails with <see cref="RestoreFailure"/>, or writes a lock file beside every project.</summary>
        /// <summary>`dotnet restore` of the solution: a lock file beside each project it lists.</summary>
        private CommandResult Restore(string workingDirectory, string solution)
        {
            Restores++;
            if ((RestoreFailure ?? RestoreRun?.Invoke(workingDirectory)) is { } failure)
            {
                return new CommandResult(1, failure);
            }

            foreach (var project in System.Xml.Linq.XDocument.Load(solution).Descendants("Project").Select(p => (string)p.Attribute("Path")!))
            {
                File.WriteAllText(Path.Combine(workingDirectory, Path.GetDirectoryName(project)!, "packages.lock.json"), "lock");
            }

            return new CommandResult(0, "Restored");
        }

        /// <summary>The arguments of each `dotnet test`, the workspace as {root}.</summary>
        public List<string[]> TestArguments { get; } = [];

        /// <summary>When set, every `dotnet test` fails with this output (exit code 2, {root} for the workspace).</summary>
        public string? TestFailureOutput { get; set; }

        /// <summary>`dotnet test`: <see cref="TestRun"/>'s verdict on standards.json, else the coverage gate's.</summary>
        private CommandResult Test(string workingDirectory)
        {
            Tests++;
            if (WritesCoverageReports)
            {
                // What a VSTest run of a test project on Standards.Sdk leaves for the coverage step to merge.
                var report = Path.Combine(workingDirectory, "artifacts", "coverage", "A.Tests", "coverage.cobertura.xml");
                Directory.CreateDirectory(Path.GetDirectoryName(report)!);
                File.WriteAllText(report, "<coverage />");
            }

            var failure = RunGates(workingDirectory);
            return failure is null ? new CommandResult(0, "Passed!") : new CommandResult(1, failure);
        }

        /// <summary>
        /// The per-run gates' failure on the workspace's standards.json (<see cref="TestRun"/>, else
        /// <see cref="CoverageFailure"/> until the minimum is 44), or null when they pass.
        /// </summary>
        private string? RunGates(string workingDirectory)
        {
            var policy = Path.Combine(workingDirectory, "standards.json");
            var text = File.Exists(policy) ? File.ReadAllText(policy) : string.Empty;
            var failure = TestRun is not null ? TestRun(text)
                : CoverageFailure is null || text.Contains("\"line\": 44", StringComparison.Ordinal) ? null
                : CoverageFailure;
            return failure is null ? null : workingDirectory + "/" + failure.Replace("{root}", workingDirectory, StringComparison.Ordinal);
        }

        /// <summary>False for a repo without test projects: `dotnet test` writes no coverage report.</summary>
        public bool WritesCoverageReports { get; set; } = true;

        /// <summary>The arguments of each coverage step (`dotnet build -t:StandardsCoverage`), the workspace as {root}.</summary>
        public List<string[]> CoverageArguments { get; } = [];

        /// <summary>When set: the failure the coverage step prints for this standards.json text, or null when it passes.</summary>
        public Func<string, string?>? CoverageRun { get; set; }

        /// <summary>When set, the merged Cobertura report each coverage step writes (artifacts/coverage-report/), as the SDK's step does before it judges.</summary>
        public string? MergedReport { get; set; }

        /// <summary>
        /// The coverage step, in CI mode: <see cref="CoverageRun"/>'s verdict on standards.json, else it passes; with
        /// StandardsCoverageJudgeAll on a VSTest repo, the recorded runs' gates (as `dotnet test` judged them) first.
        /// </summary>
        private CommandResult CoverageStep(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
        {
            Assert.Equal("true", environment["CI"]);
            CoverageArguments.Add([.. arguments.Select(a => a.Replace(workingDirectory, "{root}", StringComparison.Ordinal))]);
            if (MergedReport is not null)
            {
                var merged = Path.Combine(workingDirectory, "artifacts", "coverage-report", "coverage.cobertura.xml");
                Directory.CreateDirectory(Path.GetDirectoryName(merged)!);
                File.WriteAllText(merged, MergedReport);
            }

            var policy = Path.Combine(workingDirectory, "standards.json");
            var merge = CoverageRun?.Invoke(File.Exists(policy) ? File.ReadAllText(policy) : string.Empty);
            var globalJson = Path.Combine(workingDirectory, "global.json");
            var vstest = !File.Exists(globalJson) || !File.ReadAllText(globalJson).Contains(TestCommand.MicrosoftTestingPlatform, StringComparison.Ordinal);
            var runs = vstest && arguments.Contains(TestCommand.JudgeAllCoverageGates) ? RunGates(workingDirectory) : null;
            string[] failures = [.. new[] { runs, merge is null ? null : workingDirectory + "/" + merge.Replace("{root}", workingDirectory, StringComparison.Ordinal) }.OfType<string>()];
            return failures.Length == 0 ? new CommandResult(0, "Build succeeded.") : new CommandResult(1, string.Join('\n', failures));
        }

        private CommandResult RunChain(IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyList<CodeEntry> recorded)
        {
            var survey = arguments.Contains("-p:StandardsSurveyBuild=true");
            var output = new List<string>();
            var failed = false;
            foreach (var (project, finding) in Chain)
            {
                var projectPath = Path.Combine(workingDirectory, project);
                if (survey)
                {
                    output.Add($"  Standards survey: {projectPath} [net10.0] TreatWarningsAsErrors={(ChainTreatWarningsAsErrors ? "true" : "false")} WarningsAsErrors=;nullable WarningsNotAsErrors= ErrorsConfig={workingDirectory}/obj/none.globalconfig");
                }

                var error = !survey && ChainTreatWarningsAsErrors;
                var line = $"{workingDirectory}/{finding.Replace("{severity}", error ? "error" : "warning", StringComparison.Ordinal)} [{projectPath}]";
                var entry = BuildOutput.Parse(line, workingDirectory).Select(d => CodeBaselineDocument.EntryFor(d, f => File.ReadAllLines(Path.Combine(workingDirectory, f)))).Single();
                if (entry is not null && recorded.Contains(entry))
                {
                    continue;
                }

                output.Add(line);
                if (error)
                {
                    failed = true;
                    break;
                }
            }

            return new CommandResult(failed ? 1 : 0, string.Join('\n', output));
        }
    }
}
