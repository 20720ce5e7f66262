using System.Reflection;

namespace Standards.Sdk.IntegrationTests.Runtimes;

/// <summary>
/// The packed SDK carries the task assemblies for both MSBuild runtimes (docs/internals.md, "Two runtimes"),
/// and each folder holds everything its assemblies reference that the runtime and MSBuild do not supply.
/// .NET Framework MSBuild cannot run here, so the net472 folder is checked the way .NET Framework binds: every
/// reference is MSBuild's own (Microsoft.Build.*, or an assembly MSBuild.exe.config redirects), a file beside
/// the task with exactly that version, or a .NET Framework 4.7.2 assembly (read from its reference assemblies).
/// </summary>
public sealed class TaskAssemblyTests
{
    /// <summary>
    /// Binding redirects in MSBuild.exe.config of MSBuild 17.14, the oldest MSBuild that loads the .NET 10 SDK
    /// (Visual Studio 2022 17.14): assembly, highest redirected version, version MSBuild loads instead.
    /// Source: https://github.com/dotnet/msbuild/blob/vs17.14/src/MSBuild/app.config (MSBuild 18 redirects
    /// each to the same or a higher version). Every MSBuild.exe.config redirects Microsoft.Build.* to 15.1.0.0.
    /// </summary>
    private static readonly Dictionary<string, (Version Upper, Version Loaded)> MsBuildRedirects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Bcl.AsyncInterfaces"] = (new(9, 0, 0, 0), new(9, 0, 0, 0)),
        ["System.Buffers"] = (new(4, 0, 4, 0), new(4, 0, 4, 0)),
        ["System.Collections.Immutable"] = (new(9, 0, 0, 0), new(9, 0, 0, 0)),
        ["System.IO.Pipelines"] = (new(9, 0, 0, 0), new(9, 0, 0, 0)),
        ["System.Memory"] = (new(4, 0, 2, 0), new(4, 0, 2, 0)),
        ["System.Numerics.Vectors"] = (new(4, 1, 5, 0), new(4, 1, 5, 0)),
        ["System.Runtime.CompilerServices.Unsafe"] = (new(6, 0, 1, 0), new(6, 0, 1, 0)),
        ["System.Text.Encodings.Web"] = (new(9, 0, 0, 0), new(9, 0, 0, 0)),
        ["System.Text.Json"] = (new(9, 0, 0, 0), new(9, 0, 0, 0)),
        ["System.Threading.Tasks.Extensions"] = (new(4, 2, 1, 0), new(4, 2, 1, 0)),
        ["System.ValueTuple"] = (new(4, 0, 3, 0), new(4, 0, 0, 0)),
    };

    private static readonly Version MsBuildAssemblyVersion = new(15, 1, 0, 0);

    /// <summary>
    /// The ReadyToRun compile finds crossgen2 and the runtime whether or not the package and .NET roots end in a
    /// slash: NUGET_PACKAGES set without one (as eng/demo.sh sets it) gives a NuGetPackageRoot without one.
    /// </summary>
    [Theory]
    [InlineData("/p/pkgs", "/d/dotnet")]
    [InlineData("/p/pkgs/", "/d/dotnet/")]
    public void The_readytorun_tools_are_found_under_roots_with_or_without_a_trailing_slash(string packageRoot, string dotnetRoot)
    {
        var run = ProcessRunner.Run(
            "dotnet",
            ["msbuild", Path.Combine(RepoPaths.Root, "sdk", "Standards.Sdk.csproj"), "-nologo", "-getProperty:_StandardsCrossgen2", "-getProperty:_StandardsReadyToRunFramework",
             "-getProperty:BundledNETCoreAppPackageVersion", $"-p:NuGetPackageRoot={packageRoot}", $"-p:NetCoreRoot={dotnetRoot}"],
            RepoPaths.Root).EnsureSuccess("dotnet msbuild -getProperty");
        using var json = System.Text.Json.JsonDocument.Parse(run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var properties = json.RootElement.GetProperty("Properties");
        var runtime = properties.GetProperty("BundledNETCoreAppPackageVersion").GetString();
        Assert.Equal($"/p/pkgs/microsoft.netcore.app.crossgen2.linux-x64/{runtime}/tools/crossgen2", properties.GetProperty("_StandardsCrossgen2").GetString());
        Assert.Equal($"/d/dotnet/shared/Microsoft.NETCore.App/{runtime}/", properties.GetProperty("_StandardsReadyToRunFramework").GetString());
    }

    [Fact]
    public void The_package_ships_a_task_folder_per_runtime_without_msbuilds_own_assemblies()
    {
        var entries = PackedTaskAssemblies.Entries();
        string[] InFolder(string framework) =>
            [.. entries.Where(e => e.StartsWith($"tasks/{framework}/", StringComparison.Ordinal)).Select(e => e[$"tasks/{framework}/".Length..])];

        Assert.Equal(["Standards.Sdk.Checks.dll", "Standards.Sdk.Tasks.dll"], InFolder("net10.0"));
        var framework = InFolder("net472");
        Assert.Superset(
            new HashSet<string>(["Standards.Sdk.Checks.dll", "Standards.Sdk.Tasks.dll", "System.Text.Json.dll", "System.Text.Encodings.Web.dll", "System.Memory.dll",
             "System.Buffers.dll", "System.Runtime.CompilerServices.Unsafe.dll", "Microsoft.Bcl.AsyncInterfaces.dll", "System.Threading.Tasks.Extensions.dll"]),
            framework.ToHashSet());
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/", StringComparison.Ordinal) && Path.GetFileName(e).StartsWith("Microsoft.Build.", StringComparison.Ordinal));
        // Packed here: on a Linux x64 host the package also has the net10.0 tasks compiled ahead of time.
        string[] folders = PackedTaskAssemblies.PackedOnLinuxX64 ? ["net10.0", PackedTaskAssemblies.ReadyToRunFolder, "net472"] : ["net10.0", "net472"];
        Assert.Equal(folders, entries.Where(e => e.StartsWith("tasks/", StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Distinct().Order(StringComparer.Ordinal));
        if (PackedTaskAssemblies.PackedOnLinuxX64)
        {
            Assert.Equal(InFolder("net10.0"), InFolder(PackedTaskAssemblies.ReadyToRunFolder));
        }
    }

    /// <summary>
    /// tasks/net10.0-linux-x64/ holds the net10.0 task assemblies compiled ahead of time: the same assemblies (identity,
    /// module id, references, public types), each with ReadyToRun code for Linux x64 beside its IL.
    /// </summary>
    [Fact]
    public void The_linux_x64_folder_holds_the_net10_tasks_compiled_ahead_of_time()
    {
        Assert.True(PackedTaskAssemblies.PackedOnLinuxX64, "this suite packs on a Linux x64 host (eng/test.sh), where the package gets the folder");
        var il = PackedTaskAssemblies.Assemblies("net10.0");
        var readyToRun = PackedTaskAssemblies.Assemblies(PackedTaskAssemblies.ReadyToRunFolder);
        Assert.Equal(il.Select(a => (a.FileName, a.Name, a.Version, a.TargetFramework)), readyToRun.Select(a => (a.FileName, a.Name, a.Version, a.TargetFramework)));
        foreach (var (source, compiled) in il.Zip(readyToRun))
        {
            Assert.Equal(source.References.Select(r => r.FullName), compiled.References.Select(r => r.FullName));
            Assert.Equal(source.PublicTypes, compiled.PublicTypes);
            var sourceFile = Path.Combine(PackedTaskAssemblies.Folder("net10.0"), source.FileName);
            var compiledFile = Path.Combine(PackedTaskAssemblies.Folder(PackedTaskAssemblies.ReadyToRunFolder), compiled.FileName);
            Assert.Equal(PackedTaskAssemblies.ModuleVersionId(sourceFile), PackedTaskAssemblies.ModuleVersionId(compiledFile));
            Assert.False(PackedTaskAssemblies.HasReadyToRunCode(sourceFile), source.FileName);
            Assert.True(PackedTaskAssemblies.HasReadyToRunCode(compiledFile), compiled.FileName);
        }
    }

    [Fact]
    public void Each_build_targets_its_runtime()
    {
        var core = PackedTaskAssemblies.Assemblies("net10.0").ToDictionary(a => a.Name);
        var framework = PackedTaskAssemblies.Assemblies("net472").ToDictionary(a => a.Name);
        Assert.Equal(".NETCoreApp,Version=v10.0", core["Standards.Sdk.Tasks"].TargetFramework);
        Assert.Equal(".NETCoreApp,Version=v10.0", core["Standards.Sdk.Checks"].TargetFramework);
        Assert.Equal(".NETFramework,Version=v4.7.2", framework["Standards.Sdk.Tasks"].TargetFramework);
        Assert.Equal(".NETStandard,Version=v2.0", framework["Standards.Sdk.Checks"].TargetFramework);
    }

    [Fact]
    public void Every_reference_of_the_net472_tasks_is_msbuilds_beside_them_or_in_net_framework()
    {
        var folder = PackedTaskAssemblies.Assemblies("net472");
        var shipped = folder.ToDictionary(a => a.Name, a => a.Version, StringComparer.OrdinalIgnoreCase);
        var netFramework = NetFrameworkAssemblies();
        var problems = new List<string>();
        foreach (var assembly in folder)
        {
            foreach (var reference in assembly.References)
            {
                var name = reference.Name!;
                var version = reference.Version ?? new Version(0, 0, 0, 0);
                var resolved =
                    (name.StartsWith("Microsoft.Build.", StringComparison.Ordinal) && version == MsBuildAssemblyVersion)
                    || (MsBuildRedirects.TryGetValue(name, out var redirect) && version <= redirect.Upper)
                    || (shipped.TryGetValue(name, out var beside) && beside == version)
                    || (netFramework.TryGetValue(name, out var inBox) && version <= inBox);
                if (!resolved)
                {
                    problems.Add($"{assembly.FileName} references {name} {version}: not MSBuild's, not beside it at that version, not in .NET Framework 4.7.2");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains(folder, a => a.Name == "Standards.Sdk.Tasks" && a.References.Any(r => r.Name == "Microsoft.Build.Utilities.Core"));
    }

    /// <summary>
    /// What we ship beside the net472 task never outranks MSBuild's own copy: MSBuild.exe.config redirects every
    /// version up to its own, so in Visual Studio and msbuild.exe the copy MSBuild tested is the one loaded, and
    /// ours is only a fallback. A newer version here would load a second copy beside MSBuild's.
    /// </summary>
    [Fact]
    public void Shipped_net472_dependencies_are_covered_by_msbuilds_binding_redirects()
    {
        var problems = PackedTaskAssemblies.Assemblies("net472")
            .Where(a => !a.Name.StartsWith("Standards.Sdk.", StringComparison.Ordinal))
            .Where(a => !MsBuildRedirects.TryGetValue(a.Name, out var redirect) || a.Version > redirect.Upper)
            .Select(a => $"{a.FileName} {a.Version}")
            .ToList();
        Assert.True(problems.Count == 0, "not redirected by MSBuild 17.14: " + string.Join(", ", problems));
    }

    [Fact]
    public void Every_reference_of_the_net10_tasks_is_msbuilds_beside_them_or_in_the_shared_framework()
    {
        var folder = PackedTaskAssemblies.Assemblies("net10.0");
        var shipped = folder.ToDictionary(a => a.Name, a => a.Version, StringComparer.OrdinalIgnoreCase);
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var sharedFramework = Directory.GetFiles(runtimeFolder, "*.dll")
            .Select(TryName)
            .OfType<AssemblyName>()
            .ToDictionary(n => n.Name!, n => n.Version!, StringComparer.OrdinalIgnoreCase);
        var problems = folder.SelectMany(a => a.References.Select(r => (a.FileName, Reference: r)))
            .Where(x => !(x.Reference.Name!.StartsWith("Microsoft.Build.", StringComparison.Ordinal) && x.Reference.Version == MsBuildAssemblyVersion)
                && !(shipped.TryGetValue(x.Reference.Name, out var beside) && beside == x.Reference.Version)
                && !(sharedFramework.TryGetValue(x.Reference.Name, out var inBox) && x.Reference.Version <= inBox))
            .Select(x => $"{x.FileName} references {x.Reference.Name} {x.Reference.Version}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Every assembly of .NET Framework 4.7.2 (and its facades, netstandard.dll among them) with its version.</summary>
    private static Dictionary<string, Version> NetFrameworkAssemblies()
    {
        var folder = typeof(TaskAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetFramework472ReferenceAssemblies").Value!;
        Assert.True(Directory.Exists(folder), $".NET Framework 4.7.2 reference assemblies not found at {folder}");
        var result = Directory.GetFiles(folder, "*.dll").Concat(Directory.GetFiles(Path.Combine(folder, "Facades"), "*.dll"))
            .Select(TryName)
            .OfType<AssemblyName>()
            .ToDictionary(n => n.Name!, n => n.Version!, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("mscorlib", result.Keys);
        Assert.Contains("netstandard", result.Keys);
        return result;
    }

    private static AssemblyName? TryName(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
