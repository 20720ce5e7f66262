using System.CommandLine;
using Standards.Adoption.Survey;

namespace Standards.Tool.Commands.Survey;

/// <summary>
/// <c>dotnet standards survey</c>: an adoption run that writes nothing, on whatever state the tree is in, then
/// survey.md and survey.sarif. Exit codes: 0, or 1 with --check when the CI build would fail as the tree is; 2 a coded
/// error; 130 cancelled.
/// </summary>
internal static class SurveyCommand
{
    /// <summary>Runs a parsed survey command line; the reports go to <paramref name="folder"/> (null: artifacts/standards of the repo).</summary>
    public static Task<int> RunAsync(CommandTree tree, ParseResult parse, ToolConsole console, string? folder, bool check, CancellationToken cancellation) =>
        new AdoptionRun(tree, parse, console, "survey").ExecuteAsync((adopter, options) =>
        {
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
}
