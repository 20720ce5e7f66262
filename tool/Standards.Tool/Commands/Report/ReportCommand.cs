using System.Text.Json.Nodes;
using Standards.Adoption;
using Standards.Adoption.Fleet;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Commands.Report;

/// <summary>
/// <c>dotnet standards report</c>: reads compliance files, writes index.html and fleet.json. Exit 0 when every input
/// was used, 1 when the page was made but inputs were left out (each named with its STD752x), 2 when nothing could be
/// made (no usable input, an unwritable folder, a wrong command line), 130 when cancelled (Ctrl-C, SIGTERM): then
/// neither file is written or changed.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The day expiry is counted from; tests fix it.</summary>
    internal static Func<DateOnly> Today { get; set; } = () => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The limits of the inputs; tests lower them.</summary>
    internal static FleetLimits Limits { get; set; } = FleetLimits.Default;

    /// <summary>Runs a parsed report command line at normal verbosity, not cancelled.</summary>
    public static int Run(IReadOnlyList<string> paths, string? output, bool json, ToolConsole console) =>
        Run(paths, output, json, Verbosity.Normal, console, CancellationToken.None);

    /// <summary>Runs a parsed report command line: quiet prints nothing but errors; <paramref name="cancellation"/> is Ctrl-C and SIGTERM.</summary>
    public static int Run(IReadOnlyList<string> paths, string? output, bool json, Verbosity verbosity, ToolConsole console, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(console);
        // Checked here, not by the parser: a required argument would make `report --help` a usage error.
        if (paths.Count == 0 || string.IsNullOrEmpty(output))
        {
            var usage = new ToolException(ToolRuleIds.Usage,
                $"{(paths.Count == 0 ? "Give at least one compliance.json file or folder" : "Give the output folder with -o|--output")}. See `dotnet standards report --help`.");
            console.Error.WriteLine(usage.Formatted());
            if (json)
            {
                console.Output.WriteLine(JsonResult.Error("report", usage));
            }

            return CommandLine.Error;
        }

        try
        {
            return Report(paths, output, json, verbosity, console, cancellation);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Cancelled.");
            if (json)
            {
                console.Output.WriteLine(JsonResult.Cancelled("report"));
            }

            return CommandLine.Cancelled;
        }
    }

    private static int Report(IReadOnlyList<string> paths, string output, bool json, Verbosity verbosity, ToolConsole console, CancellationToken cancellation)
    {
        var (records, problems) = FleetInputs.Read(paths, Limits, cancellation);
        foreach (var problem in problems)
        {
            console.Error.WriteLine(problem.Formatted());
        }

        try
        {
            if (records.Count == 0)
            {
                throw new ToolException(ToolRuleIds.ReportNotWritten,
                    $"None of the {paths.Count} path(s) gave a usable compliance file ({problems.Count} left out, above), so no report was written. Give the folders the CI builds' compliance.json artifacts were downloaded to.");
            }

            var fleet = FleetModel.Build(records, Today());
            var folder = Path.GetFullPath(output);
            var files = Write(folder, fleet, problems, cancellation);
            var exitCode = problems.Count == 0 ? CommandLine.Success : CommandLine.Findings;
            if (json)
            {
                console.Output.WriteLine(JsonResult.Report(exitCode, Result(fleet, problems, files)));
            }
            else if (verbosity > Verbosity.Quiet)
            {
                console.Output.WriteLine($"Fleet report: {fleet.Repos.Count} repo(s) from {fleet.Files} compliance file(s), {problems.Count} left out; {fleet.Expiring.Count} exception(s) expiring within {FleetModel.ExpiringDays} days.");
                console.Output.WriteLine(FleetText.Printable($"Written: {files.Html}, {files.Json}"));
            }

            return exitCode;
        }
        catch (ToolException ex)
        {
            console.Error.WriteLine(FleetText.Printable(ex.Formatted()));
            if (json)
            {
                console.Output.WriteLine(JsonResult.Error("report", ex));
            }

            return CommandLine.Error;
        }
    }

    /// <summary>
    /// Writes both files all or nothing: each to a temporary name in the output folder, then, past the last point a
    /// cancellation is honoured, moved over its name; a failure or a cancellation before that removes the temporary
    /// files and leaves the folder as it was.
    /// </summary>
    private static (string Html, string Json) Write(string folder, FleetModel fleet, IReadOnlyList<FleetProblem> problems, CancellationToken cancellation)
    {
        var html = Path.Combine(folder, FleetHtml.FileName);
        var json = Path.Combine(folder, FleetJson.FileName);
        var suffix = $".{Guid.NewGuid():N}.tmp";
        var temporary = (Html: Path.Combine(folder, "." + FleetHtml.FileName + suffix), Json: Path.Combine(folder, "." + FleetJson.FileName + suffix));
        try
        {
            var page = FleetHtml.Write(fleet, problems, cancellation);
            var data = FleetJson.Write(fleet, problems);
            cancellation.ThrowIfCancellationRequested();
            Directory.CreateDirectory(folder);
            File.WriteAllText(temporary.Html, page);
            File.WriteAllText(temporary.Json, data);
            cancellation.ThrowIfCancellationRequested();
            File.Move(temporary.Json, json, overwrite: true);
            File.Move(temporary.Html, html, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(ToolRuleIds.ReportNotWritten, $"The report cannot be written to {folder}: {ex.Message}. Give a folder you can write with -o.");
        }
        finally
        {
            Delete(temporary.Html);
            Delete(temporary.Json);
        }

        return (html, json);
    }

    private static void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind only when the folder itself became unwritable; its dot name keeps it out of the way.
        }
    }

    private static JsonObject Result(FleetModel fleet, IReadOnlyList<FleetProblem> problems, (string Html, string Json) files) => new()
    {
        ["repos"] = fleet.Repos.Count,
        ["files"] = fleet.Files,
        ["newestSdkVersion"] = fleet.NewestSdkVersion,
        ["failing"] = fleet.Repos.Count(r => r.Status == "failing"),
        ["expiring"] = fleet.Expiring.Count,
        ["leftOut"] = new JsonArray([.. problems.Select(p => (JsonNode?)new JsonObject
        {
            ["code"] = p.Code,
            ["file"] = p.File,
            ["line"] = p.Line,
            ["message"] = p.Message,
        })]),
        ["reports"] = new JsonObject { ["html"] = files.Html, ["json"] = files.Json },
    };
}
