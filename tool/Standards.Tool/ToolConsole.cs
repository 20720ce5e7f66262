using Standards.Adoption;

namespace Standards.Tool;

/// <summary>Where the tool writes and what it knows of its terminal; tests give their own writers and runner.</summary>
/// <param name="Output">Standard output: help, reports, the JSON document.</param>
/// <param name="Error">Standard error: coded errors, "Cancelled.", progress in JSON mode.</param>
/// <param name="OutputIsTerminal">Standard output is an interactive terminal (not redirected, not CI, TERM not dumb).</param>
/// <param name="ErrorIsTerminal">The same for standard error.</param>
/// <param name="NoColor">NO_COLOR is set: no colour in any output.</param>
/// <param name="Runner">Makes the runner of git and dotnet from the cancellation and the progress display.</param>
internal sealed record ToolConsole(
    TextWriter Output,
    TextWriter Error,
    bool OutputIsTerminal,
    bool ErrorIsTerminal,
    bool NoColor,
    Func<CancellationToken, ICommandObserver?, ICommandRunner> Runner)
{
    private static readonly string[] CiVariables = ["CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "TEAMCITY_VERSION", "JENKINS_URL", "BUILD_ID"];

    /// <summary>A console that is no terminal, with a fixed runner (unit tests).</summary>
    public static ToolConsole Redirected(TextWriter output, TextWriter error, ICommandRunner runner) =>
        new(output, error, false, false, false, (_, _) => runner);

    /// <summary>This process's console.</summary>
    public static ToolConsole FromProcess()
    {
        var interactive = !CiVariables.Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)))
            && Environment.GetEnvironmentVariable("TERM") is not "dumb";
        return new ToolConsole(
            Console.Out,
            Console.Error,
            interactive && !Console.IsOutputRedirected,
            interactive && !Console.IsErrorRedirected,
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
            (cancellation, observer) => new ProcessCommandRunner(observer, cancellation));
    }
}
