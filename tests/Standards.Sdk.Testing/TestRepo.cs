using System.Text;

namespace Standards.Sdk.Testing;

/// <summary>
/// A throw-away repository on disk that consumes the packed Standards.Sdk: global.json pins the SDK and the
/// Standards.Sdk version (msbuild-sdks), nuget.config maps Standards.* to the test feed only.
/// </summary>
public sealed class TestRepo : IDisposable
{
    private readonly string cleanupRoot;

    private TestRepo(string root, PackedSdk sdk, string? cleanupRoot = null)
    {
        Root = root;
        Sdk = sdk;
        this.cleanupRoot = cleanupRoot ?? root;
    }

    /// <summary>The repo root.</summary>
    public string Root { get; }

    /// <summary>The packed SDK it uses.</summary>
    public PackedSdk Sdk { get; }

    /// <summary>Where the binary logs of this repo's builds go: beside the repo, never inside it (the checks read the repo).</summary>
    public string BinaryLogFolder => Root + ".binlogs";

    /// <summary>
    /// When false (the default), every dotnet command runs with StandardsRepositoryChecks=false, so tests about
    /// one project are not failed by the repo-wide layout and dependency checks of a throw-away repo that has no
    /// README, CODEOWNERS, ADRs... Tests of the repository checks (and of repos meant to be fully compliant,
    /// like generated templates) set it to true.
    /// </summary>
    public bool RepositoryChecks { get; set; }

    /// <summary>
    /// Creates an empty repo (global.json, nuget.config) that uses the packed SDK; <paramref name="folder"/> names
    /// the repo root's path below a fresh temp folder (e.g. "team#1/repo", for paths with odd characters).
    /// </summary>
    public static TestRepo Create(PackedSdk? sdk = null, string? folder = null)
    {
        sdk ??= PackedSdk.Instance;
        var temp = PackedSdk.NewTempDirectory("repo");
        var root = folder is null ? temp : Path.Combine(temp, folder);
        Directory.CreateDirectory(root);
        var repo = new TestRepo(root, sdk, temp);
        repo.WriteFile("global.json", GlobalJson(sdk.Version));
        repo.WriteFile("nuget.config", NuGetConfig(sdk.Feed));
        return repo;
    }

    /// <summary>The global.json a consuming repo has.</summary>
    public static string GlobalJson(string sdkVersion) =>
        $$"""
        {
          "sdk": { "version": "10.0.401", "rollForward": "latestFeature" },
          "msbuild-sdks": { "Standards.Sdk": "{{sdkVersion}}" }
        }
        """;

    /// <summary>A nuget.config that takes Standards.* from the feed and everything else from the default source.</summary>
    public static string NuGetConfig(string feed) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="standards-test" value="{feed}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="standards-test"><package pattern="Standards.*" /></packageSource>
            <packageSource key="nuget.org"><package pattern="*" /></packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    /// <summary>Writes a file (creating folders); returns this repo for chaining.</summary>
    public TestRepo WriteFile(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return this;
    }

    /// <summary>Writes a project <c>dir/name.csproj</c> on Standards.Sdk with the given body inside &lt;Project&gt;.</summary>
    public TestRepo WriteProject(string relativeDirectory, string name, string body = "")
    {
        var text = string.IsNullOrWhiteSpace(body)
            ? "<Project Sdk=\"Standards.Sdk\" />\n"
            : $"<Project Sdk=\"Standards.Sdk\">\n{body}\n</Project>\n";
        return WriteFile($"{relativeDirectory}/{name}.csproj", text);
    }

    /// <summary>Deletes a file.</summary>
    public TestRepo DeleteFile(string relativePath)
    {
        File.Delete(PathOf(relativePath));
        return this;
    }

    /// <summary>Reads a file.</summary>
    public string ReadFile(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>True when the file exists.</summary>
    public bool Exists(string relativePath) => File.Exists(PathOf(relativePath));

    /// <summary>Absolute path of a repo-relative path.</summary>
    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    /// <summary>
    /// Runs <c>dotnet build</c> on a project, solution or the repo root. The result is read from the build's binary
    /// log (diagnostics, messages, target and task runs); the console output, at normal verbosity without the
    /// terminal logger, is kept for failure messages. <paramref name="ci"/> sets CI=true.
    /// </summary>
    public BuildResult Build(string? relativeTarget = null, bool ci = true, params string[] extraArguments) =>
        Dotnet(["build", .. Target(relativeTarget), "-v:n", "-tl:off", "-clp:NoSummary", "-nr:false", .. extraArguments], ci);

    /// <summary>Starts <c>dotnet build</c> like <see cref="Build"/> without waiting: for tests of concurrent builds.</summary>
    public RunningBuild StartBuild(string? relativeTarget, bool ci, params string[] extraArguments)
    {
        Directory.CreateDirectory(BinaryLogFolder);
        var binaryLog = Path.Combine(BinaryLogFolder, $"started-{Guid.NewGuid():N}.binlog");
        string[] arguments = ["build", .. Target(relativeTarget), "-v:n", "-tl:off", "-clp:NoSummary", "-nr:false", $"-bl:{binaryLog};ProjectImports=None", .. extraArguments];
        return new RunningBuild(ProcessRunner.Start("dotnet", arguments, Root, BuildEnvironment(ci, null)), binaryLog);
    }

    /// <summary>
    /// Runs any dotnet command in the repo with the test environment (MSBuild commands with a binary log), killed after
    /// <paramref name="timeout"/> (10 minutes by default).
    /// </summary>
    public BuildResult Dotnet(IEnumerable<string> arguments, bool ci = true, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        DotnetCommand.Run(arguments, Root, BuildEnvironment(ci, environment), BinaryLogFolder, timeout);

    private Dictionary<string, string?> BuildEnvironment(bool ci, IReadOnlyDictionary<string, string?>? environment)
    {
        var env = new Dictionary<string, string?>(Sdk.BuildEnvironment);
        if (ci)
        {
            env["CI"] = "true";
        }

        if (!RepositoryChecks)
        {
            // An environment variable is a default for the MSBuild property: a -p: or a project value still wins.
            env["StandardsRepositoryChecks"] = "false";
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        return env;
    }

    /// <summary>Runs git in the repo (identity and default branch set so commits work anywhere).</summary>
    public ProcessResult Git(params string[] arguments) =>
        ProcessRunner.Run("git", ["-c", "user.name=Standards Tests", "-c", "user.email=tests@example.invalid", "-c", "init.defaultBranch=main", .. arguments], Root)
            .EnsureSuccess("git " + string.Join(' ', arguments));

    /// <inheritdoc />
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("STANDARDS_KEEP_TEST_REPOS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(cleanupRoot, recursive: true);
            if (Directory.Exists(BinaryLogFolder))
            {
                Directory.Delete(BinaryLogFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private string[] Target(string? relativeTarget) => relativeTarget is null ? [] : [PathOf(relativeTarget)];
}
