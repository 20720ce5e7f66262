using System.CommandLine;
using Standards.Adoption;

namespace Standards.Tool;

/// <summary>One run of adopt or survey: progress while it works, then the result as text or JSON, and its exit code.</summary>
internal sealed class Run(Commands commands, ParseResult parse, ToolConsole console, string command)
{
    private readonly Verbosity verbosity = commands.Verbosity(parse);
    private readonly bool json = parse.GetValue(commands.FormatOption) == "json";

    public Task<int> AdoptAsync(CancellationToken cancellation) => ExecuteAsync((adopter, options) =>
    {
        var result = adopter.Run(options);
        return new Outcome(result, options.DryRun, result.CiBuildGreen ? CommandLine.Success : CommandLine.Findings, null);
    }, cancellation);

    public Task<int> SurveyAsync(string? folder, bool check, CancellationToken cancellation) => ExecuteAsync((adopter, options) =>
    {
        // A survey is an adoption run that writes nothing, on whatever state the tree is in.
        var result = adopter.Run(options with { DryRun = true, AllowDirty = true });
        // Cancelled after the last build: no report either.
        cancellation.ThrowIfCancellationRequested();
        var reports = Path.GetFullPath(folder ?? Path.Combine(options.Path, "artifacts", "standards"));
        Directory.CreateDirectory(reports);
        var markdown = Path.Combine(reports, SurveyReport.MarkdownFile);
        var sarif = Path.Combine(reports, SurveyReport.SarifFile);
        File.WriteAllText(markdown, SurveyReport.Markdown(result));
        File.WriteAllText(sarif, SurveyReport.Sarif(result.Findings, CommandLine.ToolVersion));

        return new Outcome(result, true, check && result.FailsCiAsItIs ? CommandLine.Findings : CommandLine.Success, new SurveyFiles(markdown, sarif));
    }, cancellation);

    private async Task<int> ExecuteAsync(Func<Adopter, AdoptOptions, Outcome> work, CancellationToken cancellation)
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
