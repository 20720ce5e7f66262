using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Fleet;

/// <summary>An input of <c>dotnet standards report</c> that was not used, and why: printed as <c>file(line): error STD752x: message</c>.</summary>
/// <param name="Code">STD7520-STD7526.</param>
/// <param name="File">The file or folder, as given or found.</param>
/// <param name="Line">1-based line, 0 for the whole file.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record FleetProblem(string Code, string File, int Line, string Message)
{
    /// <summary>The line as printed: control and bidirectional characters of the file name and message made visible, so a hostile name cannot add lines or reorder text.</summary>
    public string Formatted() => FleetText.Printable(new ToolException(Code, Message, File, Line).Formatted());
}

/// <summary>One compliance file read.</summary>
/// <param name="File">Its path.</param>
/// <param name="Facts">What it says.</param>
public sealed record ComplianceRecord(string File, ComplianceFacts Facts);

/// <summary>
/// The limits of <c>dotnet standards report</c> (docs/cli.md): a bigger compliance file, more in all, or more files are
/// left out with STD7525 instead of exhausting memory.
/// </summary>
/// <param name="MaxFileBytes">The largest compliance file read.</param>
/// <param name="MaxTotalBytes">The most bytes read from all compliance files together.</param>
/// <param name="MaxFiles">The most compliance files read.</param>
public sealed record FleetLimits(long MaxFileBytes, long MaxTotalBytes, int MaxFiles)
{
    /// <summary>4 MiB a file, 256 MiB in all, 20,000 files: a CI build writes a few KiB.</summary>
    public static FleetLimits Default { get; } = new(4L << 20, 256L << 20, 20_000);
}

/// <summary>
/// Finds and reads the compliance files of the paths given to <c>dotnet standards report</c>: a file is read whatever
/// its name; a folder is searched for <c>compliance.json</c> and <c>*.compliance.json</c> at any depth
/// (<see cref="FleetWalk"/>: links followed only within the folder, only regular files read). Every file that
/// cannot be used is a <see cref="FleetProblem"/>; the others are read.
/// </summary>
public static class FleetInputs
{
    /// <summary>Reads every compliance file under <paramref name="paths"/> within <see cref="FleetLimits.Default"/>.</summary>
    public static (IReadOnlyList<ComplianceRecord> Records, IReadOnlyList<FleetProblem> Problems) Read(IEnumerable<string> paths) =>
        Read(paths, FleetLimits.Default, CancellationToken.None);

    /// <summary>Reads every compliance file under <paramref name="paths"/> within <paramref name="limits"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static (IReadOnlyList<ComplianceRecord> Records, IReadOnlyList<FleetProblem> Problems) Read(IEnumerable<string> paths, FleetLimits limits, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<FleetProblem>();
        var files = FleetWalk.Find(paths, limits.MaxFiles, problems, cancellation);
        var budget = new Budget(limits);
        var texts = files.Select(f => (f.Path, Text: ReadText(f, budget, problems, cancellation))).Where(t => t.Text is not null);
        var (records, readProblems) = Parse(texts.Select(t => (t.Path, t.Text!)), cancellation);
        problems.AddRange(readProblems);
        return (records, problems);
    }

    /// <summary>
    /// Parses compliance texts: malformed and newer-version files are refused (STD7520, STD7521); a second file of the
    /// same repo and commit is refused naming the first (STD7522), so a build counted twice never weighs twice.
    /// </summary>
    public static (IReadOnlyList<ComplianceRecord> Records, IReadOnlyList<FleetProblem> Problems) Parse(IEnumerable<(string File, string Text)> texts) =>
        Parse(texts, CancellationToken.None);

    private static (IReadOnlyList<ComplianceRecord> Records, IReadOnlyList<FleetProblem> Problems) Parse(IEnumerable<(string File, string Text)> texts, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var records = new List<ComplianceRecord>();
        var problems = new List<FleetProblem>();
        var seen = new Dictionary<(string Repo, string Commit), string>();
        foreach (var (file, text) in texts)
        {
            cancellation.ThrowIfCancellationRequested();
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

    /// <summary>The bytes left to read in all; once spent, every later file is left out under one finding.</summary>
    private sealed class Budget(FleetLimits limits)
    {
        public FleetLimits Limits => limits;

        public long Read { get; set; }

        public bool Spent { get; set; }
    }

    private static string? ReadText(FleetFile file, Budget budget, List<FleetProblem> problems, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var limits = budget.Limits;
        if (budget.Spent)
        {
            return null;
        }

        try
        {
            using var stream = FleetFileSystem.OpenRegular(file.RealPath);
            if (stream is null)
            {
                problems.Add(new FleetProblem(ToolRuleIds.ComplianceNotRegular, file.Path, 0,
                    "It is not a regular file (a FIFO, socket, device or a link put there while it was read), so it is not read. Give the compliance.json files CI builds wrote."));
                return null;
            }

            var length = stream.Length;
            if (length > limits.MaxFileBytes)
            {
                problems.Add(TooLarge(file.Path, length, limits.MaxFileBytes));
                return null;
            }

            if (budget.Read + length > limits.MaxTotalBytes)
            {
                budget.Spent = true;
                problems.Add(new FleetProblem(ToolRuleIds.ComplianceTooLarge, file.Path, 0,
                    $"The compliance files read so far hold {budget.Read} bytes; with this one ({length} bytes) they would pass the limit of {limits.MaxTotalBytes} bytes in all, so it and every file after it are left out. Make the report from fewer folders at a time."));
                return null;
            }

            var bytes = ReadAtMost(stream, limits.MaxFileBytes, cancellation);
            if (bytes is null)
            {
                problems.Add(TooLarge(file.Path, null, limits.MaxFileBytes));
                return null;
            }

            budget.Read += bytes.Length;
            using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new FleetProblem(ToolRuleIds.ComplianceMalformed, file.Path, 0, $"The compliance file cannot be read: {ex.Message}. Check that the file is readable."));
            return null;
        }
    }

    private static FleetProblem TooLarge(string file, long? length, long limit) => new(ToolRuleIds.ComplianceTooLarge, file, 0,
        $"The file holds {(length is { } bytes ? $"{bytes} bytes, more than" : "more than")} the limit of {limit} bytes a compliance file may hold (a CI build writes a few KiB), so it is not read. Check where it came from.");

    // The stream's length can grow while it is read: at most limit + 1 bytes are read, null when there were more.
    private static byte[]? ReadAtMost(Stream stream, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
