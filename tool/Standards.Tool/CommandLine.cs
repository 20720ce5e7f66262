using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Sdk.Checks.Rules;
using Standards.Tool.Commands;

namespace Standards.Tool;

/// <summary>
/// The command line of <c>dotnet standards</c> (System.CommandLine, as the dotnet CLI). Exit codes: 0 done,
/// 1 done with findings (adopt: the CI build still fails; survey --check: findings the baselines do not hold),
/// 2 usage or input error (a coded STD75xx error, nothing written), 130 cancelled (Ctrl-C or SIGTERM).
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int Error = 2;
    public const int Cancelled = 130;

    /// <summary>
    /// The command line's page of the product docs, online: the tool's user has the tool, not the repo's docs/
    /// folder. Built from the base URL rule help links use, so both point at the same docs.
    /// </summary>
    internal static readonly string DocsUrl = Standards.Sdk.Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl.TrimEnd('/')[..^"rules".Length] + "cli.md";

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

    /// <summary>Runs the command line with a fixed runner and no terminal (unit tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, ICommandRunner runner) =>
        RunAsync(args, ToolConsole.Redirected(output, error, runner), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Parses and runs the command line; <paramref name="cancellation"/> is Ctrl-C and SIGTERM.</summary>
    public static async Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(console);
        var commands = new CommandTree();
        var root = commands.Root(console);

        // No response files: `--owner @team` style values are values, not files to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            return UsageErrors.Report(parse, commands, console);
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellation).ConfigureAwait(false);
    }

    /// <summary>The options of adopt, validated (a coded error for a folder that does not exist comes later, from the run).</summary>
    internal static AdoptOptions ParseAdopt(ReadOnlySpan<string> args)
    {
        var console = ToolConsole.Redirected(TextWriter.Null, TextWriter.Null, new ProcessCommandRunner());
        var commands = new CommandTree();
        var root = commands.Root(console);
        var parse = root.Parse(["adopt", .. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            throw new ToolException(ToolRuleIds.Usage, parse.Errors[0].Message);
        }

        return commands.AdoptOptions(parse);
    }

    /// <summary>Help followed by examples of the command it is for.</summary>
    internal sealed class HelpWithExamples(SynchronousCommandLineAction help, ToolConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            // The usage as users type it: `dotnet standards`, not the executable's name.
            var configuration = parseResult.InvocationConfiguration;
            var text = new StringWriter();
            configuration.Output = text;
            var result = help.Invoke(parseResult);
            configuration.Output = console.Output;
            var executable = parseResult.RootCommandResult.Command.Name;
            console.Output.Write(CommandTree.DescribeUnmatchedTokens(text.ToString().Replace($"\n  {executable} ", "\n  dotnet standards ", StringComparison.Ordinal)));
            console.Output.WriteLine("Examples:");
            foreach (var example in CommandTree.Examples(parseResult.CommandResult.Command.Name))
            {
                console.Output.WriteLine("  " + example);
            }

            console.Output.WriteLine();
            console.Output.WriteLine($"Exit codes: 0 success, 1 findings (see the command), 2 usage or input error, 130 cancelled. Docs: {DocsUrl}");
            return result;
        }
    }

    /// <summary>Prints this tool's version (the Standards.Sdk version it was packed with).</summary>
    internal sealed class PrintVersion(ToolConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.Output.WriteLine(ToolVersion);
            return Success;
        }
    }

    /// <summary>Uses <paramref name="help"/>'s own action, with examples after it.</summary>
    internal static void AddExamples(HelpOption help, ToolConsole console) =>
        help.Action = new HelpWithExamples((SynchronousCommandLineAction)help.Action!, console);
}
