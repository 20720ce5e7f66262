using System.CommandLine;
using System.Text.Json.Nodes;
using Standards.Adoption;
using Standards.Adoption.Fleet;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool;

/// <summary>
/// <c>dotnet standards report</c>: reads compliance files, writes index.html and fleet.json. Exit 0 when every input
/// was used, 1 when the page was made but inputs were left out (each named with its STD752x), 2 when nothing could be
/// made (no usable input, an unwritable folder, a wrong command line).
/// </summary>
internal static class ReportCommand
{
    /// <summary>The day expiry is counted from; tests fix it.</summary>
    internal static Func<DateOnly> Today { get; set; } = () => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Runs a parsed report command line.</summary>
    public static int Run(IReadOnlyList<string> paths, string? output, bool json, ToolConsole console)
    {
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

        var (records, problems) = FleetInputs.Read(paths);
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
            var files = Write(folder, fleet, problems);
            var exitCode = problems.Count == 0 ? CommandLine.Success : CommandLine.Findings;
            if (json)
            {
                console.Output.WriteLine(JsonResult.Report(exitCode, Result(fleet, problems, files)));
            }
            else
            {
                console.Output.WriteLine($"Fleet report: {fleet.Repos.Count} repo(s) from {fleet.Files} compliance file(s), {problems.Count} left out; {fleet.Expiring.Count} exception(s) expiring within {FleetModel.ExpiringDays} days.");
                console.Output.WriteLine($"Written: {files.Html}, {files.Json}");
            }

            return exitCode;
        }
        catch (ToolException ex)
        {
            console.Error.WriteLine(ex.Formatted());
            if (json)
            {
                console.Output.WriteLine(JsonResult.Error("report", ex));
            }

            return CommandLine.Error;
        }
    }

    private static (string Html, string Json) Write(string folder, FleetModel fleet, IReadOnlyList<FleetProblem> problems)
    {
        var html = Path.Combine(folder, FleetHtml.FileName);
        var json = Path.Combine(folder, FleetJson.FileName);
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(html, FleetHtml.Write(fleet, problems));
            File.WriteAllText(json, FleetJson.Write(fleet, problems));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(ToolRuleIds.ReportNotWritten, $"The report cannot be written to {folder}: {ex.Message}. Give a folder you can write with -o.");
        }

        return (html, json);
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
