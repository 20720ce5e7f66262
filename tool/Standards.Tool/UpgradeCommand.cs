using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool;

/// <summary><c>dotnet standards upgrade</c>: parses its options into <see cref="UpgradeOptions"/>, runs the <see cref="Upgrader"/> and writes the changelog.</summary>
internal static class UpgradeCommand
{
    public static int Run(ReadOnlySpan<string> args, TextWriter output, ICommandRunner runner, Func<string, IPackageFeeds> feeds)
    {
        var (options, json) = Parse(args);
        if (!Directory.Exists(options.Path))
        {
            throw new ToolException(ToolRuleIds.Usage, $"{options.Path} is not a folder. Give the repo's root folder (where global.json is).");
        }

        var result = new Upgrader(runner, feeds(Path.GetFullPath(options.Path)), output).Run(options);
        if (result.From == result.To)
        {
            output.WriteLine($"Standards.Sdk {result.From} is the newest version the feeds serve; nothing to do.");
            return 0;
        }

        var reports = Path.Combine(Path.GetFullPath(options.Path), "artifacts", "standards");
        Directory.CreateDirectory(reports);
        var file = Path.Combine(reports, json ? UpgradeChangelog.JsonFile : UpgradeChangelog.MarkdownFile);
        File.WriteAllText(file, json ? UpgradeChangelog.Json(result) : UpgradeChangelog.Markdown(result));
        output.Write(UpgradeChangelog.Markdown(result));
        output.WriteLine($"Changelog: {file}");
        return result.Green ? 0 : 1;
    }

    internal static (UpgradeOptions Options, bool Json) Parse(ReadOnlySpan<string> args)
    {
        string? path = null, to = null, format = null;
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--dry-run" or "--allow-dirty" or "--allow-downgrade" or "--latest")
            {
                flags.Add(args[i]);
            }
            else if (args[i] is "--to" or "--format")
            {
                var value = i + 1 < args.Length && !args[i + 1].StartsWith('-') ? args[++i] : throw new ToolException(ToolRuleIds.Usage, $"{args[i]} needs a value, e.g. --to 1.4.0 or --format json.");
                (to, format) = args[i - 1] == "--to" ? (value, format) : (to, value);
            }
            else if (args[i].StartsWith('-'))
            {
                throw new ToolException(ToolRuleIds.Usage, $"unknown option '{args[i]}'. Options: --to <version>, --latest, --dry-run, --allow-dirty, --allow-downgrade, --format md|json.");
            }
            else
            {
                path = path is null ? args[i] : throw new ToolException(ToolRuleIds.Usage, $"one path only; got '{path}' and '{args[i]}'.");
            }
        }

        if (flags.Contains("--latest") && to is not null)
        {
            throw new ToolException(ToolRuleIds.Usage, "--to and --latest exclude each other: give one.");
        }

        if (format is not (null or "md" or "json"))
        {
            throw new ToolException(ToolRuleIds.Usage, $"--format {format}: the formats are md and json.");
        }

        var options = new UpgradeOptions(path ?? Directory.GetCurrentDirectory(), to, flags.Contains("--dry-run"), flags.Contains("--allow-dirty"), flags.Contains("--allow-downgrade"));
        return (options, format == "json");
    }
}
