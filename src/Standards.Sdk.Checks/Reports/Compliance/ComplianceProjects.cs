using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>
/// The per-project records compliance.json is made from (artifacts/standards/obj/projects/*.json): read them all and
/// put them into the facts, under one lock (ComplianceLock) so projects building in parallel never lose each other's counts.
/// </summary>
public static class ComplianceProjects
{
    /// <summary>
    /// The facts with every record of <paramref name="stateDirectory"/> whose project still exists; a record that does
    /// not read is STD0007 in <paramref name="problems"/> (the file would otherwise count less than there is).
    /// </summary>
    public static ComplianceFacts WithRecords(ComplianceFacts facts, string stateDirectory, string repoRoot, List<Finding> problems)
    {
        var records = new List<ComplianceProject>();
        if (Directory.Exists(stateDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(stateDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                if (ReadRecord(file, "The project findings record", "that project", "the project's build", problems) is { } record)
                {
                    records.Add(record);
                }
            }
        }

        return ComplianceAggregator.WithProjects(facts, records, project => File.Exists(Path.Combine(repoRoot, project)));
    }

    /// <summary>
    /// A findings record (a project's, or a check's), or null with STD0007 in <paramref name="problems"/>: e.g.
    /// "{what} {file} cannot be read (why), so compliance.json cannot count {lost}. Delete the file and build again: {writer} writes it."
    /// </summary>
    public static ComplianceProject? ReadRecord(string file, string what, string lost, string writer, List<Finding> problems)
    {
        var text = FileReading.ReadOrNull(file);
        var (record, problem) = text is null ? ((ComplianceProject?)null, ComplianceDocument.Malformed("it cannot be read", 0)) : ProjectFindingsFile.Read(text);
        if (record is null)
        {
            problems.Add(new Finding(PolicyRuleIds.InputUnreadable, Severity.Error,
                $"{what} {file} cannot be read ({problem?.Message}), so compliance.json cannot count {lost}. Delete the file and build again: {writer} writes it.", file, problem?.Line ?? 0));
        }

        return record;
    }

    /// <summary>Rewrites <paramref name="complianceFile"/> with the records, under the lock; what it cannot do goes to <paramref name="problems"/>.</summary>
    public static void Update(string complianceFile, string stateDirectory, string repoRoot, List<Finding> problems, List<string> notWritten)
    {
        using var guard = ComplianceLock.Take(stateDirectory, complianceFile, problems);
        if (guard is null || !File.Exists(complianceFile) || FileReading.ReadOrNull(complianceFile) is not { } text)
        {
            return;
        }

        var (facts, problem) = ComplianceDocument.Read(text);
        if (facts is null)
        {
            problems.Add(new Finding(PolicyRuleIds.InputUnreadable, Severity.Error,
                $"{complianceFile} cannot be read to add this project's findings ({problem?.Message}). Delete it and build again: the repository checks write it.", complianceFile, problem?.Line ?? 0));
            return;
        }

        StateWriter.TryWriteIfChanged(complianceFile, ComplianceDocument.Write(WithRecords(facts, stateDirectory, repoRoot, problems)), notWritten);
    }
}
