using System.CommandLine;
using Standards.Adoption;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Commands;

/// <summary>
/// One run of adopt or survey (an adoption run that writes nothing): progress while it works, then the result as text
/// or JSON, and its exit code. Each command's handler (<see cref="Adopt.AdoptCommand"/>, <see cref="Survey.SurveyCommand"/>) gives the work.
/// </summary>
internal sealed class AdoptionRun(CommandTree commands, ParseResult parse, ToolConsole console, string command)
{
    private readonly Verbosity verbosity = commands.Verbosity(parse);
    private readonly bool json = parse.GetValue(commands.FormatOption) == "json";

    /// <summary>Runs <paramref name="work"/> on the parsed options with progress and cancellation, and reports its outcome.</summary>
    public async Task<int> ExecuteAsync(Func<Adopter, AdoptOptions, Outcome> work, CancellationToken cancellation)
    {
        var options = commands.AdoptOptions(parse);
        var progressWriter = json ? console.Error : console.Output;
        var progress = Progress.For(verbosity, progressWriter, json ? console.ErrorIsTerminal : console.OutputIsTerminal, console.NoColor);
        var adopter = new Adopter(console.Runner(cancellation, progress), progress.Log) { Cancellation = cancellation };
        try
        {
            // A signal after the work is done changes nothing: what was written is reported.
            var outcome = await progress.RunAsync(() => work(adopter, options)).ConfigureAwait(false);
            return Finish(outcome);
        }
        catch (OperationCanceledException)
        {
            return Cancel();
        }
        catch (ToolException) when (cancellation.IsCancellationRequested)
        {
            // A build interrupted by the same signal failed before the cancellation was seen: it is the cancellation.
            return Cancel();
        }
        catch (ToolException ex)
        {
            console.Error.WriteLine(ex.Formatted());
            WriteJson(JsonResult.Error(command, ex));
            return CommandLine.Error;
        }
    }

    private int Finish(Outcome outcome)
    {
        if (json)
        {
            WriteJson(JsonResult.Success(command, outcome));
        }
        else if (verbosity >= Verbosity.Minimal)
        {
            console.Output.Write(AdoptionReport.Write(outcome.Result, outcome.DryRun, survey: outcome.Reports is not null));
            if (outcome.Reports is { } reports)
            {
                console.Output.WriteLine($"Reports: {reports.Markdown}, {reports.Sarif}");
                console.Output.WriteLine(AdoptionReport.SurveyVerdict(outcome.Result));
            }
        }

        return outcome.ExitCode;
    }

    private int Cancel()
    {
        console.Error.WriteLine("Cancelled.");
        WriteJson(JsonResult.Cancelled(command));
        return CommandLine.Cancelled;
    }

    private void WriteJson(string document)
    {
        if (json)
        {
            console.Output.WriteLine(document);
        }
    }
}

/// <summary>The reports a survey wrote.</summary>
internal sealed record SurveyFiles(string Markdown, string Sarif);

/// <summary>What a run found and its exit code.</summary>
internal sealed record Outcome(AdoptionResult Result, bool DryRun, int ExitCode, SurveyFiles? Reports);
