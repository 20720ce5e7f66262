namespace Standards.Sdk.Testing;

/// <summary>One error or warning of a build.</summary>
/// <param name="File">The file as the event names it (usually absolute), or the tool name ("CSC", "MSBUILD") when there is none.</param>
/// <param name="Line">1-based line, 0 when none.</param>
/// <param name="Column">1-based column, 0 when none.</param>
/// <param name="Severity">"error" or "warning".</param>
/// <param name="Code">The code (STD0101, CA1502, NU1004...).</param>
/// <param name="Message">The message text.</param>
/// <param name="Project">The project file it was reported for.</param>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message, string Project)
{
    /// <summary>The file name without its folder.</summary>
    public string FileName => Path.GetFileName(File);

    /// <summary>The target framework of the project build that reported it ("" when the build was not per framework).</summary>
    public string TargetFramework { get; init; } = string.Empty;

    /// <summary>1-based end line, 0 when none.</summary>
    public int EndLine { get; init; }

    /// <summary>1-based end column, 0 when none.</summary>
    public int EndColumn { get; init; }

    /// <summary>The target that was running when it was reported ("" when none or not known).</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The task that reported it ("" when none or not known).</summary>
    public string Task { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Code}: {Message}";
}

/// <summary>How important MSBuild was told a message is (the same order as MSBuild's MessageImportance).</summary>
public enum BuildMessageImportance
{
    /// <summary>Shown at minimal verbosity.</summary>
    High,

    /// <summary>Shown at normal verbosity.</summary>
    Normal,

    /// <summary>Shown at detailed verbosity only.</summary>
    Low,
}

/// <summary>One message a build logged (a Message task, a task's LogMessage, a tool's command line is not one).</summary>
/// <param name="Text">The message text.</param>
/// <param name="Importance">Its importance.</param>
/// <param name="Code">Its code, "" when none (most messages have none).</param>
/// <param name="Project">The project file it was logged for ("" for messages outside a project).</param>
/// <param name="TargetFramework">The target framework of that project build ("" when not per framework).</param>
/// <param name="Target">The target that logged it ("" when none).</param>
/// <param name="Task">The task that logged it ("" when none).</param>
public sealed record BuildMessage(string Text, BuildMessageImportance Importance, string Code, string Project, string TargetFramework, string Target, string Task)
{
    /// <inheritdoc />
    public override string ToString() => $"{Importance}: {Text} [{Project}{(TargetFramework.Length == 0 ? string.Empty : "::" + TargetFramework)}]";
}

/// <summary>What happened to a target MSBuild was asked to build.</summary>
public enum TargetOutcome
{
    /// <summary>Its body ran and succeeded.</summary>
    Ran,

    /// <summary>Its body ran and failed.</summary>
    Failed,

    /// <summary>Skipped: every output was up to date with respect to every input (Inputs/Outputs).</summary>
    SkippedUpToDate,

    /// <summary>
    /// Skipped: its condition was false. MSBuild 18 does not log this for most targets (a target hooked in with
    /// BeforeTargets or DependsOnTargets whose condition is false leaves no trace), so such a target usually has
    /// no run at all.
    /// </summary>
    SkippedFalseCondition,

    /// <summary>Not run again: it had already been built in this project instance (its earlier result counts).</summary>
    SkippedPreviouslyBuilt,
}

/// <summary>One target in one project build.</summary>
/// <param name="Name">The target name.</param>
/// <param name="Project">The project file.</param>
/// <param name="TargetFramework">The target framework of that project build ("" when not per framework).</param>
/// <param name="Outcome">Whether its body ran, and if not why.</param>
/// <param name="SkipReason">MSBuild's skip reason ("OutputsUpToDate", "ConditionWasFalse", ...), "" when it ran.</param>
public sealed record TargetRun(string Name, string Project, string TargetFramework, TargetOutcome Outcome, string SkipReason)
{
    /// <summary>True when the target's body ran (whether it then succeeded or failed).</summary>
    public bool BodyRan => Outcome is TargetOutcome.Ran or TargetOutcome.Failed;

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Outcome} [{Project}{(TargetFramework.Length == 0 ? string.Empty : "::" + TargetFramework)}]";
}

/// <summary>One execution of a task.</summary>
/// <param name="Name">The task name.</param>
/// <param name="Project">The project file.</param>
/// <param name="TargetFramework">The target framework of that project build ("" when not per framework).</param>
/// <param name="Target">The target it ran in.</param>
/// <param name="AssemblyLocation">The assembly the task was loaded from ("" for MSBuild's own tasks when not recorded).</param>
/// <param name="Succeeded">True when the task returned success.</param>
/// <param name="CommandLine">The command line a tool task ran ("" for tasks that start no tool).</param>
public sealed record TaskRun(string Name, string Project, string TargetFramework, string Target, string AssemblyLocation, bool Succeeded, string CommandLine)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} in {Target} ({(Succeeded ? "succeeded" : "failed")}) [{Project}{(TargetFramework.Length == 0 ? string.Empty : "::" + TargetFramework)}]";
}
