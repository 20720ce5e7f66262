namespace Standards.Sdk.Checks.State;

/// <summary>A file or folder the checks needed and could not read, and why.</summary>
/// <param name="Path">Repo-relative path.</param>
/// <param name="Reason">Why, in a few words ("permission denied").</param>
/// <param name="IsFolder">True for a folder that could not be listed.</param>
public sealed record UnreadablePath(string Path, string Reason, bool IsFolder = false);
