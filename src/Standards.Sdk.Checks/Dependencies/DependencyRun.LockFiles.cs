using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>The lock-file rules: STD2004 (committed), STD2006 (readable), STD2005 (up to date).</summary>
internal sealed partial class DependencyRun
{
    private static readonly string[] DirectoryBuildFiles = ["Directory.Build.props", "Directory.Build.targets"];

    private void CheckLockFile(RepositoryProject project, ProjectContext context, MsBuildXmlFile file, CentralVersions central)
    {
        var directory = DirectoryOf(project.Path);
        var lockPath = directory.Length == 0 ? DependencyCheck.LockFileName : $"{directory}/{DependencyCheck.LockFileName}";
        var fix = FixCommand(project.Path);
        if (!repository.Exists(lockPath))
        {
            Report(DependencyRuleIds.LockFileMissing, context, lockPath, 0,
                $"{project.Name} has no {DependencyCheck.LockFileName}, so its restore is not repeatable. Run {fix} and commit {lockPath}.");
            return;
        }

        // Two different states: git ignores the file (it can never be committed as things stand: the .gitignore is
        // wrong), or git does not know it yet (a restore just wrote it, as the first build after adopting does: work
        // in progress, wrong only once it reaches CI, so a warning, which CI and Release builds make an error).
        if (repository.IgnoredFiles?.Contains(lockPath) == true)
        {
            Report(DependencyRuleIds.LockFileMissing, context, lockPath, 0,
                $"{lockPath} is ignored by git (a .gitignore rule matches it), so it can never be committed and CI restores without it. Find the rule with `git check-ignore -v {lockPath}`, remove it (or add `!{DependencyCheck.LockFileName}` after it), then `git add {lockPath}` and commit.");
        }
        else if (repository.TrackedFiles is { } tracked && !tracked.Contains(lockPath))
        {
            ReportAtMostWarning(DependencyRuleIds.LockFileMissing, context, lockPath, 0,
                $"{lockPath} is new and not committed yet (git does not track it), so CI would restore without it. Run `git add {lockPath}` and commit it with the project.");
        }

        var text = repository.ReadText(lockPath);
        if (text is null)
        {
            return;
        }

        var (lockFile, problems) = PackagesLockFile.Parse(lockPath, text, fix);
        foreach (var problem in problems)
        {
            Report(problem.Code, context, lockPath, problem.Line, problem.Message);
        }

        if (lockFile is not null)
        {
            CheckDrift(project, context, file, central, lockFile, lockPath, fix);
        }
    }

    private static string FixCommand(string projectPath) =>
        $"`dotnet restore --force-evaluate` from the repo root (or `dotnet restore {projectPath} --force-evaluate` for this project alone)";

    private void CheckDrift(RepositoryProject project, ProjectContext context, MsBuildXmlFile file, CentralVersions central, PackagesLockFile lockFile, string lockPath, string fix)
    {
        var maybe = Possible(file);
        // A target framework without a section is judged per project on the evaluated value (LockFileFrameworksCheck):
        // here the project file is only text, and the frameworks may come from Directory.Build.props. Each section is
        // judged on the central versions of its own framework, as restore evaluates them.
        var drift = new List<(string Id, int Line, string Problem)>();
        foreach (var section in lockFile.Frameworks)
        {
            var sectionCentral = central.For(section.Framework);
            var references = Definite(project, file, sectionCentral);
            drift.AddRange(ReferencesNotLocked(section, references));
            drift.AddRange(section.Entries.Select(entry => LockedNotReferenced(section, entry, sectionCentral, references, maybe)).OfType<(string, int, string)>());
        }

        foreach (var (id, line, problem) in drift.DistinctBy(d => d.Id, StringComparer.OrdinalIgnoreCase))
        {
            Report(DependencyRuleIds.LockFileOutOfDate, context, lockPath, line,
                $"{lockPath} is out of date: {problem}. CI restores in locked mode and fails with NU1004. Run {fix}, then commit the updated lock files.");
        }
    }

    /// <summary>Packages the project references that the framework's section lacks as direct dependencies, or locks at another range.</summary>
    private static IEnumerable<(string Id, int Line, string Problem)> ReferencesNotLocked(LockFramework section, Dictionary<string, string?> references)
    {
        foreach (var (id, requested) in references)
        {
            var entry = section.Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase) && e.Type == "Direct");
            if (entry is null)
            {
                yield return (id, section.Line, $"{id} is referenced by the project but is not a direct dependency in the lock file ({section.Framework})");
            }
            else if (requested is not null && entry.Requested is { } locked && !PackageVersionText.SameRange(locked, requested))
            {
                yield return (id, entry.Line, $"the lock file has {id} {locked} ({section.Framework}) but the project now asks for {requested}");
            }
        }
    }

    /// <summary>A lock file entry the project or the central versions no longer ask for (null: the entry is current).</summary>
    private static (string Id, int Line, string Problem)? LockedNotReferenced(
        LockFramework section, LockEntry entry, CentralVersions central, Dictionary<string, string?> references, HashSet<string> maybe)
    {
        if (entry.Type == "CentralTransitive" && central.File is not null)
        {
            return CentralDrift(section, entry, central);
        }

        if (entry.Type == "Direct" && central.Declared.Contains(entry.Id) && !references.ContainsKey(entry.Id) && !maybe.Contains(entry.Id))
        {
            return (entry.Id, entry.Line, $"the lock file still lists {entry.Id} as a direct dependency ({section.Framework}) but the project no longer references it");
        }

        return null;
    }

    private static (string Id, int Line, string Problem)? CentralDrift(LockFramework section, LockEntry entry, CentralVersions central)
    {
        if (!central.Declared.Contains(entry.Id))
        {
            return (entry.Id, entry.Line, $"the lock file pins {entry.Id} centrally ({section.Framework}) but {DependencyCheck.PackagesPropsFile} no longer declares it");
        }

        var centralVersion = central.Versions.GetValueOrDefault(entry.Id)?.Version?.Value;
        var expected = centralVersion is null ? null : PackageVersionText.RequestedRange(centralVersion);
        if (expected is not null && entry.Requested is { } locked && !PackageVersionText.SameRange(locked, expected))
        {
            return (entry.Id, entry.Line, $"the lock file pins {entry.Id} {locked} ({section.Framework}) but {DependencyCheck.PackagesPropsFile} now says {expected}");
        }

        return null;
    }

    /// <summary>Packages the project certainly references directly, with the range restore will request (null: unknown).</summary>
    private Dictionary<string, string?> Definite(RepositoryProject project, MsBuildXmlFile file, CentralVersions central)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var global in central.Global)
        {
            result[global.Id] = global.Version is null ? null : PackageVersionText.RequestedRange(global.Version.Value);
        }

        var files = new List<MsBuildXmlFile>();
        foreach (var name in DirectoryBuildFiles)
        {
            if (Nearest(project.Path, name) is { } path && Parse(path, null) is { } imported)
            {
                files.Add(imported);
            }
        }

        files.Add(file);
        foreach (var reference in files.SelectMany(f => f.ItemsOf("PackageReference")).Where(r => !r.Conditional && !r.IsUpdate))
        {
            var version = reference.VersionOverride?.Value ?? reference.Version?.Value ?? central.Versions.GetValueOrDefault(reference.Id)?.Version?.Value;
            result[reference.Id] = version is null ? null : PackageVersionText.RequestedRange(version);
        }

        return result;
    }

    /// <summary>
    /// Packages the project may reference: conditional items, any item in a props/targets file of the repo, and the
    /// packages Standards.Sdk adds itself (<see cref="SdkAddedReferences"/>).
    /// </summary>
    private HashSet<string> Possible(MsBuildXmlFile file)
    {
        var ids = new HashSet<string>(file.ItemsOf("PackageReference").Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        ids.UnionWith(importedReferences ??= ImportedReferences());
        ids.UnionWith(SdkAddedReferences.Ids);
        return ids;
    }

    private HashSet<string>? importedReferences;

    private HashSet<string> ImportedReferences()
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in repository.Files.Where(f => (f.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
            && !f.EndsWith(DependencyCheck.PackagesPropsFile, StringComparison.Ordinal)))
        {
            var text = repository.ReadText(path);
            if (text is null || !text.Contains("PackageReference", StringComparison.Ordinal))
            {
                continue;
            }

            var (imported, _) = MsBuildXmlFile.Parse(path, text);
            foreach (var reference in imported?.ItemsOf("PackageReference") ?? [])
            {
                ids.Add(reference.Id);
            }
        }

        return ids;
    }

    /// <summary>The nearest file of that name in the project's folder or above it, within the repo.</summary>
    private string? Nearest(string projectPath, string name)
    {
        var directory = DirectoryOf(projectPath);
        while (true)
        {
            var candidate = directory.Length == 0 ? name : $"{directory}/{name}";
            if (repository.Exists(candidate))
            {
                return candidate;
            }

            if (directory.Length == 0)
            {
                return null;
            }

            directory = DirectoryOf(directory);
        }
    }
}
