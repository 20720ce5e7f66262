using System.Text;
using NuGet.Versioning;
using Standards.Adoption;
using Standards.Adoption.Update;
using Standards.Adoption.Upgrade;

namespace Standards.Tool.Tests.Update;

/// <summary>The feeds: every version given, listed.</summary>
internal sealed class Packs(IReadOnlyList<string> served) : ITemplatePacks
{
    public string Describe() => "test feed";

    public IReadOnlyList<FeedVersion> Versions() => [.. served.Select(v => new FeedVersion(NuGetVersion.Parse(v), true))];

    public bool Download(NuGetVersion version, string file)
    {
        File.WriteAllText(file, version.ToNormalizedString());
        return true;
    }
}

/// <summary>
/// dotnet: install remembers the package's version per hive, new writes that version's files (each <c>{sdk}</c> in
/// them replaced by the --sdk-version given, else the pack's version, as the templates default), restore succeeds
/// unless told otherwise; git is real. Safe to call from two threads at once, as the update generates base and theirs.
/// </summary>
/// <param name="versions">Each pack version's files, path to text.</param>
internal sealed class ScriptedDotnet(IReadOnlyDictionary<string, Dictionary<string, string>> versions) : ICommandRunner
{
    private readonly Dictionary<string, string> hives = new(StringComparer.Ordinal);
    private readonly List<string> calls = [];
    private readonly ProcessCommandRunner git = new();

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>Every `dotnet new` of these versions fails.</summary>
    public IReadOnlyCollection<string> FailNewOf { get; set; } = [];

    /// <summary>When set, each `dotnet new &lt;template&gt;` waits here for the other one: both must be running at once.</summary>
    public Barrier? Together { get; set; }

    /// <summary>Whether every `dotnet new &lt;template&gt;` met the other one at <see cref="Together"/>.</summary>
    public bool MetEachTime { get; private set; } = true;

    public string RestoreOutput { get; set; } = "restored";

    /// <summary>When set, what `dotnet restore` does in the repo (the folder given): it may write files, fail or throw.</summary>
    public Func<string, CommandResult>? Restore { get; set; }

    public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (command == "git")
        {
            return git.Run(command, arguments, workingDirectory, environment);
        }

        string? version;
        lock (calls)
        {
            calls.Add(string.Join(' ', arguments));
            var hive = arguments.SkipWhile(a => a != "--debug:custom-hive").Skip(1).FirstOrDefault();
            if (arguments is ["new", "install", var package, ..])
            {
                hives[hive!] = File.ReadAllText(package);
                return new CommandResult(0, "installed");
            }

            version = hive is null ? null : hives.GetValueOrDefault(hive);
        }

        if (arguments is ["new", "std-lib", ..] && Together is { } together && !together.SignalAndWait(TimeSpan.FromMinutes(1)))
        {
            MetEachTime = false;
        }

        if (arguments is ["new", "std-lib", ..] && !FailNewOf.Contains(version!))
        {
            Assert.Contains("--generated-on=2026-03-04", arguments);
            var output = arguments[arguments.ToList().IndexOf("-o") + 1];
            var sdk = arguments.FirstOrDefault(a => a.StartsWith("--sdk-version=", StringComparison.Ordinal))?["--sdk-version=".Length..] ?? version!;
            foreach (var (path, text) in versions[version!])
            {
                var file = Path.Combine(output, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, Encoding.UTF8.GetBytes(text.Replace("{sdk}", sdk, StringComparison.Ordinal)));
            }

            return new CommandResult(0, "The template was created successfully.");
        }

        if (arguments is ["restore", ..])
        {
            return Restore?.Invoke(workingDirectory) ?? new CommandResult(0, RestoreOutput);
        }

        return new CommandResult(127, "Error: Invalid option(s):\n--bad");
    }
}
