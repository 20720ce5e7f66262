namespace Standards.Sdk.Checks.Policy;

/// <summary>What a check needs to know about the project being built.</summary>
/// <param name="Name">The project name (file name without extension).</param>
/// <param name="Kind">The project kind (see <see cref="Rules.ProjectKinds"/>).</param>
/// <param name="RepoRelativeDirectory">The project folder relative to the repo root, '/'-separated ("" at the root).</param>
public sealed record ProjectContext(string Name, string Kind, string RepoRelativeDirectory)
{
    /// <summary>True when an exception's scope names this project, its folder, or a glob matching its folder.</summary>
    public bool IsInScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var normalized = Glob.Normalize(scope).TrimEnd('/');
        if (normalized is "*" or "**" || string.Equals(normalized, Name, StringComparison.Ordinal))
        {
            return true;
        }

        // A folder scope covers the projects below it; a glob is matched against the project folder.
        return Glob.IsMatch(normalized, RepoRelativeDirectory)
            || (!normalized.Contains('*', StringComparison.Ordinal) && Glob.IsMatch(normalized + "/**", RepoRelativeDirectory));
    }
}
