using System.CommandLine;
using Standards.Adoption;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;
using Standards.Tool.Commands;

namespace Standards.Tool;

/// <summary>
/// A command line that does not parse: each error as STD7508 with the closest command or option when a word looks
/// like a typo, the way to the help, and exit code 2. Nothing runs.
/// </summary>
internal static class UsageErrors
{
    public static int Report(ParseResult parse, CommandTree commands, ToolConsole console)
    {
        var command = parse.CommandResult.Command;
        var name = command is RootCommand ? "dotnet standards" : $"dotnet standards {command.Name}";
        var names = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Append(o.Name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        ToolException? first = null;

        // "Required command was not provided" says nothing more when a word was not understood.
        var errors = parse.Errors.Count > 1 ? parse.Errors.Where(e => e.Message.Contains('\'', StringComparison.Ordinal)).ToList() : [.. parse.Errors];
        foreach (var error in errors)
        {
            var message = error.Message.Replace(":\n\t", ": ", StringComparison.Ordinal).Replace("\n\t", ", ", StringComparison.Ordinal);
            var hint = Suggestion(message, names);
            var exception = new ToolException(ToolRuleIds.Usage, $"{message.TrimEnd('.')}.{hint} See `{name} --help`.");
            first ??= exception;
            console.Error.WriteLine(exception.Formatted());
        }

        if (parse.GetResult(commands.FormatOption)?.Tokens is [{ Value: "json" }] && first is not null)
        {
            console.Output.WriteLine(JsonResult.Error(command is RootCommand ? string.Empty : command.Name, first));
        }

        return CommandLine.Error;
    }

    /// <summary>" Did you mean '--dry-run'?" for an unknown word close to a known one, else "".</summary>
    internal static string Suggestion(string message, IReadOnlyList<string> names)
    {
        var open = message.IndexOf('\'', StringComparison.Ordinal);
        var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        if (close < 0 || !message.StartsWith("Unrecognized", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var word = message[(open + 1)..close];

        // An option for an option, a command for a command; two edits for longer names, one for short ones.
        var nearest = names.Where(n => n.StartsWith('-') == word.StartsWith('-') && n.TrimStart('-').Length > 1)
            .Select(n => (Name: n, Distance: UnknownKeys.Distance(word.TrimStart('-'), n.TrimStart('-'))))
            .Where(c => c.Distance <= (c.Name.TrimStart('-').Length >= 5 ? 2 : 1))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        return nearest is null ? string.Empty : $" Did you mean '{nearest}'?";
    }
}
