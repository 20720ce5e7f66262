using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// What the repository checks look at: the snapshot without the files and folders standards.json excludes
/// (layout.exclude: vendored or generated code) and, unless layout.projectsWithoutStandardsSdk is "check", without
/// the projects that are not on Standards.Sdk (an Aspire AppHost, a tool on its own SDK): those are neither checked
/// as if they were on the policy nor counted when the repo kind is inferred. Applied once per view; every repo check
/// and the repo kind go through it, so they all see the same repo.
/// </summary>
public static class RepositoryScope
{
    /// <summary>The scoped view (the snapshot itself when it is one already).</summary>
    public static RepositorySnapshot Apply(RepositorySnapshot repository, StandardsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(policy);
        if (repository.IsScoped)
        {
            return repository;
        }

        // Problems of the section are reported by the layout check, which reads it again.
        var settings = LayoutSettings.Read(policy, new List<Finding>());
        var globs = settings.Exclude.Select(e => Glob.Normalize(e.Value).TrimEnd('/')).Where(g => g.Length > 0).ToList();
        bool Keep(string path) => !globs.Any(g => Glob.IsMatch(g, path) || Glob.IsMatch(g + "/**", path));
        return repository.Where(Keep, project => settings.CheckProjectsWithoutStandardsSdk || project.UsesStandardsSdk);
    }

    /// <summary>The tests folder of the repo (configured, else tests/ or test/, whichever exists), without a slash.</summary>
    public static string TestsFolder(RepositorySnapshot repository, StandardsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(policy);
        return LayoutSettings.Read(policy, new List<Finding>()).TestsFolderIn(repository.Files);
    }
}
