using System.CommandLine;
using System.CommandLine.Help;
using Standards.Adoption;

namespace Standards.Tool;

/// <summary>The commands and options of <c>dotnet standards</c>: one instance per parse (a symbol belongs to one command tree).</summary>
internal sealed class Commands
{
    /// <summary>-v|--verbosity, as the dotnet CLI spells its levels.</summary>
    public readonly Option<string> VerbosityOption = new("--verbosity", "-v")
    {
        Description = "How much to print: q[uiet] (errors only), m[inimal] (the result), n[ormal] (progress and the result), d[etailed] (also each command and project), diag[nostic] (also every build line).",
        DefaultValueFactory = _ => "normal",
        HelpName = "level",
        Recursive = true,
    };

    /// <summary>--format text|json.</summary>
    public readonly Option<string> FormatOption = new("--format")
    {
        Description = $"The result as text, or as one JSON document on standard output, whatever the outcome (progress then goes to standard error; shape: {CommandLine.DocsUrl}).",
        DefaultValueFactory = _ => "text",
        Recursive = true,
    };

    private readonly Argument<string> PathArgument = new("path")
    {
        Description = "The repo's root folder.",
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<string> SdkVersionOption = new("--sdk-version")
    {
        Description = "The Standards.Sdk version to pin.",
        DefaultValueFactory = _ => CommandLine.ToolVersion,
        HelpName = "version",
    };

    private readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Print the change set and the findings; write nothing." };

    private readonly Option<bool> AllowDirtyOption = new("--allow-dirty") { Description = "Run although the git tree has uncommitted changes." };

    private readonly Option<string?> OutputOption = new("--output", "-o")
    {
        Description = "The folder for survey.md and survey.sarif [default: <path>/artifacts/standards].",
        HelpName = "folder",
    };

    private readonly Option<bool> CheckOption = new("--check")
    {
        Description = "Exit 1 when the repo has findings its baselines do not hold (the CI build would fail on them), as `dotnet format --verify-no-changes` does.",
    };

    private readonly Option<int> GraceOption = new("--grace")
    {
        Description = "Days the findings new under the new version stay baselined: each entry the upgrade records expires that many days from today and then fails the CI build again.",
        DefaultValueFactory = _ => Standards.Adoption.Upgrade.UpgradeOptions.DefaultGraceDays,
        HelpName = "days",
    };

    private readonly Option<string?> ToOption = new("--to")
    {
        Description = "The Standards.Sdk version to move to [default: the newest version the feeds list].",
        HelpName = "version",
    };

    private readonly Option<bool> LatestOption = new("--latest") { Description = "Move to the newest version the feeds list (the default; says so explicitly)." };

    private readonly Option<bool> AllowDowngradeOption = new("--allow-downgrade") { Description = "Accept a --to version older than the pinned one." };

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

    public Commands()
    {
        VerbosityOption.AcceptOnlyFromAmong("q", "quiet", "m", "minimal", "n", "normal", "d", "detailed", "diag", "diagnostic");
        FormatOption.AcceptOnlyFromAmong("text", "json");

        // An unknown option is not a path.
        PathArgument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && path.StartsWith('-'))
            {
                result.AddError($"Unrecognized command or argument '{path}'.");
            }
        });
        ReportPathsArgument.Validators.Add(result =>
        {
            foreach (var path in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (path.StartsWith('-'))
                {
                    result.AddError($"Unrecognized command or argument '{path}'.");
                }
            }
        });
    }

    /// <summary>Examples shown after the help of a command.</summary>
    public static IEnumerable<string> Examples(string command) => command switch
    {
        "adopt" => ["dotnet standards adopt --dry-run", "dotnet standards adopt path/to/repo --sdk-version 1.2.0", "dotnet standards adopt --allow-dirty -v d"],
        "upgrade" => ["dotnet standards upgrade --dry-run", "dotnet standards upgrade --to 1.4.0", "dotnet standards upgrade --latest --format json"],
        "report" => ["dotnet standards report downloads/ -o fleet-report", "dotnet standards report a/compliance.json b/compliance.json -o out --format json"],
        "update" => ["dotnet standards update --check", "dotnet standards update --dry-run", "dotnet standards update --init --template std-service --from 1.2.0 --name=Acme.Orders --owner=@acme/orders"],
        "survey" => ["dotnet standards survey", "dotnet standards survey --check --format json", "dotnet standards survey path/to/repo -o survey-reports"],
        _ => ["dotnet standards adopt --dry-run", "dotnet standards survey --check", "dotnet standards adopt --help"],
    };

    /// <summary>The root's help: every command in one line, then where the docs are.</summary>
    internal static string RootDescription => $"""
        dotnet standards: put .NET repos on Standards.Sdk and keep them there.
          adopt    put an existing repo on Standards.Sdk, recording today's findings in the baselines
          survey   list every finding the repo would have on Standards.Sdk; --check fails on those the baselines do not hold
          upgrade  move the repo to a newer Standards.Sdk, with the policy changes and the baselines it needs
          update   merge the changes of the template the repo was generated from
          report   make the fleet page from many repos' compliance.json files
        `dotnet standards <command> --help` for one command. Docs: {CommandLine.DocsUrl}
        """;

    /// <summary>
    /// update takes the template options of --init as unmatched tokens; System.CommandLine's help calls them "arguments
    /// passed to the application that is being run", which is not what they are here.
    /// </summary>
    internal static string DescribeUnmatchedTokens(string help) => help
        .Replace("[[--] <additional arguments>...]]", "[--init --template <short name> --from <version> <template option>...]", StringComparison.Ordinal)
        .Replace($"Additional Arguments:{Environment.NewLine}  Arguments passed to the application that is being run.", $"Template options (with --init):{Environment.NewLine}  The options the repo was generated with, as given to dotnet new: --name=<-n value> --owner=<owner> --ci=<ci> ...", StringComparison.Ordinal);

    /// <summary>The root command with its subcommands; actions write to <paramref name="console"/>.</summary>
    public RootCommand Root(ToolConsole console)
    {
        var root = new RootCommand(RootDescription)
        {
            Adopt(console),
            Survey(console),
            Upgrade(console),
            Report(console),
            Update(console),
        };
        root.Options.Add(VerbosityOption);
        root.Options.Add(FormatOption);
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                CommandLine.AddExamples(help, console);
            }
            else if (option is VersionOption version)
            {
                version.Action = new CommandLine.PrintVersion(console);
            }
        }

        return root;
    }

    /// <summary>The adoption options of a parsed adopt or survey command line.</summary>
    public AdoptOptions AdoptOptions(ParseResult parse) => new(
        parse.GetValue(PathArgument) ?? ".",
        parse.GetValue(SdkVersionOption) ?? CommandLine.ToolVersion,
        parse.GetValue(DryRunOption),
        parse.GetValue(AllowDirtyOption));

    /// <summary>The upgrade options of a parsed upgrade command line, and whether the changelog is JSON.</summary>
    public (Standards.Adoption.Upgrade.UpgradeOptions Options, bool Json) UpgradeOptions(ParseResult parse) => (
        new Standards.Adoption.Upgrade.UpgradeOptions(
            parse.GetValue(PathArgument) ?? ".",
            parse.GetValue(ToOption),
            parse.GetValue(DryRunOption),
            parse.GetValue(AllowDirtyOption),
            parse.GetValue(AllowDowngradeOption),
            GraceDays: parse.GetValue(GraceOption)),
        parse.GetValue(FormatOption) == "json");

    /// <summary>The verbosity of a parsed command line.</summary>
    public Verbosity Verbosity(ParseResult parse) => parse.GetValue(VerbosityOption) switch
    {
        "q" or "quiet" => Tool.Verbosity.Quiet,
        "m" or "minimal" => Tool.Verbosity.Minimal,
        "d" or "detailed" => Tool.Verbosity.Detailed,
        "diag" or "diagnostic" => Tool.Verbosity.Diagnostic,
        _ => Tool.Verbosity.Normal,
    };

    private Command Adopt(ToolConsole console)
    {
        var adopt = new Command("adopt", "Put an existing repo on Standards.Sdk: pin it in global.json, switch every project to it, move inline package versions to Directory.Packages.props, write lock files, and record every current finding in the baselines so the CI build is green and only new findings fail. All files or none; run it again after fixing findings. Exit 1 when the CI build still fails (findings no baseline can hold).")
        {
            PathArgument,
            DryRunOption,
            AllowDirtyOption,
            SdkVersionOption,
        };
        adopt.SetAction((parse, cancellation) => new Run(this, parse, console, "adopt").AdoptAsync(cancellation));
        return adopt;
    }

    private Command Survey(ToolConsole console)
    {
        var survey = new Command("survey", "Report every finding of the repo as it would be on Standards.Sdk (compiler, analyzers, repo checks), once per file and line: survey.md and survey.sarif in artifacts/standards/ (or --output). Nothing else is written; runs on any tree.")
        {
            PathArgument,
            SdkVersionOption,
            OutputOption,
            CheckOption,
        };
        survey.SetAction((parse, cancellation) => new Run(this, parse, console, "survey").SurveyAsync(parse.GetValue(OutputOption), parse.GetValue(CheckOption), cancellation));
        return survey;
    }

    private Command Upgrade(ToolConsole console)
    {
        var upgrade = new Command("upgrade", "Move the repo to a newer Standards.Sdk from its feeds (nuget.config, package source mapping): global.json's pin, the tool manifest's Standards.Tool and the Standards.* package versions together; restore, survey and verify on the new version as adopt does, recording new findings in the baselines; write artifacts/standards/upgrade.md (upgrade.json with --format json) with the policy changes. All files or none. A downgrade is refused unless --allow-downgrade. Exit 1 when the CI build on the new version still fails.")
        {
            PathArgument,
            ToOption,
            LatestOption,
            DryRunOption,
            AllowDirtyOption,
            AllowDowngradeOption,
            GraceOption,
        };
        upgrade.Validators.Add(result =>
        {
            if (result.GetResult(GraceOption) is { Implicit: false, Tokens.Count: 1 } grace
                && int.TryParse(grace.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is < 1 or > Standards.Adoption.Upgrade.UpgradeOptions.MaxGraceDays)
            {
                result.AddError($"--grace is {days}; give a number of days from 1 to {Standards.Adoption.Upgrade.UpgradeOptions.MaxGraceDays}.");
            }

            if (result.GetResult(ToOption) is not null && result.GetValue(LatestOption))
            {
                result.AddError("--to and --latest exclude each other: give one.");
            }
        });
        upgrade.SetAction((parse, cancellation) => UpgradeCommand.RunAsync(this, parse, console, cancellation));
        return upgrade;
    }

    private Command Report(ToolConsole console)
    {
        var report = new Command("report", "Make the fleet report from the compliance.json files CI builds on Standards.Sdk write (artifacts/standards/): one self-contained index.html (sortable, filterable table of repos: SDK versions behind the newest, status, findings, baseline trend, exceptions expiring within 30 days, coverage; a section per repo with its rules) and fleet.json. Files that cannot be used (malformed, newer schema, duplicates, folders with none) are named and left out; the page is made from the others. Exit 1 when some were left out, 2 when none could be used.")
        {
            ReportPathsArgument,
            ReportOutputOption,
        };
        report.SetAction((parse, cancellation) => Task.FromResult(ReportCommand.Run(
            parse.GetValue(ReportPathsArgument) ?? [],
            parse.GetValue(ReportOutputOption),
            parse.GetValue(FormatOption) == "json",
            Verbosity(parse),
            console,
            cancellation)));
        return report;
    }

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
                parse.GetValue(DryRunOption),
                parse.GetValue(UpdateCheckOption),
                parse.GetValue(AllowDirtyOption)),
            parse.GetValue(InitOption),
            parse.GetValue(TemplateOption),
            parse.GetValue(FromOption),
            [.. optionAsPath ? [path] : Array.Empty<string>(), .. parse.UnmatchedTokens]);
    }

    private Command Update(ToolConsole console)
    {
        var update = new Command("update", "Bring a generated repo up to date with its template: regenerate the template recorded in .standards/template-record.json at the recorded version and at the new one (in a private template hive), and merge the template's changes into the repo file by file, three ways. Files you did not touch take the new content; files both changed are merged, overlapping edits written with conflict markers and listed; files the template added are added, those it removed are removed only if you did not change them; lock files are restored. All files or none. Exit 1 when a file needs you (conflict, binary, deleted or renamed), or with --check when the repo is behind.")
        {
            UpdatePathArgument,
            TemplateToOption,
            DryRunOption,
            UpdateCheckOption,
            AllowDirtyOption,
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
        update.SetAction((parse, cancellation) => UpdateCommand.RunAsync(UpdateRequest(parse), Verbosity(parse), parse.GetValue(FormatOption) == "json", console, cancellation));
        return update;
    }
}
