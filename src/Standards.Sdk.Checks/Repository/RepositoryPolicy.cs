using System.Globalization;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// The policy as it applies to the repository as a whole: the <see cref="EffectivePolicy"/> of a pseudo-project
/// whose kind is the repo kind (service, worker or library), so rules restricted to kinds (e.g. runbooks for
/// services and workers) and the "rules" section of standards.json work for repo findings exactly as they do
/// for project findings. Findings are raised, and severities and exceptions applied, by the <see cref="FindingReporter"/>
/// built from it.
/// </summary>
public sealed class RepositoryPolicy
{
    /// <summary>The name of the pseudo-project that stands for the repository.</summary>
    public const string RepositoryContextName = "(repository)";

    /// <summary>Creates the view.</summary>
    public RepositoryPolicy(StandardsPolicy policy, RepositoryKind kind, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(kind);
        Policy = policy;
        Kind = kind;
        Today = today;
        Effective = new EffectivePolicy(policy, new ProjectContext(RepositoryContextName, kind.Kind, string.Empty), today);
    }

    /// <summary>The repo policy.</summary>
    public StandardsPolicy Policy { get; }

    /// <summary>The repo kind and why.</summary>
    public RepositoryKind Kind { get; }

    /// <summary>The date dates are judged against.</summary>
    public DateOnly Today { get; }

    /// <summary>The effective policy of the repository pseudo-project.</summary>
    public EffectivePolicy Effective { get; }

    /// <summary>Creates the view for a snapshot, inferring the repo kind when standards.json does not declare it.</summary>
    public static RepositoryPolicy For(RepositorySnapshot repository, StandardsPolicy policy, DateOnly today) =>
        new(policy, RepositoryKind.Resolve(policy, repository), today);

    /// <summary>A parameter value as text (standards.json, else the default).</summary>
    public string Parameter(string ruleId, string name) => Effective.Parameter(RuleCatalog.Get(ruleId), name);

    /// <summary>A list parameter, split and trimmed.</summary>
    public IReadOnlyList<string> ListParameter(string ruleId, string name) =>
        Parameter(ruleId, name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A whole-number parameter (the default when the configured text is not a number).</summary>
    public int IntParameter(string ruleId, string name)
    {
        var rule = RuleCatalog.Get(ruleId);
        return int.TryParse(Parameter(ruleId, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : int.Parse(rule.Parameters.First(p => p.Name == name).Default, CultureInfo.InvariantCulture);
    }
}

/// <summary>The repo kind (service, worker, library) and how it was decided.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Reason">Why, for messages ("declared in standards.json", "cmd/Acme.Api is an ASP.NET Core executable").</param>
/// <param name="Declared">True when standards.json declares it.</param>
public sealed record RepositoryKind(string Kind, string Reason, bool Declared)
{
    /// <summary>
    /// The declared kind, else: an ASP.NET Core executable (a service project) makes a service repo, any other
    /// executable (worker or tool project) a worker repo, no executable a library repo (profile §3). Projects not on
    /// Standards.Sdk, executables under the tests folder (test hosts, fixtures) and under a samples folder (a
    /// library's sample apps, <see cref="IsSample"/>) do not count.
    /// </summary>
    public static RepositoryKind Resolve(StandardsPolicy policy, RepositorySnapshot repository)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(repository);
        if (policy.RepoKind is { } declared && ProjectKinds.IsKnown(declared))
        {
            return new RepositoryKind(declared.ToLowerInvariant(), "declared by \"kind\" in standards.json", true);
        }

        // Only projects on the policy count (RepositoryScope), and only the executables the repo ships.
        repository = RepositoryScope.Apply(repository, policy);
        var testsFolder = RepositoryScope.TestsFolder(repository, policy);
        var executables = repository.Projects
            .Where(p => IsShippedExecutable(p, testsFolder))
            .OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var service = executables.FirstOrDefault(p => p.Kind == ProjectKinds.Service);
        if (service is not null)
        {
            return new RepositoryKind(ProjectKinds.Service, $"inferred: {service.Path} is an ASP.NET Core executable", false);
        }

        return executables.Count > 0
            ? new RepositoryKind(ProjectKinds.Worker, $"inferred: {executables[0].Path} is an executable that is not an ASP.NET Core service", false)
            : new RepositoryKind(ProjectKinds.Library, "inferred: the repo has no executable project", false);
    }

    /// <summary>The folder names that hold sample apps (any case), wherever they are in a project's path.</summary>
    public static readonly IReadOnlyList<string> SampleFolders = ["samples", "sample", "examples", "example"];

    /// <summary>
    /// True for a project in a samples folder (<see cref="SampleFolders"/>: <c>samples/Web/Web.csproj</c>,
    /// <c>src/Examples/Console/Console.csproj</c>): an app that shows how to use the repo's code, not an entry point
    /// the repo ships, so it does not make a library repo a service or worker repo and need not live under cmd/.
    /// </summary>
    public static bool IsSample(string projectPath)
    {
        ArgumentNullException.ThrowIfNull(projectPath);
        var folders = projectPath.Split('/');
        return folders.Take(folders.Length - 1).Any(f => SampleFolders.Contains(f, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True for an executable the repo ships, the ones that decide its kind and live under cmd/ (STD3007): not a test
    /// host or fixture under the tests folder (<paramref name="testsFolder"/>, without a slash), which the tests run,
    /// nor a sample app, which shows how to use the code.
    /// </summary>
    public static bool IsShippedExecutable(RepositoryProject project, string testsFolder)
    {
        ArgumentNullException.ThrowIfNull(project);
        return IsExecutable(project.Kind) && !project.Path.StartsWith(testsFolder + "/", StringComparison.Ordinal) && !IsSample(project.Path);
    }

    /// <summary>True for the kinds that are executables a repo ships (test and benchmark runners are not).</summary>
    public static bool IsExecutable(string projectKind) =>
        projectKind is ProjectKinds.Service or ProjectKinds.Worker or ProjectKinds.Tool;
}
