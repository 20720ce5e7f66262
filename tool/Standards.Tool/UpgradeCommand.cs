using System.CommandLine;
using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool;

/// <summary><c>dotnet standards upgrade</c>: runs the <see cref="Upgrader"/> on the parsed options and writes the changelog.</summary>
internal static class UpgradeCommand
{
    /// <summary>The feeds of a repo root; tests replace them.</summary>
    internal static Func<string, IPackageFeeds> Feeds { get; set; } = root => new NuGetPackageFeeds(root);

    /// <summary>Runs a parsed upgrade command line: 0 upgraded (or already newest), 1 the CI build on the new version fails, 2 a coded error.</summary>
    public static int Run(Commands commands, ParseResult parse, ToolConsole console)
    {
        var (options, json) = commands.UpgradeOptions(parse);
        try
        {
            return Execute(options, json, console.Output, console.Runner(CancellationToken.None, null));
        }
        catch (ToolException ex)
        {
            console.Error.WriteLine(ex.Formatted());
            return CommandLine.Error;
        }
    }

    /// <summary>Parses an upgrade command line (without the word upgrade) into its options; a coded STD7508 when it does not parse.</summary>
    internal static (UpgradeOptions Options, bool Json) Parse(string[] args)
    {
        var commands = new Commands();
        var console = ToolConsole.Redirected(TextWriter.Null, TextWriter.Null, new ProcessCommandRunner());
        var parse = commands.Root(console).Parse(["upgrade", .. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            throw new ToolException(ToolRuleIds.Usage, parse.Errors[0].Message);
        }

        return commands.UpgradeOptions(parse);
    }

    private static int Execute(UpgradeOptions options, bool json, TextWriter output, ICommandRunner runner)
    {
        if (!Directory.Exists(options.Path))
        {
            throw new ToolException(ToolRuleIds.Usage, $"{options.Path} is not a folder. Give the repo's root folder (where global.json is).");
        }

        var result = new Upgrader(runner, Feeds(Path.GetFullPath(options.Path)), output).Run(options);
        if (result.From == result.To)
        {
            output.WriteLine($"Standards.Sdk {result.From} is the newest version the feeds serve; nothing to do.");
            return CommandLine.Success;
        }

        var reports = Path.Combine(Path.GetFullPath(options.Path), "artifacts", "standards");
        Directory.CreateDirectory(reports);
        var file = Path.Combine(reports, json ? UpgradeChangelog.JsonFile : UpgradeChangelog.MarkdownFile);
        File.WriteAllText(file, json ? UpgradeChangelog.Json(result) : UpgradeChangelog.Markdown(result));
        output.Write(UpgradeChangelog.Markdown(result));
        output.WriteLine($"Changelog: {file}");
        return result.Green ? CommandLine.Success : CommandLine.Findings;
    }
}
