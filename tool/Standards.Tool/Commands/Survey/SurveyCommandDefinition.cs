using System.CommandLine;

namespace Standards.Tool.Commands.Survey;

/// <summary>survey's options and command line; its handler is <see cref="SurveyCommand"/>.</summary>
internal sealed class SurveyCommandDefinition(CommandTree tree)
{
    private readonly Option<string?> OutputOption = new("--output", "-o")
    {
        Description = "The folder for survey.md and survey.sarif [default: <path>/artifacts/standards].",
        HelpName = "folder",
    };

    private readonly Option<bool> CheckOption = new("--check")
    {
        Description = "Exit 1 when the repo has findings its baselines do not hold (the CI build would fail on them), as `dotnet format --verify-no-changes` does.",
    };

    /// <summary>The survey command; its action writes to <paramref name="console"/>.</summary>
    public Command Create(ToolConsole console)
    {
        var survey = new Command("survey", "Report every finding of the repo as it would be on Standards.Sdk (compiler, analyzers, repo checks), once per file and line: survey.md and survey.sarif in artifacts/standards/ (or --output). Nothing else is written; runs on any tree.")
        {
            tree.PathArgument,
            tree.SdkVersionOption,
            OutputOption,
            CheckOption,
        };
        survey.SetAction((parse, cancellation) => SurveyCommand.RunAsync(tree, parse, console, parse.GetValue(OutputOption), parse.GetValue(CheckOption), cancellation));
        return survey;
    }
}
