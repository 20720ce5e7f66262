using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>
/// Where a property got its value: the last definition in evaluation order, through imports MSBuild resolves with
/// MSBuildThisFileDirectory, GetPathOfFileAbove and plain properties, through another property that holds the item,
/// on the command line or from the environment. On disk, as the task reads it.
/// </summary>
public sealed class PropertyLocatorTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-tests", "locator-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_last_definition_in_evaluation_order_wins_and_imports_are_followed_where_written()
    {
        Write("Directory.Build.props", """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Shared.props', '$(MSBuildThisFileDirectory)../'))" Condition="Exists('x')" />
              <PropertyGroup>
                <NoWarn>$(NoWarn);CA1000</NoWarn>
              </PropertyGroup>
              <Import Project="$(MSBuildThisFileDirectory)eng/$(Flavour).props" />
            </Project>
            """);
        Write("../Shared.props", "<Project>\n  <PropertyGroup>\n    <Flavour>strict</Flavour>\n    <WarningLevel>0</WarningLevel>\n  </PropertyGroup>\n</Project>\n");
        Write("eng/strict.props", "<Project>\n  <PropertyGroup>\n    <Ids>RS0030;CS8602</Ids>\n  </PropertyGroup>\n  <ItemGroup />\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);$(Ids)</NoWarn>\n  </PropertyGroup>\n</Project>\n");
        var project = Write("src/App/App.csproj", "<Project Sdk=\"Standards.Sdk\">\n  <PropertyGroup>\n    <Nullable>disable</Nullable>\n    <Nullable Condition=\"'$(CI)' == 'true'\">annotations</Nullable>\n  </PropertyGroup>\n</Project>\n");
        var locator = new MsBuildPropertyLocator(project, [Path.Combine(root, "Directory.Build.props"), project], Read);

        Assert.Equal((Path.Combine(root, "eng/strict.props"), 3), Where(locator.Locate("NoWarn", "RS0030")));
        Assert.Equal((Path.Combine(root, "Directory.Build.props"), 4), Where(locator.Locate("NoWarn", "CA1000")));
        Assert.Equal((Path.Combine(root, "eng/strict.props"), 7), Where(locator.Locate("NoWarn")));
        Assert.Equal((Path.GetFullPath(Path.Combine(root, "../Shared.props")), 4), Where(locator.Locate("WarningLevel")));
        Assert.Equal((project, 4), Where(locator.Locate("Nullable")));
    }

    [Fact]
    public void Command_line_and_environment_say_so_instead_of_a_line()
    {
        var project = Write("App.csproj", "<Project>\n  <PropertyGroup>\n    <NoWarn>RS0030</NoWarn>\n  </PropertyGroup>\n</Project>\n");
        var global = new MsBuildPropertyLocator(project, [project], Read, new HashSet<string>(["nowarn"], StringComparer.OrdinalIgnoreCase));
        Assert.Equal("set on the command line, -p:NoWarn=...", global.Locate("NoWarn", "RS0030").Origin);
        var environment = new MsBuildPropertyLocator(project, [project], Read, environment: name => name == "RunAnalyzers" ? "false" : null);
        var where = environment.Locate("RunAnalyzers");
        Assert.Equal((project, 0, "set by the environment variable RunAnalyzers"), (where.File, where.Line, where.Origin));
    }

    [Fact]
    public void Broken_and_missing_files_and_import_cycles_never_throw()
    {
        var a = Write("a.props", "<Project>\n  <Import Project=\"b.props\" />\n  <PropertyGroup>\n    <X>1</X>\n  </PropertyGroup>\n</Project>\n");
        Write("b.props", "<Project>\n  <Import Project=\"a.props\" />\n  <PropertyGroup>\n    <X>2\n");
        var locator = new MsBuildPropertyLocator(a, [a, Path.Combine(root, "missing.props")], Read);
        Assert.Equal((a, 4), Where(locator.Locate("X")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (string, int) Where(PropertyLocation location) => (location.File, location.Line);

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private string Write(string relative, string text)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
