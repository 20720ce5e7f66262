using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Snapshot;

/// <summary>One walk of a repo (<see cref="RepositorySnapshotLoader.Walk"/>): its files and the folders it could not list.</summary>
/// <param name="Root">Absolute repo root.</param>
/// <param name="Files">Repo-relative, '/'-separated paths, sorted.</param>
/// <param name="UnreadableFolders">Folders that could not be listed.</param>
public sealed record RepositoryWalk(string Root, List<string> Files, List<UnreadablePath> UnreadableFolders);
