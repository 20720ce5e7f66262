using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging;

namespace Standards.Sdk.Testing;

/// <summary>What a binary log says happened: diagnostics, messages, targets and tasks, each with its project and framework.</summary>
internal sealed record BuildLog(
    IReadOnlyList<BuildDiagnostic> Diagnostics,
    IReadOnlyList<BuildMessage> Messages,
    IReadOnlyList<TargetRun> Targets,
    IReadOnlyList<TaskRun> Tasks);

/// <summary>
/// Reads a binary log (<c>-bl</c>) with MSBuild's own reader, <see cref="BinaryLogReplayEventSource"/>. The test
/// harness references Microsoft.Build.dll of the SDK that runs the builds (see Standards.Sdk.Testing.csproj), so
/// the reader always knows the writer's format version.
/// </summary>
internal static class BinaryLogReader
{
    /// <summary>Replays the log and collects what the tests assert on.</summary>
    public static BuildLog Read(string path)
    {
        var collector = new Collector();
        var source = new BinaryLogReplayEventSource();
        source.AnyEventRaised += (_, e) => collector.Add(e);
        source.Replay(path);
        return collector.ToLog();
    }

    /// <summary>A project build (a project context), identified per node: MSBuild numbers contexts and evaluations per node.</summary>
    private sealed record ProjectBuild(string File, (int Node, int Id) Evaluation, string GlobalTargetFramework);

    private sealed class PendingTarget(string name, (int, int) project)
    {
        public string Name { get; } = name;

        public (int Node, int Context) Project { get; } = project;

        public string SkipReason { get; set; } = string.Empty;
    }

    private sealed class PendingTask(string name, (int, int) project, string target, string assembly)
    {
        public string Name { get; } = name;

        public (int Node, int Context) Project { get; } = project;

        public string Target { get; } = target;

        public string Assembly { get; } = assembly;

        public string CommandLine { get; set; } = string.Empty;
    }

    private sealed class Collector
    {
        private readonly Dictionary<(int Node, int Context), ProjectBuild> projects = [];
        private readonly Dictionary<(int Node, int Evaluation), string> evaluatedFrameworks = [];
        private readonly Dictionary<(int Node, int Context, int Target), PendingTarget> openTargets = [];
        private readonly Dictionary<(int Node, int Context, int Task), PendingTask> openTasks = [];
        private readonly List<(BuildDiagnostic Diagnostic, (int, int) Project)> diagnostics = [];
        private readonly List<(BuildMessage Message, (int, int) Project)> messages = [];
        private readonly List<(TargetRun Run, (int, int) Project)> targets = [];
        private readonly List<(TaskRun Run, (int, int) Project)> tasks = [];

        public void Add(BuildEventArgs e)
        {
            if (!AddBuildStep(e) && !AddTaskStep(e))
            {
                AddOutput(e);
            }
        }

        /// <summary>Evaluations, projects and targets; false for any other event.</summary>
        private bool AddBuildStep(BuildEventArgs e)
        {
            switch (e)
            {
                case ProjectEvaluationFinishedEventArgs evaluation:
                    evaluatedFrameworks[(evaluation.BuildEventContext!.NodeId, evaluation.BuildEventContext.EvaluationId)] = TargetFrameworkOf(evaluation.Properties);
                    return true;
                case ProjectStartedEventArgs started:
                    Start(started);
                    return true;
                case TargetStartedEventArgs target:
                    openTargets[TargetKey(target.BuildEventContext!)] = new PendingTarget(target.TargetName, ProjectKey(target.BuildEventContext!));
                    return true;
                case TargetSkippedEventArgs skipped:
                    Skip(skipped);
                    return true;
                case TargetFinishedEventArgs finished:
                    Finish(finished);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A task's start, command line and end; false for any other event, and for the end of a task that never started.</summary>
        private bool AddTaskStep(BuildEventArgs e)
        {
            switch (e)
            {
                case TaskStartedEventArgs task:
                    var targetName = openTargets.GetValueOrDefault(TargetKey(task.BuildEventContext!))?.Name ?? string.Empty;
                    openTasks[TaskKey(task.BuildEventContext!)] = new PendingTask(task.TaskName, ProjectKey(task.BuildEventContext!), targetName, task.TaskAssemblyLocation ?? string.Empty);
                    return true;
                case TaskCommandLineEventArgs commandLine when openTasks.TryGetValue(TaskKey(commandLine.BuildEventContext!), out var running):
                    running.CommandLine = commandLine.CommandLine ?? string.Empty;
                    return true;
                case TaskFinishedEventArgs taskFinished when openTasks.Remove(TaskKey(taskFinished.BuildEventContext!), out var ran):
                    tasks.Add((new TaskRun(ran.Name, string.Empty, string.Empty, ran.Target, ran.Assembly, taskFinished.Succeeded, ran.CommandLine), ran.Project));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Errors, warnings and plain messages (not the derived events other steps log as messages).</summary>
        private void AddOutput(BuildEventArgs e)
        {
            switch (e)
            {
                case BuildErrorEventArgs error:
                    AddDiagnostic(error.BuildEventContext, "error", error.File, error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber, error.Code, error.Message, error.ProjectFile);
                    break;
                case BuildWarningEventArgs warning:
                    AddDiagnostic(warning.BuildEventContext, "warning", warning.File, warning.LineNumber, warning.ColumnNumber, warning.EndLineNumber, warning.EndColumnNumber, warning.Code, warning.Message, warning.ProjectFile);
                    break;
                case BuildMessageEventArgs message when message.GetType() == typeof(BuildMessageEventArgs) || message is CriticalBuildMessageEventArgs:
                    AddMessage(message);
                    break;
            }
        }

        private void Start(ProjectStartedEventArgs started)
        {
            var context = started.BuildEventContext!;
            projects[(context.NodeId, context.ProjectContextId)] = new ProjectBuild(
                started.ProjectFile ?? string.Empty,
                (context.NodeId, context.EvaluationId),
                started.GlobalProperties is { } global && global.TryGetValue("TargetFramework", out var framework) ? framework : string.Empty);
        }

        public BuildLog ToLog()
        {
            // One diagnostic can be logged more than once (NuGet logs its warnings at restore and again when the
            // build reads the assets file): keep the first of each, as a reader of the console sees it.
            var diagnosticsWithProjects = diagnostics
                .Select(d => d.Diagnostic with { TargetFramework = FrameworkOf(d.Project), Project = d.Diagnostic.Project.Length > 0 ? d.Diagnostic.Project : FileOf(d.Project) })
                .DistinctBy(d => (d.File, d.Line, d.Column, d.Severity, d.Code, d.Message, d.Project, d.TargetFramework))
                .ToList();
            return new BuildLog(
                diagnosticsWithProjects,
                [.. messages.Select(m => m.Message with { Project = FileOf(m.Project), TargetFramework = FrameworkOf(m.Project) })],
                [.. targets.Select(t => t.Run with { Project = FileOf(t.Project), TargetFramework = FrameworkOf(t.Project) })],
                [.. tasks.Select(t => t.Run with { Project = FileOf(t.Project), TargetFramework = FrameworkOf(t.Project) })]);
        }

        private void Skip(TargetSkippedEventArgs skipped)
        {
            // An up-to-date target starts, is skipped and finishes in one target context; a target skipped for
            // its condition or because it was built before never starts.
            if (openTargets.TryGetValue(TargetKey(skipped.BuildEventContext!), out var open) && open.Name == skipped.TargetName)
            {
                open.SkipReason = skipped.SkipReason.ToString();
                return;
            }

            var outcome = skipped.SkipReason switch
            {
                TargetSkipReason.OutputsUpToDate => TargetOutcome.SkippedUpToDate,
                TargetSkipReason.ConditionWasFalse => TargetOutcome.SkippedFalseCondition,
                _ => TargetOutcome.SkippedPreviouslyBuilt,
            };
            targets.Add((new TargetRun(skipped.TargetName, string.Empty, string.Empty, outcome, skipped.SkipReason.ToString()), ProjectKey(skipped.BuildEventContext!)));
        }

        private void Finish(TargetFinishedEventArgs finished)
        {
            if (!openTargets.Remove(TargetKey(finished.BuildEventContext!), out var open))
            {
                return;
            }

            var outcome = open.SkipReason.Length > 0
                ? TargetOutcome.SkippedUpToDate
                : finished.Succeeded ? TargetOutcome.Ran : TargetOutcome.Failed;
            targets.Add((new TargetRun(open.Name, string.Empty, string.Empty, outcome, open.SkipReason), open.Project));
        }

        private void AddDiagnostic(BuildEventContext? context, string severity, string? file, int line, int column, int endLine, int endColumn, string? code, string? message, string? projectFile)
        {
            var (target, task) = Where(context);
            var diagnostic = new BuildDiagnostic(
                string.IsNullOrEmpty(file) ? "MSBUILD" : file, line, column, severity, code ?? string.Empty, (message ?? string.Empty).Trim(), projectFile ?? string.Empty)
            {
                EndLine = endLine,
                EndColumn = endColumn,
                Target = target,
                Task = task,
            };
            diagnostics.Add((diagnostic, context is null ? (-1, -1) : ProjectKey(context)));
        }

        private void AddMessage(BuildMessageEventArgs message)
        {
            var context = message.BuildEventContext;
            var (target, task) = Where(context);
            var importance = message.Importance switch
            {
                MessageImportance.High => BuildMessageImportance.High,
                MessageImportance.Normal => BuildMessageImportance.Normal,
                _ => BuildMessageImportance.Low,
            };
            messages.Add((new BuildMessage(message.Message ?? string.Empty, importance, message.Code ?? string.Empty, string.Empty, string.Empty, target, task),
                context is null ? (-1, -1) : ProjectKey(context)));
        }

        private (string Target, string Task) Where(BuildEventContext? context) =>
            context is null
                ? (string.Empty, string.Empty)
                : (openTargets.GetValueOrDefault(TargetKey(context))?.Name ?? string.Empty, openTasks.GetValueOrDefault(TaskKey(context))?.Name ?? string.Empty);

        private string FileOf((int, int) project) => projects.GetValueOrDefault(project)?.File ?? string.Empty;

        private string FrameworkOf((int, int) project)
        {
            if (projects.GetValueOrDefault(project) is not { } build)
            {
                return string.Empty;
            }

            var evaluated = evaluatedFrameworks.GetValueOrDefault(build.Evaluation);
            return string.IsNullOrEmpty(evaluated) ? build.GlobalTargetFramework : evaluated;
        }

        private static string TargetFrameworkOf(IEnumerable? properties)
        {
            foreach (var property in properties ?? Array.Empty<object>())
            {
                if (property is DictionaryEntry { Key: "TargetFramework" } entry)
                {
                    return entry.Value as string ?? string.Empty;
                }
            }

            return string.Empty;
        }

        private static (int, int) ProjectKey(BuildEventContext context) => (context.NodeId, context.ProjectContextId);

        private static (int, int, int) TargetKey(BuildEventContext context) => (context.NodeId, context.ProjectContextId, context.TargetId);

        private static (int, int, int) TaskKey(BuildEventContext context) => (context.NodeId, context.ProjectContextId, context.TaskId);
    }
}
