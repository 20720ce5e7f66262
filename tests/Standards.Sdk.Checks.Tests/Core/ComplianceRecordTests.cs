using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Tests.Catalog;

namespace Standards.Sdk.Checks.Tests.Core;

/// <summary>
/// Every finding a task of the SDK logs is counted in compliance.json: the tasks log through
/// StandardsTask.LogAndRecord, which records each finding at the severity it logged. A task that called
/// TaskLogging.LogFindings itself would log a finding that the compliance record (and the fleet page) never counts.
/// Read from the tasks' sources: no test project references the task assembly, which MSBuild loads.
/// </summary>
public sealed class ComplianceRecordTests
{
    /// <summary>The files that may log around the record, each with the reason it has no record to count in.</summary>
    // Not [GeneratedRegex]: these sources also build against the checks' netstandard2.0 assembly, which has its own.
    private static readonly Regex DirectLogging = new(@"\bTaskLogging\.LogFindings\(", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["StandardsTask.cs"] = "LogAndRecord itself, and the failure to write the record",
        ["RecordProjectFindings.cs"] = "the recorder: its problems are about the records it reads",
        ["ScanStagedSecrets.cs"] = "the pre-commit scan, outside a build: no compliance record exists there",
        ["RemoveCoverageReportPromotion.cs"] = "the HTML report's cleanup after the coverage step wrote its part of compliance.json",
    };

    [Fact]
    public void Tasks_log_findings_only_through_the_compliance_record()
    {
        var sources = RepoRoot.SourceFiles("src/Standards.Sdk.Tasks", "*.cs").ToList();
        // No sources read would be no bypass found.
        Assert.Contains(sources, f => Path.GetFileName(f) == "ResolveApiBaseline.cs");
        var bypasses = sources
            .Where(f => !Allowed.ContainsKey(Path.GetFileName(f)))
            .SelectMany(f => File.ReadAllLines(f).Select((text, index) => (File: Path.GetFileName(f), Line: index + 1, Text: text)))
            .Where(l => DirectLogging.IsMatch(l.Text))
            .Select(l => $"{l.File}({l.Line}): {l.Text.Trim()}")
            .ToList();

        Assert.True(bypasses.Count == 0, "Log findings with LogAndRecord, so compliance.json counts them:\n" + string.Join("\n", bypasses));
    }

    [Fact]
    public void Each_allowed_file_still_logs_around_the_record()
    {
        // An entry whose file no longer logs directly would allow a bypass nobody reviewed.
        var tasks = Path.Combine(RepoRoot.Path, "src", "Standards.Sdk.Tasks");
        foreach (var file in Allowed.Keys)
        {
            Assert.True(DirectLogging.IsMatch(File.ReadAllText(Path.Combine(tasks, file))), $"{file} no longer calls TaskLogging.LogFindings: remove it from the allowed files.");
        }
    }
}
