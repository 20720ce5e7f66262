namespace Standards.Sdk.IntegrationTests.Harness;

/// <summary>
/// The harness reads builds from their binary logs (tests/Standards.Sdk.Testing/BinaryLogReader.cs). These tests
/// build a plain Microsoft.NET.Sdk project (no Standards.Sdk, so nothing is packed) whose targets raise known
/// warnings, errors and messages, skip and re-run, and check every structured answer against what the build
/// did, and against MSBuild's own console output for the same build.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class BuildResultTests : IDisposable
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <Target Name="Probe" BeforeTargets="CoreCompile" Inputs="$(MSBuildProjectFullPath);input.txt" Outputs="$(IntermediateOutputPath)probe.stamp">
            <Warning Code="PRB001" Text="probe warning for $(TargetFramework)" File="input.txt" />
            <Message Importance="high" Text="probe ran for $(TargetFramework)" />
            <Message Importance="low" Text="probe detail for $(TargetFramework)" />
            <Touch Files="$(IntermediateOutputPath)probe.stamp" AlwaysCreate="true" />
          </Target>
          <Target Name="NeverRuns" BeforeTargets="Probe" Condition="'$(RunNever)' == 'true'">
            <Message Importance="high" Text="never" />
          </Target>
          <Target Name="Breaks" AfterTargets="Build" Condition="'$(Break)' == 'true'">
            <Error Code="PRB002" Text="broken on purpose" File="input.txt" />
          </Target>
        </Project>
        """;

    private readonly string root = PackedSdk.NewTempDirectory("harness");

    public BuildResultTests()
    {
        File.WriteAllText(Path.Combine(root, "Probe.csproj"), Project);
        File.WriteAllText(Path.Combine(root, "input.txt"), "one\ntwo\nthree\n");
        File.WriteAllText(Path.Combine(root, "Code.cs"), "namespace Probe;\n\npublic static class Code\n{\n    public static int Value()\n    {\n        int unused;\n        return 1;\n    }\n}\n");
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "sdk": { "version": "10.0.401", "rollForward": "latestFeature" } }""");
    }

    private BuildResult Build(params string[] extra) =>
        DotnetCommand.Run(["build", "Probe.csproj", "-v:n", "-tl:off", "-clp:NoSummary", "-nr:false", .. extra], root,
            new Dictionary<string, string?> { ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0", ["MSBUILDDISABLENODEREUSE"] = "1", ["UseSharedCompilation"] = "true" },
            root + ".binlogs");

    [Fact]
    public void Diagnostics_messages_targets_and_tasks_come_from_the_binary_log_per_framework()
    {
        var first = Build();

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(first.HasBinaryLog, first.ToString());
        Assert.True(File.Exists(first.BinaryLog), first.BinaryLog);
        var project = Path.Combine(root, "Probe.csproj");

        // Diagnostics: one per framework, with file, line, column, project and the target and task that raised them.
        var probe = first.WithCode("PRB001").OrderBy(d => d.TargetFramework, StringComparer.Ordinal).ToList();
        Assert.Equal(["net10.0", "netstandard2.0"], probe.Select(d => d.TargetFramework));
        Assert.All(probe, d => Assert.Equal(("input.txt", 0, 0, "warning", project, "Probe", "Warning"), (d.File, d.Line, d.Column, d.Severity, d.Project, d.Target, d.Task)));
        Assert.Equal("probe warning for net10.0", probe[0].Message);
        var unused = first.WithCode("CS0168").ToList();
        Assert.Equal(2, unused.Count);
        Assert.All(unused, d => Assert.Equal((Path.Combine(root, "Code.cs"), 7, 13), (d.File, d.Line, d.Column)));

        // Messages at every importance, with their project build.
        var ran = Assert.Single(first.MessagesContaining("probe ran for netstandard2.0"));
        Assert.Equal((BuildMessageImportance.High, "netstandard2.0", "Probe", "Message"), (ran.Importance, ran.TargetFramework, ran.Target, ran.Task));
        Assert.Equal(BuildMessageImportance.Low, Assert.Single(first.MessagesContaining("probe detail for net10.0")).Importance);

        // Targets: the body ran once per framework; a target whose condition is false did not run.
        Assert.Equal(2, first.RunCount("Probe"));
        Assert.True(first.Ran("Probe"));
        Assert.False(first.Skipped("Probe"));
        Assert.Equal(["net10.0", "netstandard2.0"], first.TargetRuns("Probe").Select(r => r.TargetFramework).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(first.TargetRuns("NeverRuns"), r => r.BodyRan);
        Assert.False(first.Ran("NeverRuns"));
        Assert.False(first.Skipped("NeverRuns"));
        Assert.Empty(first.MessagesContaining("never"));

        // Tasks: each with its target and the assembly it came from; tool tasks with their command line.
        var touches = first.TaskRuns("Touch");
        Assert.Equal(2, touches.Count);
        Assert.All(touches, t => Assert.Equal(("Probe", true), (t.Target, t.Succeeded)));
        Assert.All(touches, t => Assert.EndsWith("Microsoft.Build.Tasks.Core.dll", t.AssemblyLocation, StringComparison.Ordinal));
        Assert.All(first.TaskRuns("Csc"), t => Assert.Contains("Code.cs", t.CommandLine, StringComparison.Ordinal));
        Assert.Equal(2, first.TaskRuns("Csc").Count);

        // No-op: skipped as up to date in both frameworks, nothing re-raised by the probe.
        var noOp = Build();
        Assert.True(noOp.Skipped("Probe"), noOp.ToString());
        Assert.Equal(0, noOp.RunCount("Probe"));
        Assert.All(noOp.TargetRuns("Probe"), r => Assert.Equal((TargetOutcome.SkippedUpToDate, "OutputsUpToDate"), (r.Outcome, r.SkipReason)));
        Assert.Equal(2, noOp.TargetRuns("Probe").Count);
        Assert.Empty(noOp.WithCode("PRB001"));
        Assert.True(noOp.Skipped("CoreCompile"));

        // An input changes: it runs again.
        File.AppendAllText(Path.Combine(root, "input.txt"), "four\n");
        var changed = Build();
        Assert.Equal(2, changed.RunCount("Probe"));
        Assert.False(changed.Skipped("Probe"));
    }

    [Fact]
    public void A_failing_target_is_a_failed_run_with_its_error()
    {
        var broken = Build("-p:Break=true");

        Assert.False(broken.Succeeded);
        Assert.Equal(["net10.0", "netstandard2.0"], broken.Errors.Select(e => e.TargetFramework).Order(StringComparer.Ordinal));
        Assert.All(broken.Errors, error =>
            Assert.Equal(("PRB002", "input.txt", "broken on purpose", "Breaks", "Error"), (error.Code, error.File, error.Message, error.Target, error.Task)));
        Assert.Equal([TargetOutcome.Failed, TargetOutcome.Failed], broken.TargetRuns("Breaks").Select(r => r.Outcome));
        Assert.True(broken.Ran("Breaks"));
    }

    [Fact]
    public void Structured_diagnostics_are_what_the_console_printed()
    {
        var build = Build();

        var console = new BuildResult(build.ExitCode, build.Output);
        Assert.False(console.HasBinaryLog);
        Assert.Throws<InvalidOperationException>(() => console.Messages);
        var printed = string.Join("\n", console.Diagnostics.Select(Key).Order(StringComparer.Ordinal));
        var logged = string.Join("\n", build.Diagnostics.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(printed, logged);
        Assert.Equal(4, build.Diagnostics.Count);

        static string Key(BuildDiagnostic d) => $"{d.File}|{d.Line}|{d.Column}|{d.Severity}|{d.Code}|{d.Message}|{d.Project}|{d.TargetFramework}";
    }

    public void Dispose()
    {
        foreach (var folder in new[] { root, root + ".binlogs" })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp clean-up.
            }
        }
    }
}
