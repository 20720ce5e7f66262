using System.Diagnostics;
using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>What a build asks the versioning for.</summary>
public sealed record VersionRequest
{
    /// <summary>The project's folder (version.json is looked up from here).</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>Where cached facts live (the repo's state folder), or null for no disk cache.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The CI system's view of the build.</summary>
    public CloudBuildContext Cloud { get; init; } = CloudBuildContext.None;

    /// <summary>PublicRelease given explicitly (<c>-p:PublicRelease=true</c>), or null to decide from the ref.</summary>
    public bool? PublicReleaseOverride { get; init; }

    /// <summary>The height to use without git history; null for 0 with a warning.</summary>
    public int? FallbackHeight { get; init; }
}

/// <summary>The computed version, what was wrong, and why it is what it is.</summary>
public sealed record VersionOutcome
{
    /// <summary>The versions, or null when they could not be computed (the findings say why) or no version.json applies.</summary>
    public ComputedVersion? Version { get; init; }

    /// <summary>The options used.</summary>
    public VersionOptions? Options { get; init; }

    /// <summary>Problems, coded STD60xx.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>"Why" lines for <c>dotnet build -t:StandardsVersion</c>.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    /// <summary>The ref being built, or null (detached HEAD outside CI, or no git).</summary>
    public string? BuildingRef { get; init; }

    /// <summary>The committer date of HEAD (Unix seconds), or null without git.</summary>
    public long? CommitTime { get; init; }

    /// <summary>Where the facts came from: memory, cache file, git, or none.</summary>
    public string FactsSource { get; init; } = "none";

    /// <summary>Whether version.json lets the CI system have the version variables (cloudBuild.setVersionVariables).</summary>
    public bool SetCloudBuildVariables { get; init; }

    /// <summary>
    /// The version of the latest stable release tag in HEAD's history, HEAD's own tags left out (the release before
    /// this build; what API compatibility is checked against), or null when there is none.
    /// </summary>
    public string? LatestRelease { get; init; }
}

/// <summary>
/// The versioning entry point the MSBuild task (and later the <c>dotnet standards</c> tool) calls: finds the
/// version.json files that apply, reads them, gets the git facts (cached by HEAD, tags, shallow state and the
/// version.json folder), computes every version and checks the failure modes (docs/release.md).
/// </summary>
public static class VersionEngine
{
    /// <summary>
    /// Computes the version for a project folder. The no-op path reads HEAD and the version.json files, and returns
    /// the outcome cached for exactly those inputs (<see cref="VersionResultCache"/>); anything new is computed.
    /// </summary>
    public static VersionOutcome Compute(VersionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var projectDirectory = Path.GetFullPath(request.ProjectDirectory);
        var workTree = GitWorkTree.Find(projectDirectory);

        // The working copy's files: what the user sees is what the build uses.
        var files = OnDiskCandidates(projectDirectory, workTree?.Root);
        if (files.All(f => f.Content is null))
        {
            return new VersionOutcome { Explanation = ["No version.json applies to this project: versioning is left to the .NET SDK (1.0.0 unless Version is set)."] };
        }

        var head = workTree is null ? null : workTree.ReadHead() ?? workTree.ReadHeadWithGit();
        var key = VersionResultCache.Key(request, workTree, head, files);
        if (VersionResultCache.Get(key, request.StateDirectory) is { } cached)
        {
            return cached;
        }

        var outcome = ComputeUncached(request, workTree, head, files);
        outcome = outcome with { SetCloudBuildVariables = outcome.Options?.CloudBuildSetVersionVariables ?? false };
        VersionResultCache.Store(key, request.StateDirectory, outcome);
        return outcome;
    }

    /// <summary>Forgets the in-memory caches (tests).</summary>
    public static void ClearCaches()
    {
        VersionFactsCache.ClearMemory();
        VersionResultCache.ClearMemory();
    }

    private static VersionOutcome ComputeUncached(VersionRequest request, GitWorkTree? workTree, GitHead? head, List<VersionFileCandidate> files)
    {
        var findings = new List<Finding>();
        var why = new List<string>();
        var projectDirectory = Path.GetFullPath(request.ProjectDirectory);
        var settings = VersionFileChain.Resolve(files, findings, out var sources);
        if (settings is null)
        {
            return new VersionOutcome { Findings = findings };
        }

        var options = settings.ToOptions(sources);
        var nearest = files.First(f => f.Content is not null);
        why.Add($"version.json: {string.Join(" inheriting ", sources)} sets version {options.VersionText}.");
        var versionDirectory = nearest.RepoPath.Contains('/', StringComparison.Ordinal) ? nearest.RepoPath[..nearest.RepoPath.LastIndexOf('/')] : string.Empty;

        if (workTree is null)
        {
            return WithoutHistory(request, options, findings, why, $"{projectDirectory} is not inside a git work tree (a source archive?)");
        }

        if (head is null)
        {
            return WithoutHistory(request, options, findings, why, "git could not read HEAD (is git installed?)");
        }

        if (head.Commit is null)
        {
            return WithoutHistory(request, options, findings, why, "the repository has no commit yet");
        }

        var watch = Stopwatch.StartNew();
        var key = VersionFactsCache.Key(workTree, head, versionDirectory);
        var (facts, error) = VersionFactsCache.Get(key, request.StateDirectory, () => GitHistoryReader.Read(workTree, versionDirectory), out var source);
        if (facts is null)
        {
            var notInstalled = error?.Contains("could not be started", StringComparison.Ordinal) == true;
            if (notInstalled)
            {
                return WithoutHistory(request, options, findings, why, "git is not installed or not on the PATH");
            }

            findings.Add(new Finding(ReleaseRuleIds.GitFailed, Severity.Error,
                $"The version could not be computed because git failed in {workTree.Root}: {error} Check that the clone is intact ('git status', 'git fsck'), and that git trusts the folder ('git config --global --add safe.directory <path>' when it is owned by another user).",
                options.VersionSource.File, options.VersionSource.Line));
            return new VersionOutcome { Options = options, Findings = findings, Explanation = why };
        }

        why.Add($"facts for commit {facts.HeadCommit} from {source} ({watch.ElapsedMilliseconds} ms).");
        return WithHistory(request, options, facts, head, findings, why, source);
    }

    private static VersionOutcome WithHistory(VersionRequest request, VersionOptions options, VersionFacts facts, GitHead head, List<Finding> findings, List<string> why, string source)
    {
        var committedSpec = CommittedVersion(facts);
        var height = facts.Height;
        if (committedSpec is null)
        {
            height = 0;
            why.Add("height 0: version.json is not committed yet.");
        }
        else if (committedSpec != options.Version)
        {
            height = 0;
            why.Add($"height 0: the working copy changes the version ({committedSpec} committed, {options.Version} on disk); no commit has it yet.");
        }
        else
        {
            var filters = options.PathFilters.Count == 0 ? "every commit counts" : "counting only commits that change " + string.Join(", ", options.PathFilters.Select(f => f.Text));
            why.Add($"height {height}: commits on the longest path since version {Describe(options.Version!)} was set ({filters}).");
        }

        if (options.VersionHeightOffset != 0)
        {
            why.Add($"versionHeightOffset {options.VersionHeightOffset} is added to a non-zero height.");
        }

        if (facts.HistoryIncomplete)
        {
            findings.Add(new Finding(ReleaseRuleIds.ShallowClone, Severity.Error,
                $"This is a shallow clone and its history ends before the commit that set version {options.VersionText}, so the height ({height} so far) and the version would be wrong. Clone the full history: actions/checkout with 'fetch-depth: 0', GitLab 'GIT_DEPTH: \"0\"', Azure Pipelines 'fetchDepth: 0', or 'git fetch --unshallow'.",
                options.VersionSource.File, options.VersionSource.Line));
        }

        var buildingRef = request.Cloud.BuildingRef ?? head.SymbolicRef;
        var publicRelease = request.PublicReleaseOverride ?? VersionCalculator.IsPublicRelease(options, buildingRef, facts.HeadTags);
        why.Add(PublicReason(request, options, buildingRef, facts.HeadTags, publicRelease));
        if (!CheckHeightRange(options, height, findings))
        {
            return new VersionOutcome { Options = options, Findings = findings, Explanation = why, BuildingRef = buildingRef, CommitTime = facts.HeadCommitTime, FactsSource = source };
        }

        var version = VersionCalculator.Compute(options, height, facts.HeadCommit, facts.AbbreviatedCommit, publicRelease);
        CheckReleaseTags(options, version, facts, buildingRef, findings, why);
        return new VersionOutcome
        {
            LatestRelease = ReleaseTags.LatestStable(facts.ReachableTags.Where(t => !string.Equals(t.Commit, facts.HeadCommit, StringComparison.OrdinalIgnoreCase)))?.Version,
            Version = version,
            Options = options,
            Findings = findings,
            Explanation = why,
            BuildingRef = buildingRef,
            CommitTime = facts.HeadCommitTime,
            FactsSource = source,
        };
    }

    private static VersionOutcome WithoutHistory(VersionRequest request, VersionOptions options, List<Finding> findings, List<string> why, string reason)
    {
        var height = request.FallbackHeight ?? 0;
        findings.Add(new Finding(ReleaseRuleIds.NoGitRepository, request.FallbackHeight is null ? Severity.Warning : Severity.Info,
            $"No git history for the version: {reason}. The version comes from version.json ({options.VersionText}) with height {height}{(request.FallbackHeight is null ? " (set StandardsVersionFallbackHeight to choose it)" : " (StandardsVersionFallbackHeight)")}, and without a commit id every such build gets the same version. Build from a git clone with full history for unique versions.",
            options.VersionSource.File, options.VersionSource.Line));
        why.Add($"height {height}: {reason}, so StandardsVersionFallbackHeight{(request.FallbackHeight is null ? " (default 0)" : string.Empty)} is used.");
        var buildingRef = request.Cloud.BuildingRef;
        var publicRelease = request.PublicReleaseOverride ?? VersionCalculator.IsPublicRelease(options, buildingRef, []);
        if (!CheckHeightRange(options, height, findings))
        {
            return new VersionOutcome { Options = options, Findings = findings, Explanation = why };
        }

        var version = VersionCalculator.Compute(options, height, request.Cloud.CommitId, null, publicRelease);
        why.Add(request.Cloud.CommitId is null ? "no commit id: the versions carry none." : $"commit id {request.Cloud.CommitId} from the CI system.");
        return new VersionOutcome { Version = version, Options = options, Findings = findings, Explanation = why, BuildingRef = buildingRef };
    }

    private static List<VersionFileCandidate> OnDiskCandidates(string projectDirectory, string? workTreeRoot)
    {
        var result = new List<VersionFileCandidate>();
        for (var dir = new DirectoryInfo(projectDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, VersionFile.FileName);
            // Without a repo there are no repo paths; the full path serves (path filters are not used then).
            var repoPath = workTreeRoot is null ? path.Replace('\\', '/') : Path.GetRelativePath(workTreeRoot, path).Replace('\\', '/');
            result.Add(new VersionFileCandidate(repoPath, path, GitWorkTree.ReadText(path)));
            if (workTreeRoot is not null && string.Equals(dir.FullName.TrimEnd(Path.DirectorySeparatorChar), workTreeRoot.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                break;
            }
        }

        return result;
    }

    private static VersionSpec? CommittedVersion(VersionFacts facts)
    {
        if (facts.CommittedFiles.Count == 0)
        {
            return null;
        }

        var committed = facts.CommittedFiles.Select(f => new VersionFileCandidate(f.Key, f.Key, f.Value));
        var settings = VersionFileChain.Resolve(committed, [], out var sources);

        // A committed file that does not parse has no version: the working copy's differs, so the height is 0.
        return settings?.ToOptions(sources).Version ?? new VersionSpec(0, 0, -1, -1, "-unreadable", string.Empty);
    }

    private static bool CheckHeightRange(VersionOptions options, int height, List<Finding> findings)
    {
        var adjusted = height == 0 ? 0 : height + options.VersionHeightOffset;
        var position = options.Version?.HeightPosition ?? HeightPosition.None;
        if (adjusted < 0 || (adjusted > VersionCalculator.MaxComponent && position is HeightPosition.Build or HeightPosition.Revision))
        {
            findings.Add(new Finding(ReleaseRuleIds.HeightOutOfRange, Severity.Error,
                $"The version height is {adjusted} (git height {height}, versionHeightOffset {options.VersionHeightOffset}); a version number must be between 0 and {VersionCalculator.MaxComponent}. Raise the version in version.json (a new version starts at height 1) or fix versionHeightOffset.",
                options.VersionSource.File, options.VersionSource.Line));
            return false;
        }

        return true;
    }

    private static void CheckReleaseTags(VersionOptions options, ComputedVersion version, VersionFacts facts, string? buildingRef, List<Finding> findings, List<string> why)
    {
        var released = version.SimpleVersion + version.PrereleaseVersion;
        var headRelease = facts.HeadTags.Select(t => ReleaseTags.Parse(t, facts.HeadCommit)).OfType<ReleaseTag>().ToList();
        if (buildingRef is not null && ReleaseTags.Parse(buildingRef, facts.HeadCommit) is { } built && headRelease.All(t => t.Name != built.Name))
        {
            headRelease.Add(built);
        }

        if (headRelease.Count > 0 && headRelease.All(t => ReleaseTags.Compare(t.Version, released) != 0))
        {
            var tag = headRelease[0];
            findings.Add(new Finding(ReleaseRuleIds.ReleaseTagMismatch, Severity.Error,
                $"The commit is tagged {tag.Name}, but version.json ({options.VersionText}) and the git height give {released}: the packages would not carry the tagged version. Move the tag to the commit that computes {tag.Version} or tag this commit v{released} ('dotnet build -t:StandardsVersion' shows the computed version).",
                options.VersionSource.File, options.VersionSource.Line));
        }

        var latest = ReleaseTags.Latest(facts.ReachableTags.Where(t => !string.Equals(t.Commit, facts.HeadCommit, StringComparison.OrdinalIgnoreCase)));
        if (latest is null)
        {
            return;
        }

        why.Add($"latest release tag in the history: {latest.Name}.");
        var order = ReleaseTags.Compare(released, latest.Version);
        if (order <= 0)
        {
            findings.Add(new Finding(ReleaseRuleIds.VersionBehindReleaseTag, Severity.Error,
                $"version.json ({options.VersionText}) gives {released}, which is {(order == 0 ? "the version already released as" : "lower than the release tag")} {latest.Name} in this branch's history: versions must only go up. Set 'version' in version.json above {latest.Version} (e.g. the next minor version).",
                options.VersionSource.File, options.VersionSource.Line));
        }
    }

    private static string PublicReason(VersionRequest request, VersionOptions options, string? buildingRef, IReadOnlyList<string> headTags, bool publicRelease)
    {
        if (request.PublicReleaseOverride is { } forced)
        {
            return $"public release: {(forced ? "yes" : "no")}, set by PublicRelease={forced.ToString().ToLowerInvariant()}.";
        }

        var refs = string.Join(", ", options.EffectivePublicReleaseRefSpec) + (options.PublicReleaseRefSpec is null ? " (the default public refs: version.json sets no publicReleaseRefSpec)" : string.Empty);
        var building = buildingRef ?? "a detached HEAD";
        var tags = headTags.Count == 0 ? string.Empty : $" (tags on HEAD: {string.Join(", ", headTags)})";
        return publicRelease
            ? $"public release: yes, {building}{tags} matches {refs}; no commit id in the package version."
            : $"public release: no, {building}{tags} matches none of {refs}; the package version carries -{options.GitCommitIdPrefix}<commit>.";
    }

    private static string Describe(VersionSpec spec) => spec.HeightPosition switch
    {
        HeightPosition.Build => $"{spec.Major}.{spec.Minor}",
        HeightPosition.Revision => $"{spec.Major}.{spec.Minor}.{spec.Build}",
        _ => spec.ToString(),
    };

    /// <summary>The lines <c>nbgv get-version</c> prints, for the StandardsVersion target.</summary>
    public static IReadOnlyList<string> Table(VersionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Version is not { } v)
        {
            return [];
        }

        var rows = new (string Name, string? Value)[]
        {
            ("Version", v.BuildVersion),
            ("AssemblyVersion", v.AssemblyVersion),
            ("AssemblyInformationalVersion", v.InformationalVersion),
            ("NuGetPackageVersion", v.NuGetPackageVersion),
            ("SemVer2", v.SemVer2),
            ("PublicRelease", v.PublicRelease ? "true" : "false"),
            ("VersionHeight", v.VersionHeight.ToString(CultureInfo.InvariantCulture)),
            ("GitCommitId", v.GitCommitId),
            ("BuildingRef", outcome.BuildingRef),
            ("CloudBuildNumber", v.CloudBuildNumber),
        };
        return [.. rows.Where(r => !string.IsNullOrEmpty(r.Value)).Select(r => $"{r.Name + ":",-30}{r.Value}")];
    }
}
