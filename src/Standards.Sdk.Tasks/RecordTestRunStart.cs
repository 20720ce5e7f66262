using Standards.Sdk.Checks.TestReports;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Before a test project's run: records which result files of one kind (<see cref="Pattern"/>) its results
/// directory already holds (<see cref="TestRunStart"/>), so the tasks that run after the tests read only what this
/// run wrote: <see cref="CheckTestCoverage"/> its coverage report, <see cref="ConvertTestResultsToJUnit"/> its TRX.
/// </summary>
public sealed class RecordTestRunStart : StandardsTask
{
    /// <summary>The folder the test run writes its results to.</summary>
    [Microsoft.Build.Framework.Required]
    public string ResultsDirectory { get; set; } = string.Empty;

    /// <summary>The file name pattern of the result files (<c>*.cobertura.xml</c>, <c>*.trx</c>), searched in every subfolder.</summary>
    [Microsoft.Build.Framework.Required]
    public string Pattern { get; set; } = string.Empty;

    /// <summary>The record to write; its time is the run's start.</summary>
    [Microsoft.Build.Framework.Required]
    public string RunStartedFile { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var files = Directory.Exists(ResultsDirectory)
            ? Directory.EnumerateFiles(ResultsDirectory, Pattern, SearchOption.AllDirectories).Select(Describe).OfType<ResultFile>().ToList()
            : [];
        // Always written, even when unchanged: the file's time is when the run started.
        var notWritten = new List<string>();
        if (StateWriter.TryWrite(RunStartedFile, TestRunStart.Of(files).Write(), notWritten))
        {
            return true;
        }

        var finding = NotWritten(notWritten, "the record of which result files were there before this test run, without which its coverage report or TRX cannot be told apart from an earlier run's",
            IntermediateFolderFix, RunStartedFile);
        return LogAndRecord([finding], Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
    }

    /// <summary>The file's time and size now; null when it went away meanwhile (another run cleaning up).</summary>
    internal static ResultFile? Describe(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new ResultFile(info.FullName, info.LastWriteTimeUtc, info.Length) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
