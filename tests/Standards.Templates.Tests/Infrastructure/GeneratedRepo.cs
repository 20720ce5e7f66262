namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// A repository generated from one of the repo templates into a temp folder, pinned to the packed Standards.Sdk
/// of this run (<c>--sdk-version</c>, <c>--sdk-feed</c>), and the dotnet commands its CI pipeline runs.
/// </summary>
public sealed class GeneratedRepo
{
    private GeneratedRepo(string root, string template, string name, ProcessResult generation)
    {
        Root = root;
        Template = template;
        Name = name;
        Generation = generation;
    }

    /// <summary>The repo root (the folder holding global.json).</summary>
    public string Root { get; }

    /// <summary>The template short name.</summary>
    public string Template { get; }

    /// <summary>The <c>-n</c> value.</summary>
    public string Name { get; }

    /// <summary>What <c>dotnet new</c> printed.</summary>
    public ProcessResult Generation { get; }

    /// <summary>Where the binary logs of the repo's builds go: beside the repo, deleted with it.</summary>
    public string BinaryLogFolder => Path.Combine(Path.GetDirectoryName(Root)!, "binlogs");

    /// <summary>The environment of every command: isolated NUGET_PACKAGES, no MSBuild server or node reuse.</summary>
    public static IReadOnlyDictionary<string, string?> Environment => PackedSdk.Instance.BuildEnvironment;

    /// <summary>
    /// <c>dotnet new &lt;template&gt; -n &lt;name&gt; -o &lt;temp&gt;/&lt;name&gt; --sdk-version &lt;run version&gt;
    /// --sdk-feed &lt;run feed, relative to the repo&gt; &lt;options&gt;</c>; throws when it fails.
    /// </summary>
    public static GeneratedRepo Generate(string template, string name, params string[] options) =>
        Generate(template, name, TemplateHive.Instance.Sdk.Feed, options);

    /// <summary>As <see cref="Generate(string, string, string[])"/>, with Standards.* taken from <paramref name="feed"/>.</summary>
    public static GeneratedRepo Generate(string template, string name, string feed, IReadOnlyList<string> options)
    {
        var hive = TemplateHive.Instance;
        var parent = PackedSdk.NewTempDirectory(template);
        var root = Path.Combine(parent, name);
        var result = hive.New(
                parent,
                template,
                ["-n", name, "-o", root, "--sdk-version", hive.Sdk.Version, "--sdk-feed", Path.GetRelativePath(root, feed), .. options])
            .EnsureSuccess($"dotnet new {template} -n {name} {string.Join(' ', options)}");

        // A new repo is a git repository with its first commit: the git-aware checks (e.g. lock files ignored by
        // the generated .gitignore) then see it as users' CI does.
        Git(root, "init", "-q", "-b", "main");
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", $"dotnet new {template}");
        return new GeneratedRepo(root, template, name, result);
    }

    /// <summary>Runs git in a folder with an identity set, so commits work anywhere.</summary>
    public static ProcessResult Git(string folder, params string[] arguments) =>
        ProcessRunner.Run("git", ["-c", "user.name=Standards Tests", "-c", "user.email=tests@example.invalid", .. arguments], folder)
            .EnsureSuccess("git " + string.Join(' ', arguments));

    /// <summary>Every file of the repo (repo-relative, '/'-separated, ordinal order), without build output.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(segment => segment is "bin" or "obj" or "TestResults" or ".git"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads a repo file.</summary>
    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>True when the repo file exists.</summary>
    public bool Exists(string relativePath) => File.Exists(PathOf(relativePath));

    /// <summary>Absolute path of a repo-relative path.</summary>
    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    /// <summary>The first project file matching a repo-relative glob-free folder, e.g. <c>cmd</c>.</summary>
    public string ProjectUnder(string folder) =>
        Path.GetRelativePath(Root, Directory.EnumerateFiles(PathOf(folder), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First())
            .Replace('\\', '/');

    /// <summary><c>dotnet restore --locked-mode</c> in CI mode, as the generated CI pipelines run it.</summary>
    public BuildResult Restore() => HeavyWork.Run(() => Dotnet(["restore", "--locked-mode", "-tl:off", "-nologo"]));

    /// <summary><c>dotnet build -c Release --no-restore</c> in CI mode (warnings are errors).</summary>
    public BuildResult Build() =>
        HeavyWork.Run(() => Dotnet(["build", "-c", "Release", "--no-restore", "-tl:off", "-nologo", "-clp:NoSummary", "-nr:false"]));

    /// <summary>
    /// The CI pipelines' coverage step, <c>dotnet build -c Release --no-restore -t:StandardsCoverage -m:1</c> in CI mode:
    /// the coverage gate on the tests' reports, which also adds the merged coverage to compliance.json.
    /// </summary>
    public BuildResult Coverage() =>
        HeavyWork.Run(() => Dotnet(["build", "-c", "Release", "--no-restore", "-t:StandardsCoverage", "-m:1", "-nr:false"]));

    /// <summary>
    /// <c>dotnet test -c Release --no-build</c> in CI mode, with extra environment variables. Generated repos run
    /// their tests on Microsoft.Testing.Platform, whose test apps take no MSBuild switches (-tl, -nologo).
    /// </summary>
    public BuildResult Test(IReadOnlyDictionary<string, string?>? environment = null) =>
        HeavyWork.Run(() => Dotnet(["test", "-c", "Release", "--no-build"], environment: environment));

    /// <summary>
    /// Runs a dotnet command at the repo root with CI=true (unless <paramref name="ci"/> is false); an MSBuild command
    /// runs on one node unless it names a node count (<see cref="DotnetCommand.Run"/>). The CI
    /// pipelines' own command lines, node count and all, run in CiPipelineRunTests.
    /// </summary>
    public BuildResult Dotnet(IEnumerable<string> arguments, bool ci = true, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>(Environment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        if (ci)
        {
            env["CI"] = "true";
        }

        return DotnetCommand.Run(arguments, Root, env, BinaryLogFolder);
    }

    /// <summary>Deletes the repo (kept when STANDARDS_KEEP_TEST_REPOS=1, for debugging).</summary>
    public void Delete()
    {
        if (System.Environment.GetEnvironmentVariable("STANDARDS_KEEP_TEST_REPOS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Template} -n {Name} ({Root})";
}
