namespace Standards.Sdk.Testing;

/// <summary>Locations in this repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    /// <summary>The Standards.Sdk repo root (the folder holding Standards.Sdk.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder beside the repo (schemas, seeds), as CI lays it out.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Standards.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Standards.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
