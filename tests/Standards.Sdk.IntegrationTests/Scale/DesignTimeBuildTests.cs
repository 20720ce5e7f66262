using Standards.Sdk.IntegrationTests.RepositoryChecks;

namespace Standards.Sdk.IntegrationTests.Scale;

/// <summary>
/// An IDE loading a project runs a design-time build: DesignTimeBuild=true, BuildingProject=false, the compiler
/// skipped (SkipCompilerExecution) but its command line returned (ProvideCommandLineArgs). Such a build must run no
/// Standards check and write nothing, yet give the compiler the analyzer config the policy generated, so the IDE's
/// diagnostics match the command-line build.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class DesignTimeBuildTests
{
    /// <summary>
    /// The design-time targets Visual Studio's project system runs on a project load, with the properties it sets
    /// (BuildingInsideVisualStudio makes CoreCompile run even when up to date, so the command line is returned). CompileDesignTime lives in
    /// Visual Studio's Microsoft.Managed.DesignTime.targets, not in the .NET SDK; the repo's Directory.Build.targets
    /// defines it as Visual Studio does (Compile, then the compiler's command line as the result).
    /// </summary>
    private static readonly string[] DesignTimeBuild =
    [
        "msbuild", "src/Acme.Orders/Acme.Orders.csproj",
        "-t:ResolveAssemblyReferencesDesignTime;ResolveProjectReferencesDesignTime;CompileDesignTime",
        "-p:DesignTimeBuild=true", "-p:BuildingProject=false", "-p:BuildingInsideVisualStudio=true", "-p:SkipCompilerExecution=true",
        "-p:ProvideCommandLineArgs=true", "-p:BuildProjectReferences=false", "-p:StandardsToday=" + LayoutRepos.Today,
        "-v:n", "-tl:off", "-nr:false",
    ];

    private const string CompileDesignTime = """
        <Project>
          <Target Name="CompileDesignTime" Returns="@(_CompilerCommandLineArgs)" DependsOnTargets="Compile" Condition="'$(IsCrossTargetingBuild)' != 'true'">
            <ItemGroup>
              <_CompilerCommandLineArgs Include="@(CscCommandLineArgs)" />
            </ItemGroup>
            <Message Importance="high" Text="compiler argument: %(_CompilerCommandLineArgs.Identity)" />
          </Target>
        </Project>
        """;

    /// <summary>Targets of ours a design-time build may run: they apply settings, check nothing and write nothing.</summary>
    private static readonly HashSet<string> SettingTargets = new(StringComparer.Ordinal)
    {
        "StandardsApplyStrongNamePolicy", "StandardsGetVersion",
    };

    [Fact]
    public void Design_time_build_runs_no_check_writes_nothing_and_gives_the_compiler_the_policy_config()
    {
        using var repo = LayoutRepos.Compliant("library");
        repo.WriteFile("Directory.Build.targets", CompileDesignTime);
        var restore = repo.Dotnet(["restore", "All.slnx"]);
        Assert.True(restore.Succeeded, restore.ToString());

        // A fresh clone the IDE opens before any build: no Standards state appears, no check runs.
        var fresh = FileTree.Snapshot(repo.Root);
        var first = repo.Dotnet(DesignTimeBuild, ci: false);
        Assert.True(first.Succeeded, first.ToString());
        AssertNoCheckRan(first);
        var written = FileTree.Snapshot(repo.Root).ChangedSince(fresh);
        Assert.DoesNotContain(written, path => path.Contains("/standards/", StringComparison.Ordinal) || path.StartsWith("artifacts/", StringComparison.Ordinal));

        // After a command-line build: the design-time build changes no file at all, and the compiler gets the
        // analyzer config that build generated.
        var build = LayoutRepos.BuildAll(repo, ci: false);
        Assert.True(build.Succeeded, build.ToString());
        var before = FileTree.Snapshot(repo.Root);
        var designTime = repo.Dotnet(DesignTimeBuild, ci: false);
        Assert.True(designTime.Succeeded, designTime.ToString());
        AssertNoCheckRan(designTime);
        Assert.Empty(FileTree.Snapshot(repo.Root).ChangedSince(before));
        Assert.Contains(designTime.Messages, m => m.Text.StartsWith("compiler argument: /analyzerconfig:", StringComparison.Ordinal)
            && m.Text.EndsWith("standards/Standards.globalconfig", StringComparison.Ordinal));
    }

    private static void AssertNoCheckRan(BuildResult result)
    {
        var ours = result.Targets
            .Where(t => t.BodyRan && (t.Name.StartsWith("Standards", StringComparison.Ordinal) || t.Name.StartsWith("_Standards", StringComparison.Ordinal)))
            .Select(t => t.Name)
            .Where(name => !SettingTargets.Contains(name))
            .Distinct()
            .ToList();
        Assert.True(ours.Count == 0, "Standards targets ran in a design-time build: " + string.Join(", ", ours));
        Assert.DoesNotContain(result.Tasks, t => t.AssemblyLocation.Contains("Standards.Sdk.Tasks", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("STD", StringComparison.Ordinal));
    }
}
