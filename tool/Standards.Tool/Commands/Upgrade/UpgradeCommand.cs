using System.CommandLine;
using System.Text.Json.Nodes;
using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Commands.Upgrade;

/// <summary>
/// <c>dotnet standards upgrade</c>: runs the <see cref="Upgrader"/> on the parsed options with progress (phase lines
/// with the elapsed time, the builds' output by verbosity) and cancellation, as adopt does, and writes the changelog.
/// Exit codes: 0 upgraded (or already newest), 1 the CI build on the new version fails, 2 a coded error, 130 cancelled
/// (nothing written).
/// </summary>
internal static class UpgradeCommand
{
    /// <summary>The feeds of a repo root; tests replace them.</summary>
    internal static Func<string, IPackageFeeds> Feeds { get; set; } = root => new NuGetPackageFeeds(root);

    /// <summary>Runs a parsed upgrade command line; with --format json every outcome (errors and cancellation too) is one JSON document on standard output.</summary>
    public static async Task<int> RunAsync(CommandTree tree, ParseResult parse, ToolConsole console, CancellationToken cancellation)
    {
        var (options, json) = tree.Upgrade.UpgradeOptions(parse);
        var progress = Progress.For(tree.Verbosity(parse), json ? console.Error : console.Output, json ? console.ErrorIsTerminal : console.OutputIsTerminal, console.NoColor);
        try
        {
            return await progress.RunAsync(() => Execute(options, json, console.Output, console.Runner(cancellation, progress), progress.Log, cancellation)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Cancel(console, json);
        }
        catch (ToolException) when (cancellation.IsCancellationRequested)
        {
            // A build interrupted by the same signal failed before the cancellation was seen: it is the cancellation.
            return Cancel(console, json);
        }
        catch (ToolException ex)
        {
            console.Error.WriteLine(ex.Formatted());
            if (json)
            {
                console.Output.WriteLine(JsonResult.Error("upgrade", ex));
            }

            return CommandLine.Error;
        }
    }

    private static int Cancel(ToolConsole console, bool json)
    {
        // The message of every command: a signal during `dotnet tool restore` comes after the upgrade was written, so
        // "nothing was written" would not hold for every cancellation of upgrade.
        console.Error.WriteLine("Cancelled.");
        if (json)
        {
            console.Output.WriteLine(JsonResult.Cancelled("upgrade"));
        }

        return CommandLine.Cancelled;
    }

    /// <summary>Parses an upgrade command line (without the word upgrade) into its options; a coded STD7508 when it does not parse.</summary>
    internal static (UpgradeOptions Options, bool Json) Parse(string[] args)
    {
        var tree = new CommandTree();
        var console = ToolConsole.Redirected(TextWriter.Null, TextWriter.Null, new ProcessCommandRunner());
        var parse = tree.Root(console).Parse(["upgrade", .. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            throw new ToolException(ToolRuleIds.Usage, parse.Errors[0].Message);
        }

        return tree.Upgrade.UpgradeOptions(parse);
    }

    private static int Execute(UpgradeOptions options, bool json, TextWriter output, ICommandRunner runner, TextWriter log, CancellationToken cancellation)
    {
        if (!Directory.Exists(options.Path))
        {
            throw new ToolException(ToolRuleIds.Usage, $"{options.Path} is not a folder. Give the repo's root folder (where global.json is).");
        }

        var result = new Upgrader(runner, Feeds(Path.GetFullPath(options.Path)), log) { Cancellation = cancellation }.Run(options);
        if (result.From == result.To)
        {
            var message = $"Standards.Sdk {result.From} is the newest version the feeds serve; nothing to do.";
            output.WriteLine(json
                ? JsonResult.Finished("upgrade", CommandLine.Success, new JsonObject { ["from"] = result.From, ["to"] = result.To, ["upToDate"] = true, ["written"] = false, ["message"] = message })
                : message);
            return CommandLine.Success;
        }

        var reports = Path.Combine(Path.GetFullPath(options.Path), "artifacts", "standards");
        Directory.CreateDirectory(reports);
        var file = Path.Combine(reports, json ? UpgradeChangelog.JsonFile : UpgradeChangelog.MarkdownFile);
        var changelog = json ? UpgradeChangelog.Json(result) : UpgradeChangelog.Markdown(result);
        File.WriteAllText(file, changelog);
        var exit = result.Green ? CommandLine.Success : CommandLine.Findings;
        if (json)
        {
            // The document carries the changelog's facts; the file is the same JSON, for the pull request.
            var facts = UpgradeChangelog.Facts(result);
            facts["upToDate"] = false;
            facts["changelog"] = file;
            output.WriteLine(JsonResult.Finished("upgrade", exit, facts));
        }
        else
        {
            output.Write(changelog);
            output.WriteLine($"Changelog: {file}");
        }

        return exit;
    }
}
