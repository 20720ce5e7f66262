using System.Reflection;
using System.Runtime.Loader;

/// <summary>
/// What MSBuildLocator does (https://github.com/microsoft/MSBuildLocator), for the benchmarks that run MSBuild in their
/// own process (EvaluationBench, NoopBuildBench): MSBuild's own assemblies, its SDK resolvers and the SDK folder it
/// evaluates against all come from the SDK the tool was built with, whose MSBuildToolsPath the project file records in
/// an assembly attribute. Called first: the runtime resolves Microsoft.Build when a method that uses it is compiled.
/// </summary>
internal static class SdkMSBuild
{
    public static void Use(Assembly tool)
    {
        var toolsPath = tool.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "MSBuildToolsPath").Value!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(toolsPath, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        Environment.SetEnvironmentVariable("MSBUILD_EXE_PATH", Path.Combine(toolsPath, "MSBuild.dll"));
        Environment.SetEnvironmentVariable("MSBuildExtensionsPath", toolsPath);
        Environment.SetEnvironmentVariable("MSBuildSDKsPath", Path.Combine(toolsPath, "Sdks"));
    }
}
