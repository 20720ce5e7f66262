using System.Reflection;
using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool;

/// <summary>The command line of <c>dotnet standards</c>. Exit codes: 0 done, 1 done but the CI build still fails, 2 nothing done (a coded error).</summary>
internal static class CommandLine
{
    internal const string Usage = """
        Usage: dotnet standards adopt [path] [--dry-run] [--allow-dirty] [--sdk-version <version>]
               dotnet standards survey [path] [--sdk-version <version>] [--output <folder>]
               dotnet standards upgrade [path] [--to <version> | --latest] [--dry-run] [--allow-dirty] [--allow-downgrade] [--format md|json]

          adopt   Put an existing repo on Standards.Sdk: pin it in global.json, switch every project to it, move
                  inline package versions to Directory.Packages.props, write lock files, and record every current
                  finding in standards-baseline.json and standards-code-baseline.json so the CI build is green and
                  only new findings fail. Run it again after fixing findings: fixed entries leave the baselines.

          survey  Report every finding of the repo as it would be on Standards.Sdk (compiler, analyzers, repo checks),
                  also of projects whose dependencies fail, once per file and line across target frameworks:
                  survey.md (grouped by rule, counts, top files) and survey.sarif in artifacts/standards/
                  (or --output). Nothing else is written.

          upgrade Move the repo to a newer Standards.Sdk from its feeds (nuget.config, package source mapping):
                  global.json's pin, the tool manifest's Standards.Tool and the Standards.* package versions
                  together; restore, survey and verify on the new version as adopt does, recording new findings in
                  the baselines; write artifacts/standards/upgrade.md (or upgrade.json) with the policy changes.
                  A downgrade is refused unless --allow-downgrade.

          path            the repo root (default: the current folder)
          --dry-run       print the change set and the findings; write nothing
          --allow-dirty   run although the git tree has uncommitted changes
          --sdk-version   the Standards.Sdk version to pin (default: this tool's version, VERSION)

        See docs/adopting.md.
        """;

    /// <summary>This tool's version, which is the Standards.Sdk version it was packed with.</summary>
    internal static string ToolVersion
    {
        get
        {
            var informational = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, ICommandRunner runner)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                output.WriteLine(Usage.Replace("VERSION", ToolVersion, StringComparison.Ordinal));
                return args.Length == 0 ? 2 : 0;
            }

            if (args[0] is "--version")
            {
                output.WriteLine(ToolVersion);
                return 0;
            }

            if (args[0] == "survey")
            {
                return Survey(args.AsSpan(1), output, runner);
            }

            if (args[0] == "upgrade")
            {
                return UpgradeCommand.Run(args.AsSpan(1), output, runner, root => new NuGetPackageFeeds(root));
            }

            if (args[0] != "adopt")
            {
                throw new ToolException(ToolRuleIds.Usage, $"unknown command '{args[0]}'. The commands are `dotnet standards adopt`, `survey` and `upgrade` (see --help).");
            }

            var options = ParseAdopt(args.AsSpan(1));
            var result = new Adopter(runner, output).Run(options);
            output.Write(Adopter.Report(result, options.DryRun));
            return result.CiBuildGreen ? 0 : 1;
        }
        catch (ToolException ex)
        {
            error.WriteLine(ex.Formatted());
            return 2;
        }
    }

    private static int Survey(ReadOnlySpan<string> args, TextWriter output, ICommandRunner runner)
    {
        string? folder = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--output")
            {
                folder = i + 1 < args.Length ? args[++i] : throw new ToolException(ToolRuleIds.Usage, "--output needs a folder.");
            }
            else if (args[i] is "--dry-run" or "--allow-dirty")
            {
                throw new ToolException(ToolRuleIds.Usage, $"{args[i]} is an option of adopt; survey never writes to the repo and runs on any tree.");
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        // A survey is an adoption run that writes nothing, on whatever state the tree is in.
        var options = ParseAdopt([.. rest, "--dry-run", "--allow-dirty"]);
        var result = new Adopter(runner, output).Run(options);
        var reports = Path.GetFullPath(folder ?? Path.Combine(options.Path, "artifacts", "standards"));
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, SurveyReport.MarkdownFile), SurveyReport.Markdown(result));
        File.WriteAllText(Path.Combine(reports, SurveyReport.SarifFile), SurveyReport.Sarif(result.Findings, ToolVersion));
        output.Write(Adopter.Report(result, dryRun: true));
        output.WriteLine($"Reports: {Path.Combine(reports, SurveyReport.MarkdownFile)}, {Path.Combine(reports, SurveyReport.SarifFile)}");
        return 0;
    }

    internal static AdoptOptions ParseAdopt(ReadOnlySpan<string> args)
    {
        string? path = null;
        string? version = null;
        bool dryRun = false, allowDirty = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--allow-dirty":
                    allowDirty = true;
                    break;
                case "--sdk-version":
                    if (i + 1 >= args.Length || args[i + 1].StartsWith('-'))
                    {
                        throw new ToolException(ToolRuleIds.Usage, "--sdk-version needs a version, e.g. --sdk-version 1.2.0.");
                    }

                    version = args[++i];
                    break;
                case var option when option.StartsWith('-'):
                    throw new ToolException(ToolRuleIds.Usage, $"unknown option '{option}'. Options: --dry-run, --allow-dirty, --sdk-version <version>.");
                default:
                    if (path is not null)
                    {
                        throw new ToolException(ToolRuleIds.Usage, $"one path only; got '{path}' and '{args[i]}'.");
                    }

                    path = args[i];
                    break;
            }
        }

        return new AdoptOptions(path ?? Directory.GetCurrentDirectory(), version ?? ToolVersion, dryRun, allowDirty);
    }
}
