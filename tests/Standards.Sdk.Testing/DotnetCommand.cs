using System.Diagnostics;
using System.Globalization;

namespace Standards.Sdk.Testing;

/// <summary>
/// Runs a dotnet command for a test. Every command that runs MSBuild (build, restore, msbuild, pack, publish,
/// test, clean) also writes a binary log, and the result is read from it (<see cref="BuildResult.FromBinaryLog"/>),
/// so tests assert on structured diagnostics, messages and target runs rather than on console text.
/// </summary>
public static class DotnetCommand
{
    private static readonly HashSet<string> MsBuildCommands = new(StringComparer.Ordinal)
    {
        "build", "restore", "msbuild", "pack", "publish", "test", "clean",
    };

    private static int count;

    /// <summary>
    /// Runs <c>dotnet &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>. An MSBuild command runs on one node
    /// unless it names a node count (<see cref="OnOneNodeUnlessAsked"/>); its binary log goes to <paramref name="binaryLogFolder"/> (project imports not embedded: writing stays cheap),
    /// unless the arguments already ask for one, in which case that one is read. <paramref name="timeout"/> bounds it
    /// (10 minutes by default, then the process is killed).
    /// </summary>
    public static BuildResult Run(
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string binaryLogFolder,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var list = OnOneNodeUnlessAsked(arguments).ToList();
        var command = $"dotnet {string.Join(' ', list)}";
        var binaryLog = RequestedBinaryLog(list);
        if (binaryLog is null && list.Count > 0 && MsBuildCommands.Contains(list[0]))
        {
            Directory.CreateDirectory(binaryLogFolder);
            var number = Interlocked.Increment(ref count).ToString("D3", CultureInfo.InvariantCulture);
            binaryLog = Path.Combine(binaryLogFolder, $"{number}-{list[0]}.binlog");
            list.Add($"-bl:{binaryLog};ProjectImports=None");
        }

        var stopwatch = Stopwatch.StartNew();
        var result = ProcessRunner.Run("dotnet", list, workingDirectory, environment, timeout);
        var elapsed = stopwatch.Elapsed;
        var build = binaryLog is null
            ? new BuildResult(result.ExitCode, result.Output)
            : BuildResult.FromBinaryLog(result.ExitCode, result.Output, Path.GetFullPath(binaryLog, workingDirectory));
        build.Command = command;
        build.Elapsed = elapsed;
        return build;
    }

    /// <summary>
    /// The arguments with <c>-m:1</c> added when they run MSBuild and name no node count, so the build runs in one
    /// MSBuild process. On the small repos the tests build a second node only costs: a new process that evaluates the
    /// projects and loads the tasks again, about 2.8 s of CPU on a three-project edit-and-build (2.5 s on one node
    /// against 5.3 s on two) and 3.8 s on a first build with its restore, with no shorter wall time; and the suite
    /// runs several builds at once on every core anyway. Tests of multi-node builds ask for <c>-m:2</c>; the tool's
    /// own builds, and the CI templates' command lines in CiPipelineRunTests, run as users run them. <c>dotnet test</c>
    /// is left as it is: under Microsoft.Testing.Platform it hands the switch to the test application, which fails on it.
    /// </summary>
    public static IReadOnlyList<string> OnOneNodeUnlessAsked(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var list = arguments.ToList();
        if (list.Count == 0 || list[0] == "test" || !MsBuildCommands.Contains(list[0]))
        {
            return list;
        }

        // Only MSBuild's own switches: what follows "--" belongs to the application, so the switch goes before it.
        var end = list.IndexOf("--");
        if (end < 0)
        {
            end = list.Count;
        }

        if (!list.Take(end).Any(IsNodeCount))
        {
            list.Insert(end, "-m:1");
        }

        return list;
    }

    /// <summary>Whether an argument is MSBuild's node count switch (<c>-m</c>, <c>-m:N</c>, <c>-maxcpucount[:N]</c>, any prefix).</summary>
    private static bool IsNodeCount(string argument)
    {
        var name = argument.Split(':')[0].TrimStart('-', '/').ToLowerInvariant();
        return name is "m" or "maxcpucount";
    }

    /// <summary>The path of a binary log the arguments ask for (<c>-bl:path</c>, <c>/bl:path</c>), or null.</summary>
    private static string? RequestedBinaryLog(List<string> arguments)
    {
        foreach (var argument in arguments)
        {
            var lower = argument.ToLowerInvariant();
            foreach (var prefix in new[] { "-bl", "/bl", "-binarylogger", "/binarylogger", "--binarylogger" })
            {
                if (lower == prefix)
                {
                    return "msbuild.binlog";
                }

                if (lower.StartsWith(prefix + ":", StringComparison.Ordinal))
                {
                    var value = argument[(prefix.Length + 1)..].Split(';')[0];
                    return value.StartsWith("LogFile=", StringComparison.OrdinalIgnoreCase) ? value["LogFile=".Length..] : value;
                }
            }
        }

        return null;
    }
}
