using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Fleet;

/// <summary>An input of <c>dotnet standards report</c> that was not used, and why: printed as <c>file(line): error STD752x: message</c>.</summary>
/// <param name="Code">STD7520-STD7523.</param>
/// <param name="File">The file or folder, as given or found.</param>
/// <param name="Line">1-based line, 0 for the whole file.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record FleetProblem(string Code, string File, int Line, string Message)
{
    /// <summary>The line as printed.</summary>
    public string Formatted() => new ToolException(Code, Message, File, Line).Formatted();
}

/// <summary>One compliance file read.</summary>
/// <param name="File">Its path.</param>
/// <param name="Facts">What it says.</param>
public sealed record ComplianceRecord(string File, ComplianceFacts Facts);

/// <summary>
/// Finds and reads the compliance files of the paths given to <c>dotnet standards report</c>: a file is read whatever
/// its name; a folder is searched for <c>compliance.json</c> and <c>*.compliance.json</c> at any depth. Every file
/// that cannot be used is a <see cref="FleetProblem"/>; the others are read.
/// </summary>
public static class FleetInputs
{
    /// <summary>Reads every compliance file under <paramref name="paths"/>.</summary>
    public static (IReadOnlyList<ComplianceRecord> Records, IReadOnlyList<FleetProblem> Problems) Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<FleetProblem>();
        var files = new List<string>();
        foreach (var path in paths)
        {
            files.AddRange(Files(path, problems));
        }

        var texts = files.Distinct(StringComparer.Ordinal).Select(f => (File: f, Text: ReadText(f, problems))).Where(t => t.Text is not null);
        var (records, readProblems) = Parse(texts.Select(t => (t.File, t.Text!)));
        problems.AddRange(readProblems);
        return (records, problems);
    }

    /// <summary>
    /// Parses compliance texts: malformed and newer-version files are refused (STD7520, STD7521); a second file of the
    /// same repo and commit is refused naming the first (STD7522), so a build counted twice never weighs twice.
    /// </summary>
    public static (IReadOnlyList<ComplianceRecord> Records, IReadOnlyList<FleetProblem> Problems) Parse(IEnumerable<(string File, string Text)> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var records = new List<ComplianceRecord>();
        var problems = new List<FleetProblem>();
        var seen = new Dictionary<(string Repo, string Commit), string>();
        foreach (var (file, text) in texts)
        {
            var (facts, problem) = ComplianceDocument.Read(text);
            if (facts is null)
            {
                problems.Add(new FleetProblem(problem!.Code, file, problem.Line, problem.Message));
                continue;
            }

            var key = (facts.Repo, facts.Commit ?? facts.Date);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new FleetProblem(ToolRuleIds.ComplianceDuplicate, file, 0,
                    $"{facts.Repo} at {(facts.Commit is null ? $"the build of {facts.Date}" : $"commit {facts.Commit}")} is already read from {first}; this file is left out so the build counts once. Give each build's compliance.json once (one folder per build)."));
                continue;
            }

            seen[key] = file;
            records.Add(new ComplianceRecord(file, facts));
        }

        return (records, problems);
    }

    private static List<string> Files(string path, List<FleetProblem> problems)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            problems.Add(new FleetProblem(ToolRuleIds.ComplianceNotFound, path, 0,
                "No such file or folder. Give compliance.json files, or folders that hold them (the artifacts/standards/ folders CI builds publish)."));
            return [];
        }

        var found = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is var name && (name == ComplianceDocument.FileName || name.EndsWith("." + ComplianceDocument.FileName, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (found.Count == 0)
        {
            problems.Add(new FleetProblem(ToolRuleIds.ComplianceNotFound, path, 0,
                $"The folder holds no {ComplianceDocument.FileName} (nor *.{ComplianceDocument.FileName}) at any depth. A CI build on Standards.Sdk writes artifacts/standards/{ComplianceDocument.FileName}; download that artifact of each repo's builds into it."));
        }

        return found;
    }

    private static string? ReadText(string file, List<FleetProblem> problems)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new FleetProblem(ToolRuleIds.ComplianceMalformed, file, 0, $"The compliance file cannot be read: {ex.Message}. Check that the file is readable."));
            return null;
        }
    }
}
