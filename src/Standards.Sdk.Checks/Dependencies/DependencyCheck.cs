using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// The repo-wide dependency rules (profile §2): central package management (STD2001, STD2002), no floating
/// versions (STD2003), a committed, readable and up-to-date packages.lock.json per project (STD2004-STD2006),
/// readable MSBuild files (STD2007), the SDK pinned in global.json (STD2008, STD2009), and the shape of the
/// "dependencies" section of standards.json (STD0002). The per-project rules (audit settings, licences) run in
/// the StandardsCheckDependencies target. Findings name repo-relative files.
/// </summary>
public sealed class DependencyCheck : IRepositoryCheck
{
    /// <summary>The central versions file.</summary>
    public const string PackagesPropsFile = "Directory.Packages.props";

    /// <summary>The lock file name NuGet writes next to each project.</summary>
    public const string LockFileName = "packages.lock.json";

    /// <inheritdoc />
    public string Name => "dependencies";

    /// <inheritdoc />
    public void Run(RepositoryCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = new DependencyRun(context);
        run.CheckSettingsSection();
        run.CheckGlobalJson();
        var central = run.CheckCentralPackageManagement();
        run.CheckDirectoryBuildFiles();
        foreach (var project in context.Repository.Projects.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            PerFile.Run(context.Reporter, project.Path, "check the dependencies of", () => run.CheckProject(project, central));
        }

        run.CheckGitAnswered();
    }
}

/// <summary>The central versions: PackageVersion and GlobalPackageReference items of Directory.Packages.props.</summary>
/// <param name="File">The parsed file, or null when missing or malformed.</param>
/// <param name="Versions">Unconditional PackageVersion items by id.</param>
/// <param name="Declared">Every PackageVersion id, conditional ones included.</param>
/// <param name="Global">GlobalPackageReference items (direct references of every project).</param>
/// <param name="Items">Every PackageVersion item in file order, conditional ones included (<see cref="For"/>).</param>
internal sealed record CentralVersions(
    MsBuildXmlFile? File,
    IReadOnlyDictionary<string, PackageItem> Versions,
    IReadOnlySet<string> Declared,
    IReadOnlyList<PackageItem> Global,
    IReadOnlyList<PackageItem>? Items = null)
{
    public static CentralVersions None { get; } = new(null, new Dictionary<string, PackageItem>(), new HashSet<string>(), []);

    /// <summary>
    /// The versions restore uses for one section of a lock file: Directory.Packages.props evaluated for that target
    /// framework, as NuGet evaluates it once per framework (<c>Condition="'$(TargetFramework)' == 'net462'"</c> on an
    /// item or its group; <c>Update</c> changes an item declared before it). A package whose version depends on a
    /// condition that cannot be told here, or that is declared twice for the framework (NuGet's NU1506), has no version.
    /// </summary>
    public CentralVersions For(string lockSection)
    {
        if (Items is null)
        {
            return this;
        }

        var versions = new Dictionary<string, PackageItem>(StringComparer.OrdinalIgnoreCase);
        var unknown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items)
        {
            var applies = !item.Conditional ? true : item.Condition is null ? null : TargetFrameworkCondition.Evaluate(item.Condition, lockSection);
            if (applies is null)
            {
                unknown.Add(item.Id);
            }
            else if (applies == false)
            {
                continue;
            }
            else if (item.IsUpdate)
            {
                if (versions.ContainsKey(item.Id))
                {
                    versions[item.Id] = item;
                }
            }
            else if (item.Conditional && versions.ContainsKey(item.Id))
            {
                unknown.Add(item.Id);
            }
            else
            {
                versions[item.Id] = item;
            }
        }

        foreach (var id in unknown)
        {
            versions.Remove(id);
        }

        return this with { Versions = versions };
    }
}

/// <summary>One run of the check: its context and the files parsed so far.</summary>
internal sealed partial class DependencyRun(RepositoryCheckContext check)
{
    private readonly Dictionary<string, (MsBuildXmlFile? File, Finding? Problem)> parsed = new(StringComparer.Ordinal);

    private readonly RepositorySnapshot repository = check.Repository;

    public void CheckSettingsSection()
    {
        var (_, problems) = LicensePolicy.From(check.Standards);
        check.Reporter.AddRange(problems);
    }

    public void CheckGlobalJson()
    {
        var exists = repository.Exists(GlobalJsonCheck.FileName);
        var text = exists ? repository.ReadText(GlobalJsonCheck.FileName) : null;
        if (exists && text is null)
        {
            // Unreadable: STD0007 names it; judging its content would only repeat that.
            return;
        }

        foreach (var finding in GlobalJsonCheck.Run(GlobalJsonCheck.FileName, text, check.Reporter.SeverityOf))
        {
            Add(finding, null);
        }
    }

    /// <summary>
    /// STD2013 when git was asked which files it tracks and could not answer (not installed, refused the repo,
    /// ...): STD2004 then checked only that each lock file exists, and the build must say so.
    /// </summary>
    public void CheckGitAnswered()
    {
        if (repository.GitProblem is not { } problem || !repository.Projects.Any())
        {
            return;
        }

        Report(DependencyRuleIds.GitUnavailable, null, ".git", 0,
            $"Standards.Sdk could not ask git which lock files are committed ({problem}), so {DependencyRuleIds.LockFileMissing} checked only that each packages.lock.json exists, not that it is committed or not ignored. Install git or put it on the PATH (and, for a repo owned by another user, mark it safe with `git config --global --add safe.directory <repo>`), or set StandardsRepositoryChecksUseGit=false to check existence only on purpose.");
    }

    public CentralVersions CheckCentralPackageManagement()
    {
        const string file = DependencyCheck.PackagesPropsFile;
        foreach (var nested in repository.Files.Where(f => f.EndsWith("/" + file, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            Report(DependencyRuleIds.CentralPackageManagement, null, nested, 1,
                $"{nested} is a second {file}: projects below it no longer see the root one, so one package can have two versions in the repo. Move its PackageVersion items to the root {file} and delete it.");
        }

        if (!repository.Exists(file))
        {
            Report(DependencyRuleIds.CentralPackageManagement, null, file, 0,
                $"There is no {file} at the repo root, so every project picks its own package versions. Create it with <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>, <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled> and one <PackageVersion Include=\"Id\" Version=\"x.y.z\" /> per package, then remove Version= from the PackageReference items.");
            return CentralVersions.None;
        }

        var props = Parse(file, null);
        if (props is null)
        {
            return CentralVersions.None;
        }

        RequireTrue(props, "ManagePackageVersionsCentrally", "central package management is off");
        RequireTrue(props, "CentralPackageTransitivePinningEnabled", "transitive packages are not pinned to the central versions");
        var versions = new Dictionary<string, PackageItem>(StringComparer.OrdinalIgnoreCase);
        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in props.ItemsOf("PackageVersion").Concat(props.ItemsOf("GlobalPackageReference")))
        {
            CheckFloating(item.Version, item.Id, file, null);
            if (item.Kind == "PackageVersion")
            {
                declared.Add(item.Id);
                if (!item.Conditional && !item.IsUpdate)
                {
                    versions[item.Id] = item;
                }
            }
        }

        return new CentralVersions(props, versions, declared, [.. props.ItemsOf("GlobalPackageReference").Where(i => !i.Conditional)], [.. props.ItemsOf("PackageVersion")]);
    }

    /// <summary>PackageReference versions set in Directory.Build.props/targets are per-project versions too.</summary>
    public void CheckDirectoryBuildFiles()
    {
        foreach (var path in repository.Files.Where(f => f.Split('/')[^1] is "Directory.Build.props" or "Directory.Build.targets").Order(StringComparer.Ordinal))
        {
            var file = Parse(path, null);
            foreach (var reference in file?.ItemsOf("PackageReference") ?? [])
            {
                CheckReferenceVersion(path, path, null, reference);
            }
        }
    }

    public void CheckProject(RepositoryProject project, CentralVersions central)
    {
        var context = Context(project);
        var file = Parse(project.Path, context);
        if (file is null)
        {
            return;
        }

        foreach (var property in new[] { "ManagePackageVersionsCentrally", "CentralPackageTransitivePinningEnabled" })
        {
            if (file.LastProperty(property) is { } setting && !IsTrue(setting.Value))
            {
                Report(DependencyRuleIds.CentralPackageManagement, context, project.Path, setting.Line,
                    $"{project.Name} sets {property} to '{setting.Value}', opting out of central package management. Remove the property so the project takes its versions from {DependencyCheck.PackagesPropsFile}.");
            }
        }

        foreach (var reference in file.ItemsOf("PackageReference"))
        {
            CheckReferenceVersion(project.Path, project.Name, context, reference);
        }

        CheckLockFile(project, context, file, central);
    }

    private void CheckReferenceVersion(string path, string owner, ProjectContext? context, PackageItem reference)
    {
        if (reference.Version is { } version)
        {
            Report(DependencyRuleIds.VersionInProject, context, path, version.Line,
                $"PackageReference {reference.Id} in {owner} sets Version=\"{version.Value}\" in the project. Versions live in {DependencyCheck.PackagesPropsFile}: move it to <PackageVersion Include=\"{reference.Id}\" Version=\"{version.Value}\" /> there and remove Version from the reference.");
            CheckFloating(version, reference.Id, path, context);
        }

        if (reference.VersionOverride is { } versionOverride)
        {
            Report(DependencyRuleIds.VersionInProject, context, path, versionOverride.Line,
                $"PackageReference {reference.Id} in {owner} overrides the central version with VersionOverride=\"{versionOverride.Value}\". Use the central version from {DependencyCheck.PackagesPropsFile}, or add an exception for {DependencyRuleIds.VersionInProject} that says why this project needs another one.");
            CheckFloating(versionOverride, reference.Id, path, context);
        }
    }

    private void CheckFloating(XmlValue? version, string id, string file, ProjectContext? context)
    {
        if (version is not null && PackageVersionText.FloatingReason(version.Value) is { } reason)
        {
            Report(DependencyRuleIds.FloatingVersion, context, file, version.Line,
                $"The version of {id} is floating: {reason}, so two restores of the same commit can resolve different packages. Pin one exact version, e.g. Version=\"1.2.3\".");
        }
    }

    private void RequireTrue(MsBuildXmlFile props, string property, string consequence)
    {
        var setting = props.LastProperty(property);
        if (setting is null || !IsTrue(setting.Value))
        {
            var what = setting is null ? $"does not set {property}" : $"sets {property} to '{setting.Value}'";
            Report(DependencyRuleIds.CentralPackageManagement, null, props.Path, setting?.Line ?? 1,
                $"{DependencyCheck.PackagesPropsFile} {what}, so {consequence}. Add <{property}>true</{property}> to a PropertyGroup in it.");
        }
    }

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an MSBuild file once; reports it when it is not valid XML.</summary>
    internal MsBuildXmlFile? Parse(string path, ProjectContext? context)
    {
        if (!parsed.TryGetValue(path, out var result))
        {
            var text = repository.ReadText(path);
            result = text is null ? (null, null) : MsBuildXmlFile.Parse(path, text);
            parsed[path] = result;
            if (result.Problem is { } problem)
            {
                Add(problem, context);
            }
        }

        return result.File;
    }

    internal static ProjectContext Context(RepositoryProject project)
    {
        var directory = DirectoryOf(project.Path);
        var kind = ProjectKinds.IsKnown(project.Kind) ? project.Kind.ToLowerInvariant() : ProjectKinds.Library;
        return new ProjectContext(project.Name, kind, directory);
    }

    internal static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>Reports a finding of the repo, or of the project <paramref name="context"/> names (its kind, its exceptions).</summary>
    internal void Report(string ruleId, ProjectContext? context, string file, int line, string message) =>
        ReporterFor(context).Report(ruleId, message, file, line);

    /// <summary>
    /// A finding at most a warning: for work in progress that is only wrong once it reaches CI (a file not committed
    /// yet). Warnings are errors in CI and Release builds, so it still fails there.
    /// </summary>
    internal void ReportAtMostWarning(string ruleId, ProjectContext? context, string file, int line, string message) =>
        ReporterFor(context).Report(ruleId, message, file, line, atMost: Severity.Warning);

    /// <summary>Reports a finding a parser produced under its rule, at the rule's configured severity.</summary>
    private void Add(Finding finding, ProjectContext? context) =>
        ReporterFor(context).Report(finding.Code, finding.Message, finding.File, finding.Line, finding.Column);

    private FindingReporter ReporterFor(ProjectContext? context) => context is null ? check.Reporter : check.Reporter.For(context);
}
