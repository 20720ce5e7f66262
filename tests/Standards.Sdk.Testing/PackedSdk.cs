namespace Standards.Sdk.Testing;

/// <summary>
/// The Standards.Sdk (and Standards.Templates) packages for this test run: packed once, with a unique version,
/// into a temp feed, consumed through an isolated global packages folder (platform notes §3: re-packing a
/// version is never seen by the resolver; reused nodes keep old task assemblies).
/// When eng/test.sh has packed already it passes STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION, and every test
/// assembly shares that one pack.
/// </summary>
public sealed class PackedSdk
{
    private static readonly Lazy<PackedSdk> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackedSdk(string feed, string version, string packagesFolder)
    {
        Feed = feed;
        Version = version;
        PackagesFolder = packagesFolder;
    }

    /// <summary>The pack for this test run.</summary>
    public static PackedSdk Instance => Shared.Value;

    /// <summary>Folder holding Standards.Sdk.&lt;Version&gt;.nupkg, Standards.Tool.&lt;Version&gt;.nupkg and Standards.Templates.&lt;Version&gt;.nupkg.</summary>
    public string Feed { get; }

    /// <summary>The unique version of this run.</summary>
    public string Version { get; }

    /// <summary>The isolated NUGET_PACKAGES folder builds use.</summary>
    public string PackagesFolder { get; }

    /// <summary>Environment every build under test runs with.</summary>
    public IReadOnlyDictionary<string, string?> BuildEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        // Each test build is its own short-lived MSBuild: no server, no reused nodes holding task assemblies.
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        // The compiler server (VBCSCompiler) does stay: a machine may set UseSharedCompilation=false in its
        // environment, and then every one of the suite's thousands of compiles starts csc cold, about a second of
        // CPU each (docs/performance.md, "The test suite's own time"). It holds no task assembly, takes analyzers
        // by path (each pack has its own version, so its own path) and exits when idle; eng/test.sh stops it.
        ["UseSharedCompilation"] = "true",
    };

    private static PackedSdk Create()
    {
        var feed = Environment.GetEnvironmentVariable("STANDARDS_TEST_FEED");
        var version = Environment.GetEnvironmentVariable("STANDARDS_TEST_VERSION");
        var packages = Environment.GetEnvironmentVariable("STANDARDS_TEST_PACKAGES");
        if (!string.IsNullOrEmpty(feed) && !string.IsNullOrEmpty(version))
        {
            return new PackedSdk(feed, version, string.IsNullOrEmpty(packages) ? NewTempDirectory("gpf") : packages);
        }

        // Packed with -p:Version, the property users pack with, as eng/common.sh packs: PackVersionTests reads this
        // pack as the end-to-end check that the ordinary property gives packages and templates that agree.
        version = $"0.0.1-test.{DateTimeOffset.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        feed = NewTempDirectory("feed");
        ProcessRunner.Run(
                "dotnet",
                ["pack", Path.Combine(RepoPaths.Root, "sdk", "Standards.Sdk.csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo"],
                RepoPaths.Root)
            .EnsureSuccess("Packing Standards.Sdk");

        // The dotnet standards tool is versioned with the SDK too (eng/common.sh pack_all).
        ProcessRunner.Run(
                "dotnet",
                ["pack", Path.Combine(RepoPaths.Root, "tool", "Standards.Tool", "Standards.Tool.csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo"],
                RepoPaths.Root)
            .EnsureSuccess("Packing Standards.Tool");

        // The template pack is versioned with the SDK: same version, same feed (as eng/common.sh pack_all does).
        var templates = Path.Combine(RepoPaths.Root, "templates", "Standards.Templates.csproj");
        if (File.Exists(templates))
        {
            ProcessRunner.Run(
                    "dotnet",
                    ["pack", templates, "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo"],
                    RepoPaths.Root)
                .EnsureSuccess("Packing Standards.Templates");
        }

        return new PackedSdk(feed, version, NewTempDirectory("gpf"));
    }

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string NewTempDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "standards-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
