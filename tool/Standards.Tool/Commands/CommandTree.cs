using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Standards.Adoption.Adopt;
using Standards.Tool.Commands.Adopt;
using Standards.Tool.Commands.Report;
using Standards.Tool.Commands.Survey;
using Standards.Tool.Commands.Update;
using Standards.Tool.Commands.Upgrade;

namespace Standards.Tool.Commands;

/// <summary>
/// The command tree of <c>dotnet standards</c>: the options every command shares, and each command's definition (its
/// folder holds its options, its command line and its handler). One instance per parse: a symbol belongs to one tree.
/// </summary>
internal sealed class CommandTree
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

    /// <summary>The repo's root folder (adopt, survey, upgrade).</summary>
    public readonly Argument<string> PathArgument = new("path")
    {
        Description = "The repo's root folder.",
        DefaultValueFactory = _ => ".",
    };

    /// <summary>--sdk-version (adopt, survey).</summary>
    public readonly Option<string> SdkVersionOption = new("--sdk-version")
    {
        Description = "The Standards.Sdk version to pin.",
        DefaultValueFactory = _ => CommandLine.ToolVersion,
        HelpName = "version",
    };

    /// <summary>--dry-run (adopt, upgrade, update).</summary>
    public readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Print the change set and the findings; write nothing." };

    /// <summary>--allow-dirty (adopt, upgrade, update).</summary>
    public readonly Option<bool> AllowDirtyOption = new("--allow-dirty") { Description = "Run although the git tree has uncommitted changes." };

    /// <summary>adopt: put an existing repo on Standards.Sdk.</summary>
    public AdoptCommandDefinition Adopt { get; }

    /// <summary>survey: every finding the repo would have.</summary>
    public SurveyCommandDefinition Survey { get; }

    /// <summary>upgrade: move the repo to a newer Standards.Sdk.</summary>
    public UpgradeCommandDefinition Upgrade { get; }

    /// <summary>report: the fleet page.</summary>
    public ReportCommandDefinition Report { get; }

    /// <summary>update: merge the template's changes.</summary>
    public UpdateCommandDefinition Update { get; }

    public CommandTree()
    {
        VerbosityOption.AcceptOnlyFromAmong("q", "quiet", "m", "minimal", "n", "normal", "d", "detailed", "diag", "diagnostic");
        FormatOption.AcceptOnlyFromAmong("text", "json");

        PathArgument.Validators.Add(result => RejectOption(result, result.GetValueOrDefault<string>()));
        Adopt = new AdoptCommandDefinition(this);
        Survey = new SurveyCommandDefinition(this);
        Upgrade = new UpgradeCommandDefinition(this);
        Report = new ReportCommandDefinition(this);
        Update = new UpdateCommandDefinition(this);
    }

    /// <summary>An unknown option is not a path: a path argument's value that starts with '-' is a usage error.</summary>
    internal static void RejectOption(ArgumentResult result, string? path)
    {
        if (path is not null && path.StartsWith('-'))
        {
            result.AddError($"Unrecognized command or argument '{path}'.");
        }
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
            Adopt.Create(console),
            Survey.Create(console),
            Upgrade.Create(console),
            Report.Create(console),
            Update.Create(console),
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

    /// <summary>The verbosity of a parsed command line.</summary>
    public Verbosity Verbosity(ParseResult parse) => parse.GetValue(VerbosityOption) switch
    {
        "q" or "quiet" => Tool.Verbosity.Quiet,
        "m" or "minimal" => Tool.Verbosity.Minimal,
        "d" or "detailed" => Tool.Verbosity.Detailed,
        "diag" or "diagnostic" => Tool.Verbosity.Diagnostic,
        _ => Tool.Verbosity.Normal,
    };

}
