using System.CommandLine;

namespace Standards.Tool.Commands.Report;

/// <summary>report's options and command line; its handler is <see cref="ReportCommand"/>.</summary>
internal sealed class ReportCommandDefinition
{
    private readonly CommandTree tree;

    private readonly Argument<string[]> ReportPathsArgument = new("paths")
    {
        Description = "compliance.json files, or folders searched at any depth for compliance.json and *.compliance.json (several of one repo make its history).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> ReportOutputOption = new("--output", "-o")
    {
        Description = "The folder for index.html and fleet.json (created when missing). Required.",
        HelpName = "folder",
    };

    public ReportCommandDefinition(CommandTree tree)
    {
        this.tree = tree;
        ReportPathsArgument.Validators.Add(result =>
        {
            foreach (var path in result.GetValueOrDefault<string[]>() ?? [])
            {
                CommandTree.RejectOption(result, path);
            }
        });
    }

    /// <summary>The report command; its action writes to <paramref name="console"/>.</summary>
    public Command Create(ToolConsole console)
    {
        var report = new Command("report", "Make the fleet report from the compliance.json files CI builds on Standards.Sdk write (artifacts/standards/): one self-contained index.html (sortable, filterable table of repos: SDK versions behind the newest, status, findings, baseline trend, exceptions expiring within 30 days, coverage; a section per repo with its rules) and fleet.json. Files that cannot be used (malformed, newer schema, duplicates, folders with none) are named and left out; the page is made from the others. Exit 1 when some were left out, 2 when none could be used.")
        {
            ReportPathsArgument,
            ReportOutputOption,
        };
        report.SetAction((parse, cancellation) => Task.FromResult(ReportCommand.Run(
            parse.GetValue(ReportPathsArgument) ?? [],
            parse.GetValue(ReportOutputOption),
            parse.GetValue(tree.FormatOption) == "json",
            tree.Verbosity(parse),
            console,
            cancellation)));
        return report;
    }
}
