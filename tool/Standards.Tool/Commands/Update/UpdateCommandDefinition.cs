using System.CommandLine;

namespace Standards.Tool.Commands.Update;

/// <summary>update's options and command line; its handler is <see cref="UpdateCommand"/>.</summary>
internal sealed class UpdateCommandDefinition(CommandTree tree)
{
    private readonly Argument<string> UpdatePathArgument = new("path")
    {
        Description = "The repo's root folder.",
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<string?> TemplateToOption = new("--to")
    {
        Description = "The Standards.Templates version to update to [default: the newest version the feeds list].",
        HelpName = "version",
    };

    private readonly Option<bool> UpdateCheckOption = new("--check")
    {
        Description = "Report how far the repo is behind the templates and which files would change; write nothing; exit 1 when behind (for CI).",
    };

    private readonly Option<bool> InitOption = new("--init")
    {
        Description = "Record what generated a repo made before the templates wrote .standards/template-record.json: --template, --from and the options it was generated with (--name=<-n value> --owner=<owner> ...).",
    };

    private readonly Option<string?> TemplateOption = new("--template") { Description = "With --init: the template's short name (std-service, std-worker, std-lib).", HelpName = "short name" };

    private readonly Option<string?> FromOption = new("--from") { Description = "With --init: the Standards.Templates version the repo was generated with.", HelpName = "version" };

    /// <summary>
    /// The update request of a parsed update command line. The tokens it did not match are the template options of
    /// --init; the parser gives the first of them to the path when no path was typed before them.
    /// </summary>
    public UpdateCommand.Request UpdateRequest(ParseResult parse)
    {
        var path = parse.GetValue(UpdatePathArgument) ?? ".";
        var optionAsPath = path.StartsWith('-');
        return new(
            new Standards.Adoption.Update.UpdateOptions(
                optionAsPath ? "." : path,
                parse.GetValue(TemplateToOption),
                parse.GetValue(tree.DryRunOption),
                parse.GetValue(UpdateCheckOption),
                parse.GetValue(tree.AllowDirtyOption)),
            parse.GetValue(InitOption),
            parse.GetValue(TemplateOption),
            parse.GetValue(FromOption),
            [.. optionAsPath ? [path] : Array.Empty<string>(), .. parse.UnmatchedTokens]);
    }

    /// <summary>The update command; its action writes to <paramref name="console"/>.</summary>
    public Command Create(ToolConsole console)
    {
        var update = new Command("update", "Bring a generated repo up to date with its template: regenerate the template recorded in .standards/template-record.json at the recorded version and at the new one (in a private template hive), and merge the template's changes into the repo file by file, three ways. Files you did not touch take the new content; files both changed are merged, overlapping edits written with conflict markers and listed; files the template added are added, those it removed are removed only if you did not change them; lock files are restored. All files or none. Exit 1 when a file needs you (conflict, binary, deleted or renamed), or with --check when the repo is behind.")
        {
            UpdatePathArgument,
            TemplateToOption,
            tree.DryRunOption,
            UpdateCheckOption,
            tree.AllowDirtyOption,
            InitOption,
            TemplateOption,
            FromOption,
        };
        update.TreatUnmatchedTokensAsErrors = false;
        update.Validators.Add(result =>
        {
            var init = result.GetValue(InitOption);
            if (init && (result.GetValue(TemplateOption) is null || result.GetValue(FromOption) is null))
            {
                result.AddError("--init needs --template <short name> and --from <version>.");
            }
            else if (!init && (result.GetResult(TemplateOption) is not null || result.GetResult(FromOption) is not null))
            {
                result.AddError("--template and --from go with --init only.");
            }
        });
        update.SetAction((parse, cancellation) => UpdateCommand.RunAsync(UpdateRequest(parse), tree.Verbosity(parse), parse.GetValue(tree.FormatOption) == "json", console, cancellation));
        return update;
    }
}
