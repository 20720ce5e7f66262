using System.CommandLine;

namespace Standards.Tool.Commands.Adopt;

/// <summary>
/// <c>dotnet standards adopt</c>: one adoption run on the parsed options. Exit codes: 0 the CI build is green, 1 it
/// still fails (findings no baseline can hold), 2 a coded error, 130 cancelled.
/// </summary>
internal static class AdoptCommand
{
    /// <summary>Runs a parsed adopt command line.</summary>
    public static Task<int> RunAsync(CommandTree tree, ParseResult parse, ToolConsole console, CancellationToken cancellation) =>
        new AdoptionRun(tree, parse, console, "adopt").ExecuteAsync((adopter, options) =>
        {
            var result = adopter.Run(options);
            return new Outcome(result, options.DryRun, result.CiBuildGreen ? CommandLine.Success : CommandLine.Findings, null);
        }, cancellation);
}
