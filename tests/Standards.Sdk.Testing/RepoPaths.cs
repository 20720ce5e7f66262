namespace Standards.Sdk.Testing;

/// <summary>Locations in this repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    /// <summary>The Standards.Sdk repo root (the folder holding Standards.Sdk.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The official JSON schemas the tests validate generated files against, kept in the repo so a clone needs nothing
    /// beside it (tests/schemas/SOURCES.md names each one's source, version and licence).
    /// </summary>
    public static string Schemas => Path.Combine(Root, "tests", "schemas");

    /// <summary>The path of one schema in <see cref="Schemas"/>.</summary>
    public static string Schema(string fileName) => Path.Combine(Schemas, fileName);

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
