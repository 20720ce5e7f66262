namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// A private `dotnet new` hive (<c>--debug:custom-hive</c>) with the packed Standards.Templates installed: fresh for
/// each test run, so nothing from ~/.templateengine or an earlier run is used (platform notes §4: installing the
/// same version again, with or without --force, breaks a hive).
/// </summary>
public sealed class TemplateHive
{
    private static readonly Lazy<TemplateHive> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    // The template engine keeps a cache in the hive; instantiations are quick, so they take turns.
    private readonly Lock _gate = new();

    private TemplateHive(string folder, PackedSdk sdk, string package)
    {
        Folder = folder;
        Sdk = sdk;
        Package = package;
    }

    /// <summary>The hive of this test run.</summary>
    public static TemplateHive Instance => Shared.Value;

    /// <summary>The short names of every template in templates/content/.</summary>
    public static IReadOnlyList<string> ShortNames { get; } =
    [
        "std-service", "std-worker", "std-lib", "std-adr", "std-runbook", "std-design-doc",
    ];

    /// <summary>The hive folder.</summary>
    public string Folder { get; }

    /// <summary>The packed SDK (and templates) of this run.</summary>
    public PackedSdk Sdk { get; }

    /// <summary>The Standards.Templates package that was installed.</summary>
    public string Package { get; }

    /// <summary>
    /// Instantiates a template: <c>dotnet new &lt;shortName&gt; &lt;arguments&gt; --no-update-check
    /// --debug:custom-hive &lt;hive&gt;</c>, in a folder.
    /// </summary>
    public ProcessResult New(string workingDirectory, string shortName, params string[] arguments)
    {
        lock (_gate)
        {
            return Run(workingDirectory, ["new", shortName, .. arguments, "--no-update-check", "--debug:custom-hive", Folder]);
        }
    }

    /// <summary>Runs another <c>dotnet new</c> command (e.g. <c>list</c>) against the hive.</summary>
    public ProcessResult Command(string workingDirectory, params string[] arguments)
    {
        lock (_gate)
        {
            return Run(workingDirectory, ["new", .. arguments, "--debug:custom-hive", Folder]);
        }
    }

    private static TemplateHive Create()
    {
        var sdk = PackedSdk.Instance;
        var package = Path.Combine(sdk.Feed, $"Standards.Templates.{sdk.Version}.nupkg");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException(
                $"{package} does not exist: the feed of this run has no template pack of version {sdk.Version}. " +
                "Pack both packages with eng/test.sh (or run the tests without STANDARDS_TEST_FEED so the harness packs them).");
        }

        var folder = PackedSdk.NewTempDirectory("hive");
        var install = Run(folder, ["new", "install", package, "--debug:custom-hive", folder]).EnsureSuccess("dotnet new install " + package);

        // It exits 0 when a file of a template's content is loaded as a template and fails (an `Error: Failed to load
        // template` line): users see every such line, so none may be printed.
        var problems = install.Output.Split('\n').Where(line => line.StartsWith("Error", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Warning", StringComparison.OrdinalIgnoreCase)).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"dotnet new install {package} printed {problems.Count} error or warning line(s):\n{install.Output}");
        }

        // `dotnet new install` exits 0 even when a template.json is broken (platform notes pitfall 15): list them.
        var list = Run(folder, ["new", "list", "--debug:custom-hive", folder]).EnsureSuccess("dotnet new list");
        var missing = ShortNames.Where(name => !list.Output.Contains(name, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The templates {string.Join(", ", missing)} were not installed from {package}:\n{list.Output}");
        }

        return new TemplateHive(folder, sdk, package);
    }

    private static ProcessResult Run(string workingDirectory, IEnumerable<string> arguments) =>
        ProcessRunner.Run(
            "dotnet",
            arguments,
            workingDirectory,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackedSdk.Instance.PackagesFolder },
            // A guard against a hang, not a speed limit: `dotnet new` of a service repo restores four projects in its
            // post-action, which on a loaded 2-core machine took over two minutes.
            TimeSpan.FromMinutes(10));
}
