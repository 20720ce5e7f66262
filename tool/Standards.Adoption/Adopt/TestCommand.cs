using Standards.Sdk.Checks.Json;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The <c>dotnet test</c> command line each test runner accepts. On .NET 10, global.json's
/// <c>"test": { "runner": "Microsoft.Testing.Platform" }</c> puts <c>dotnet test</c> in Microsoft.Testing.Platform
/// mode (https://learn.microsoft.com/dotnet/core/testing/unit-testing-with-dotnet-test): the solution is given with
/// <c>--solution</c>, and MSBuild switches (<c>-nologo</c>, <c>-tl:off</c>, <c>-v:m</c>) are not its own, so it hands
/// them to every test application, which stops on the unknown option (exit code 5). VSTest mode takes the
/// MSBuild switches.
/// </summary>
public static class TestCommand
{
    /// <summary>The runner name global.json gives for Microsoft.Testing.Platform.</summary>
    public const string MicrosoftTestingPlatform = "Microsoft.Testing.Platform";

    /// <summary>True when the global.json text puts <c>dotnet test</c> in Microsoft.Testing.Platform mode.</summary>
    public static bool IsTestingPlatform(string? globalJson)
    {
        if (globalJson is null)
        {
            return false;
        }

        // A malformed global.json reads as VSTest mode: adopt's edit of global.json has already refused it, and so would dotnet.
        return JsonFormats.GlobalJson.Parse(globalJson).Root is JsonObjectNode root
            && root.Get("test") is JsonObjectNode test
            && test.Get("runner") is JsonStringNode runner
            && string.Equals(runner.Value, MicrosoftTestingPlatform, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The arguments of <c>dotnet test</c> for the solution, with or without building first.</summary>
    /// <param name="globalJson">The text of the global.json the command runs under, or null.</param>
    /// <param name="solution">The solution file.</param>
    /// <param name="noBuild">True to run what the CI-mode build built.</param>
    public static IReadOnlyList<string> Arguments(string? globalJson, string solution, bool noBuild)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var build = noBuild ? new[] { "--no-build" } : [];
        return IsTestingPlatform(globalJson)
            ? ["test", "--solution", solution, .. build, "--no-ansi", "--no-progress"]
            : ["test", solution, .. build, "-nologo", "-tl:off", "-v:m"];
    }

    /// <summary>
    /// The CI pipeline's coverage step (docs/ci.md), run after the tests: the repo gate on the merged reports, and
    /// first, for Microsoft.Testing.Platform test apps, the per-run gate of each (that mode of <c>dotnet test</c> runs
    /// no MSBuild target after the tests, so only this step judges their coverage). The same for both runners. On one
    /// MSBuild node, as the CI templates run it: a second node costs about 2 s of CPU and saves no wall time here.
    /// </summary>
    /// <param name="solution">The solution file.</param>
    public static IReadOnlyList<string> CoverageArguments(string solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return ["build", solution, "--no-restore", "-t:StandardsCoverage", "-m:1", "-nologo", "-tl:off", "-v:m", "-clp:NoSummary"];
    }

    /// <summary>
    /// The coverage step's switch that judges every gate in one step (docs/quality-gates.md): VSTest runs again on the
    /// report each wrote, without running the tests, and the merge even when a run gate fails.
    /// </summary>
    public const string JudgeAllCoverageGates = "-p:StandardsCoverageJudgeAll=true";

    /// <summary>The last lines of a test run's output, with the workspace folder taken out, for the user to read why tests failed.</summary>
    public static string Tail(string output, string workspace, int lines = 60)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(workspace);
        var all = output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var tail = all.Length <= lines ? all : all[^lines..];
        var folder = workspace.TrimEnd('/') + "/";
        return string.Join('\n', tail.Select(l => "    " + l.Replace(folder, string.Empty, StringComparison.Ordinal)));
    }
}
