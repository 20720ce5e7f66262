namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>A commit and its parents, as <c>git rev-list --parents</c> lists them.</summary>
/// <param name="Id">The commit id.</param>
/// <param name="Parents">The parent ids (none for a root commit, or a commit at a shallow clone's boundary).</param>
public sealed record CommitNode(string Id, IReadOnlyList<string> Parents);

/// <summary>One changed path between a commit and one parent (a line of <c>git diff-tree --raw</c>).</summary>
/// <param name="Path">The repo-relative path.</param>
/// <param name="ParentBlob">The blob in the parent, or null when the commit added the path.</param>
public sealed record DiffEntry(string Path, string? ParentBlob);

/// <summary>
/// The git height, computed as Nerdbank.GitVersioning documents it (doc/versionJson.md, doc/pathFilters.md): the
/// number of commits on the longest path from HEAD back to the commit that set the current version, where a
/// commit counts only when it changes a path the <c>pathFilters</c> of its own version.json let through. A parent
/// whose version.json gives a different version (different major.minor for x.y, a different x.y.z for x.y.z, a
/// different version or label when the label holds <c>{height}</c>) ends the path.
/// <para>Fed commits children-first (<c>git rev-list --topo-order</c>) with their diffs against each parent; it
/// tracks the version.json blobs of every reached commit from HEAD downwards, so no commit's tree is ever read.</para>
/// </summary>
public sealed class HeightWalk
{
    private readonly IReadOnlyList<string> candidates;
    private readonly HashSet<string> candidateSet;
    private readonly Func<IReadOnlyList<string?>, VersionOptions?> optionsAt;
    private readonly VersionSpec baseline;
    private readonly HashSet<string> shallowCommits;
    private readonly Dictionary<string, string?[]> blobsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> inRegion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> relevant = new(StringComparer.Ordinal);
    private readonly List<CommitNode> regionOrder = [];
    private int pending;

    /// <summary>Starts a walk at HEAD.</summary>
    /// <param name="head">The commit HEAD points at.</param>
    /// <param name="candidates">The version.json paths that may apply, nearest first.</param>
    /// <param name="headBlobs">Their blob ids at HEAD (null: absent), same order.</param>
    /// <param name="baseline">HEAD's committed version.</param>
    /// <param name="optionsAt">The options a set of blobs gives (null when none or invalid); callers cache it.</param>
    /// <param name="shallowCommits">The commits at a shallow clone's boundary.</param>
    public HeightWalk(string head, IReadOnlyList<string> candidates, IReadOnlyList<string?> headBlobs, VersionSpec baseline,
        Func<IReadOnlyList<string?>, VersionOptions?> optionsAt, HashSet<string> shallowCommits)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(headBlobs);
        Head = head;
        this.candidates = candidates;
        candidateSet = new HashSet<string>(candidates, StringComparer.Ordinal);
        this.baseline = baseline;
        this.optionsAt = optionsAt;
        this.shallowCommits = shallowCommits;
        blobsOf[head] = [.. headBlobs];
        pending = 1;
    }

    /// <summary>The commit the walk starts from.</summary>
    public string Head { get; }

    /// <summary>True once every commit that can still count has been seen: the rest of the history is not needed.</summary>
    public bool Done => pending == 0;

    /// <summary>True when a counted commit sits at a shallow clone's boundary (its parents are missing).</summary>
    public bool HistoryIncomplete { get; private set; }

    /// <summary>Whether the commit needs its diffs (it was reached from HEAD and not yet seen).</summary>
    public bool Wants(string commit) => blobsOf.ContainsKey(commit) && !inRegion.ContainsKey(commit);

    /// <summary>Feeds the next commit in topological order, with its diff against each parent (one list for a root commit).</summary>
    public void Feed(CommitNode commit, IReadOnlyList<IReadOnlyList<DiffEntry>> diffs)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(diffs);
        if (!Wants(commit.Id))
        {
            return;
        }

        pending--;
        var blobs = blobsOf[commit.Id];
        var options = optionsAt(blobs);
        var counts = commit.Id == Head || (options?.Version is { } version && version.KeepsHeightOf(baseline));
        inRegion[commit.Id] = counts;
        if (!counts)
        {
            return;
        }

        regionOrder.Add(commit);
        var filters = options?.PathFilters ?? [];
        relevant[commit.Id] = filters.Count == 0 || diffs.Any(diff => diff.Any(entry => PathFilter.Counts(filters, entry.Path)));
        if (commit.Parents.Count == 0 && shallowCommits.Contains(commit.Id))
        {
            HistoryIncomplete = true;
        }

        ReachParents(commit, blobs, diffs);
    }

    /// <summary>
    /// Marks the parents not yet reached as reached, each with the version.json blobs it has: the commit's own, but
    /// where the diff against that parent changed a candidate path, the parent's blob.
    /// </summary>
    private void ReachParents(CommitNode commit, string?[] blobs, IReadOnlyList<IReadOnlyList<DiffEntry>> diffs)
    {
        for (var i = 0; i < commit.Parents.Count; i++)
        {
            var parent = commit.Parents[i];
            if (blobsOf.ContainsKey(parent))
            {
                continue;
            }

            var parentBlobs = (string?[])blobs.Clone();
            foreach (var entry in i < diffs.Count ? diffs[i] : [])
            {
                if (candidateSet.Contains(entry.Path))
                {
                    parentBlobs[IndexOf(entry.Path)] = entry.ParentBlob;
                }
            }

            blobsOf[parent] = parentBlobs;
            pending++;
        }
    }

    /// <summary>The height of HEAD: per counted commit 1 when it is relevant, plus the largest height among its counted parents.</summary>
    public int Height()
    {
        var heights = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = regionOrder.Count - 1; i >= 0; i--)
        {
            var commit = regionOrder[i];
            var best = 0;
            foreach (var parent in commit.Parents)
            {
                if (heights.TryGetValue(parent, out var h) && h > best)
                {
                    best = h;
                }
            }

            heights[commit.Id] = (relevant[commit.Id] ? 1 : 0) + best;
        }

        return heights.GetValueOrDefault(Head);
    }

    private int IndexOf(string path)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i] == path)
            {
                return i;
            }
        }

        return -1;
    }
}
