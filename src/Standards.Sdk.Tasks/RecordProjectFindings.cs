using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Reports.Compliance;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After a project builds (CI, or reports on): counts what its compiles reported (the compiler's error logs) and what
/// its checks logged (their records), writes the project's record into the repo's state folder, and adds every
/// record to compliance.json. Thin: the counting is <see cref="CompilerErrorLog"/> and <see cref="ComplianceAggregator"/>.
/// </summary>
public sealed class RecordProjectFindings : StandardsTask
{
    /// <summary>The repo root (record paths are relative to it).</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>The project file.</summary>
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The frameworks the project builds now.</summary>
    public string[] TargetFrameworks { get; set; } = [];

    /// <summary>The compiler's error log of each framework the project builds now (a missing one: that compile did not run).</summary>
    public ITaskItem[] ErrorLogs { get; set; } = [];

    /// <summary>The records of the project's checks (obj/standards/findings/*.json).</summary>
    public ITaskItem[] CheckRecords { get; set; } = [];

    /// <summary>This project's record (in <see cref="StateDirectory"/>, named by the build).</summary>
    [Required]
    public string RecordFile { get; set; } = string.Empty;

    /// <summary>Where the projects' records go (artifacts/standards/obj/projects/).</summary>
    [Required]
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>compliance.json; updated when it exists (the repository checks write it with reports on).</summary>
    public string? ComplianceFile { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var root = Path.GetFullPath(RepoRoot);
        var project = Path.GetRelativePath(root, Path.GetFullPath(ProjectFile)).Replace('\\', '/');
        var problems = new List<Finding>();
        var compiles = new List<CompilerCounts>();
        foreach (var log in ErrorLogs.Select(i => i.ItemSpec).Where(File.Exists))
        {
            var (counts, problem) = ReadOrNull(log) is { } text ? CompilerErrorLog.Read(log, text) : (null, null);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else if (counts is not null)
            {
                compiles.Add(counts);
            }
        }

        var records = new List<ComplianceProject>();
        foreach (var file in CheckRecords.Select(i => i.ItemSpec).Where(File.Exists))
        {
            if (ComplianceProjects.ReadRecord(file, "The check's findings record", "its findings", "the check", problems) is { } record)
            {
                records.Add(record);
            }
        }

        var notWritten = new List<string>();
        StateWriter.TryWriteIfChanged(RecordFile, ProjectFindingsFile.Write(ComplianceAggregator.Project(project, TargetFrameworks, compiles, records)), notWritten);
        if (!string.IsNullOrEmpty(ComplianceFile) && notWritten.Count == 0)
        {
            ComplianceProjects.Update(ComplianceFile, StateDirectory, root, problems, notWritten);
        }

        if (notWritten.Count > 0)
        {
            problems.Add(NotWritten(notWritten, "the records compliance.json counts the projects' findings from", "The repo's artifacts/standards/ folder must be writable by the build (or set StandardsRepositoryChecksOutputPath to a writable folder).", null));
        }

        return TaskLogging.LogFindings(Log, problems, StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
    }
}
