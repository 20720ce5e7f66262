namespace Standards.Sdk.Checks.Rules;

/// <summary>The project kinds a Standards.Sdk project can be (<c>StandardsProjectKind</c>).</summary>
public static class ProjectKinds
{
    /// <summary>An ASP.NET Core API.</summary>
    public const string Service = "service";

    /// <summary>A generic-host background worker.</summary>
    public const string Worker = "worker";

    /// <summary>A packable, documented library.</summary>
    public const string Library = "library";

    /// <summary>A test project.</summary>
    public const string Test = "test";

    /// <summary>A BenchmarkDotNet project.</summary>
    public const string Benchmark = "benchmark";

    /// <summary>A command-line tool.</summary>
    public const string Tool = "tool";

    /// <summary>Every kind, in the order docs list them.</summary>
    public static readonly IReadOnlyList<string> All = [Service, Worker, Library, Test, Benchmark, Tool];

    /// <summary>True for a known kind (case-insensitive).</summary>
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.OrdinalIgnoreCase);
}
