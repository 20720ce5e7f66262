using System.Text.Json;
using System.Xml.Linq;

namespace Standards.Sdk.IntegrationTests.Runtimes;

/// <summary>
/// The task registry (features/Standards.Tasks.targets): the only place tasks are declared, and the place that
/// picks tasks/net10.0/ for the .NET SDK's MSBuild (tasks/net10.0-linux-x64/, the same compiled ahead of time, on Linux
/// x64) and tasks/net472/ for .NET Framework MSBuild. MSBuildRuntimeType
/// is reserved (no -p: can set it) and only Core MSBuild runs here, so Core is evaluated for real and Full and
/// Mono by evaluating the packed registry with MSBuildRuntimeType replaced by each value, after checking that
/// those conditions are the registry's only use of it.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class TaskRegistryTests
{
    private const string Registry = "features/Standards.Tasks.targets";

    [Fact]
    public void Dotnet_msbuild_loads_the_net10_tasks_in_process_unless_the_task_host_is_asked_for()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Acme.Orders", "Acme.Orders");

        var properties = Evaluate(repo, "src/Acme.Orders/Acme.Orders.csproj", "MSBuildRuntimeType", "StandardsSdkRoot", "StandardsTasksAssembly", "StandardsTaskFactory");
        Assert.Equal("Core", properties["MSBuildRuntimeType"]);
        Assert.Equal(Path.Combine(properties["StandardsSdkRoot"], "tasks", PackedTaskAssemblies.CoreFolder, "Standards.Sdk.Tasks.dll"), Path.GetFullPath(properties["StandardsTasksAssembly"]));
        Assert.True(File.Exists(properties["StandardsTasksAssembly"]), properties["StandardsTasksAssembly"]);
        Assert.Equal("AssemblyTaskFactory", properties["StandardsTaskFactory"]);

        var hosted = Evaluate(repo, "src/Acme.Orders/Acme.Orders.csproj", "StandardsTaskFactory", "-p:StandardsUseTaskHost=true");
        Assert.Equal("TaskHostFactory", hosted["StandardsTaskFactory"]);
    }

    [Theory]
    [InlineData("Core", "net10.0")]
    [InlineData("Full", "net472")]
    [InlineData("Mono", "net472")]
    public void The_registry_picks_the_task_build_of_each_msbuild_runtime(string runtimeType, string framework)
    {
        var sdkRoot = Path.GetDirectoryName(PackedTaskAssemblies.Folder("net10.0"))!;
        sdkRoot = Path.GetDirectoryName(sdkRoot)!;
        var registry = File.ReadAllText(Path.Combine(sdkRoot, Registry));
        Assert.Equal(2, registry.Split("'$(MSBuildRuntimeType)'").Length - 1);
        Assert.Equal(2, registry.Split("MSBuildRuntimeType").Length - 1 - CommentMentions(registry));

        using var repo = TestRepo.Create();
        repo.WriteFile("registry.targets", registry.Replace("'$(MSBuildRuntimeType)'", $"'{runtimeType}'", StringComparison.Ordinal));
        repo.WriteFile("probe.proj", $"""
            <Project>
              <PropertyGroup>
                <StandardsSdkRoot>{sdkRoot}{Path.DirectorySeparatorChar}</StandardsSdkRoot>
              </PropertyGroup>
              <Import Project="registry.targets" />
            </Project>
            """);
        var properties = Evaluate(repo, "probe.proj", "StandardsTasksAssembly", "StandardsTaskFactory");

        var expected = Path.Combine(sdkRoot, "tasks", framework == "net10.0" ? PackedTaskAssemblies.CoreFolder : framework, "Standards.Sdk.Tasks.dll");
        Assert.Equal(expected, Path.GetFullPath(properties["StandardsTasksAssembly"]));
        Assert.True(File.Exists(expected), expected);
        Assert.Equal("AssemblyTaskFactory", properties["StandardsTaskFactory"]);
    }

    [Fact]
    public void Every_usingtask_is_in_the_registry_once_and_names_a_public_task_of_both_builds()
    {
        var sdkRoot = Path.GetDirectoryName(Path.GetDirectoryName(PackedTaskAssemblies.Folder("net10.0"))!)!;
        var msbuildFiles = Directory.GetFiles(sdkRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".proj", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(sdkRoot, f).Replace('\\', '/'), XDocument.Load);

        var usingTasks = msbuildFiles.SelectMany(f => f.Value.Descendants("UsingTask").Select(u => (File: f.Key, Element: u))).ToList();
        Assert.All(usingTasks, u => Assert.Equal(Registry, u.File));
        Assert.All(usingTasks, u =>
        {
            Assert.Equal("$(StandardsTasksAssembly)", (string?)u.Element.Attribute("AssemblyFile"));
            Assert.Equal("$(StandardsTaskFactory)", (string?)u.Element.Attribute("TaskFactory"));
            Assert.Null(u.Element.Attribute("Condition"));
        });
        var registered = usingTasks.Select(u => (string)u.Element.Attribute("TaskName")!).ToList();
        Assert.Equal(registered.Count, registered.Distinct(StringComparer.Ordinal).Count());

        // The registry and the assemblies agree: every registered name is a public task class in both builds,
        // and every public task class is registered.
        foreach (var framework in new[] { "net10.0", "net472" })
        {
            var tasks = PackedTaskAssemblies.Assemblies(framework).Single(a => a.Name == "Standards.Sdk.Tasks").PublicTypes;
            var taskClasses = tasks.Keys.Where(t => IsTask(tasks, t)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(registered.Order(StringComparer.Ordinal), taskClasses);
        }

        // Every registered task is used by some target, and the files that use one import the registry.
        var invoked = msbuildFiles.Values.SelectMany(d => d.Descendants("Target").Elements()).Select(e => e.Name.LocalName).ToHashSet(StringComparer.Ordinal);
        Assert.All(registered, name => Assert.Contains(name.Split('.')[^1], invoked));
        Assert.Contains(msbuildFiles["Sdk/Sdk.targets"].Descendants("Import"), i => ((string)i.Attribute("Project")!).EndsWith("Standards.Tasks.targets", StringComparison.Ordinal));
        Assert.Contains(msbuildFiles["features/Standards.RepositoryChecks.proj"].Descendants("Import"), i => (string)i.Attribute("Project")! == "Standards.Tasks.targets");
    }

    private static bool IsTask(IReadOnlyDictionary<string, string> types, string type)
    {
        for (var current = types.GetValueOrDefault(type); current is not null; current = types.GetValueOrDefault(current))
        {
            if (current is "Standards.Sdk.Tasks.StandardsTask" or "Standards.Sdk.Tasks.ProjectPolicyTask")
            {
                return true;
            }
        }

        return false;
    }

    private static int CommentMentions(string registry) =>
        XDocument.Parse(registry).DescendantNodes().OfType<XComment>().Sum(c => c.Value.Split("MSBuildRuntimeType").Length - 1);

    /// <summary>Evaluates a project with <c>dotnet msbuild -getProperty</c> and returns the values.</summary>
    private static Dictionary<string, string> Evaluate(TestRepo repo, string project, params string[] namesAndArguments)
    {
        var names = namesAndArguments.Where(n => !n.StartsWith('-')).ToList();
        var arguments = namesAndArguments.Where(n => n.StartsWith('-')).ToList();
        var result = repo.Dotnet(["msbuild", repo.PathOf(project), .. names.Select(n => "-getProperty:" + n), .. arguments, "-nologo"], ci: false);
        Assert.True(result.Succeeded, result.ToString());
        var output = result.Output.Trim();
        if (names.Count == 1)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal) { [names[0]] = output.Split('\n')[^1].Trim() };
        }

        using var json = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }
}
