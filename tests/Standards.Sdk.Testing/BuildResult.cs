using System.Text.RegularExpressions;

namespace Standards.Sdk.Testing;

/// <summary>
/// The outcome of a dotnet command: exit code, console output and, for every build the harness runs
/// (<see cref="DotnetCommand"/>), what its binary log says: errors and warnings with file, line, project and
/// target framework, messages, which targets ran or were skipped and why, which tasks ran from which assembly.
/// Assert on those structured results; <see cref="Output"/> is for failure messages and for output that is not
/// MSBuild's (a test runner's summary, <c>-getProperty</c> JSON).
/// </summary>
public sealed partial class BuildResult
{
    private readonly BuildLog? log;
    private readonly Lazy<IReadOnlyList<BuildDiagnostic>> diagnostics;

    /// <summary>A result known only by its console output: diagnostics are parsed from the text.</summary>
    public BuildResult(int exitCode, string output)
        : this(exitCode, output, null, null, null)
    {
    }

    private BuildResult(int exitCode, string output, BuildLog? log, string? binaryLog, string? binaryLogProblem)
    {
        ExitCode = exitCode;
        Output = output;
        this.log = log;
        BinaryLog = binaryLog;
        BinaryLogProblem = binaryLogProblem;
        diagnostics = new(() => log?.Diagnostics ?? ParseConsole(output));
    }

    /// <summary>
    /// A result read from the binary log the command wrote. When the log is missing or unreadable (the process
    /// was killed before writing it), the result falls back to the console output and says why in
    /// <see cref="BinaryLogProblem"/>; the structured queries then throw rather than answer from nothing.
    /// </summary>
    public static BuildResult FromBinaryLog(int exitCode, string output, string binaryLog)
    {
        ArgumentNullException.ThrowIfNull(binaryLog);
        if (!File.Exists(binaryLog))
        {
            return new BuildResult(exitCode, output, null, binaryLog, "the binary log was not written");
        }

        try
        {
            return new BuildResult(exitCode, output, BinaryLogReader.Read(binaryLog), binaryLog, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            return new BuildResult(exitCode, output, null, binaryLog, $"the binary log could not be read: {ex.Message}");
        }
    }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Everything the command printed.</summary>
    public string Output { get; }

    /// <summary>True when the command succeeded.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The binary log the command wrote, when it wrote one (deleted with the repo unless STANDARDS_KEEP_TEST_REPOS=1).</summary>
    public string? BinaryLog { get; }

    /// <summary>Why the binary log could not be used, or null.</summary>
    public string? BinaryLogProblem { get; }

    /// <summary>The command that ran (<c>dotnet build ...</c>), when known.</summary>
    public string? Command { get; internal set; }

    /// <summary>How long the command took, when known.</summary>
    public TimeSpan? Elapsed { get; internal set; }

    /// <summary>True when the structured queries (messages, targets, tasks) are available.</summary>
    public bool HasBinaryLog => log is not null;

    /// <summary>
    /// Distinct errors and warnings in the order they were raised, one per project build (target framework):
    /// from the binary log, or parsed from the console output when there is none.
    /// </summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => diagnostics.Value;

    /// <summary>Errors only.</summary>
    public IEnumerable<BuildDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error");

    /// <summary>Warnings only.</summary>
    public IEnumerable<BuildDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == "warning");

    /// <summary>Diagnostics with a code.</summary>
    public IEnumerable<BuildDiagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code);

    /// <summary>Every message the build logged, at every importance, in order.</summary>
    public IReadOnlyList<BuildMessage> Messages => Structured().Messages;

    /// <summary>Messages with a code.</summary>
    public IEnumerable<BuildMessage> MessagesWithCode(string code) => Messages.Where(m => m.Code == code);

    /// <summary>Messages whose text contains <paramref name="text"/> (ordinal).</summary>
    public IEnumerable<BuildMessage> MessagesContaining(string text) => Messages.Where(m => m.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>Every target MSBuild was asked to build, per project build, in the order they finished.</summary>
    public IReadOnlyList<TargetRun> Targets => Structured().Targets;

    /// <summary>Every execution of a task, in the order they finished.</summary>
    public IReadOnlyList<TaskRun> Tasks => Structured().Tasks;

    /// <summary>The runs of one target: one per project build that was asked for it.</summary>
    public IReadOnlyList<TargetRun> TargetRuns(string target)
    {
        if (log is null)
        {
            throw NoBinaryLog();
        }

        return [.. log.Targets.Where(t => t.Name == target)];
    }

    /// <summary>The executions of one task.</summary>
    public IReadOnlyList<TaskRun> TaskRuns(string task) => [.. Tasks.Where(t => t.Name == task)];

    /// <summary>
    /// True when the target was skipped because its outputs were up to date, and its body ran in no project build
    /// of this command.
    /// </summary>
    public bool Skipped(string target) =>
        log is null
            ? Output.Contains($"Skipping target \"{target}\" because all output files are up-to-date", StringComparison.Ordinal)
            : TargetRuns(target).Any(t => t.Outcome == TargetOutcome.SkippedUpToDate) && RunCount(target) == 0;

    /// <summary>True when the target's body ran in at least one project build.</summary>
    public bool Ran(string target) =>
        log is null
            ? ConsoleHeading(target).IsMatch(Output) && !Skipped(target)
            : RunCount(target) > 0;

    /// <summary>Number of project builds (projects, target frameworks) in which the target's body ran.</summary>
    public int RunCount(string target) =>
        log is null
            ? ConsoleHeading(target).Count(Output)
            : TargetRuns(target).Count(t => t.BodyRan);

    /// <inheritdoc />
    public override string ToString() =>
        (Command is null ? string.Empty : $"{Command}: ")
        + $"exit {ExitCode}"
        + (Elapsed is { } elapsed ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" after {elapsed.TotalSeconds:F1} s") : string.Empty)
        + (BinaryLog is null ? string.Empty : $", binary log {BinaryLog}")
        + (BinaryLogProblem is null ? string.Empty : $" ({BinaryLogProblem})")
        + $"\n{Output}";

    private BuildLog Structured() => log ?? throw NoBinaryLog();

    private InvalidOperationException NoBinaryLog() => new(
        BinaryLogProblem is null
            ? "This result has no binary log: run the command through TestRepo or DotnetCommand, which add -bl to every build."
            : $"This result has no usable binary log: {BinaryLogProblem}.\n{this}");

    private static Regex ConsoleHeading(string target) =>
        new($@"^\s*(?:\d+>)?{Regex.Escape(target)}:\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(5));

    /// <summary>The diagnostics of console output at normal verbosity (the fallback when there is no binary log).</summary>
    private static List<BuildDiagnostic> ParseConsole(string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<BuildDiagnostic>();
        foreach (var raw in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(raw.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var project = match.Groups["proj"].Value.Split("::", 2);
            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["sev"].Value,
                match.Groups["code"].Value,
                match.Groups["msg"].Value.Trim(),
                project[0])
            {
                TargetFramework = project.Length > 1 && project[1].StartsWith("TargetFramework=", StringComparison.Ordinal) ? project[1]["TargetFramework=".Length..] : string.Empty,
            };
            if (seen.Add(diagnostic.ToString() + match.Groups["proj"].Value))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>[^:]*?)(?:\((?<line>\d+)(?:,(?<col>\d+))?(?:,\d+,\d+)?\))?\s*:\s*(?<sev>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<msg>.*?)(?:\s+\[(?<proj>[^\[\]]+)\])?$")]
    private static partial Regex DiagnosticLine();
}
