namespace Standards.Sdk.Checks.ProjectPolicy;

/// <summary>
/// The banned-API list the compiler gets when a project has lists of its own (<c>BannedSymbols*.txt</c> additional
/// files) besides the SDK's: the BannedApiAnalyzers report a symbol listed in two lists as RS0031 ("listed multiple
/// times"), an error no baseline can hold, so the SDK's entries whose symbol id a repo list already bans are left out
/// of the merged list. The repo's entry, with its own message, bans the symbol; its other bans are kept as they are.
/// </summary>
public static class BannedSymbolLists
{
    /// <summary>
    /// The SDK's lines, in order, without those whose symbol id <paramref name="theirs"/> bans and without a second
    /// line for an id already given (the analyzer reads each list the same way: a line is <c>id</c> or
    /// <c>id;message</c>, a line starting with <c>//</c> is a comment, blank lines are skipped).
    /// </summary>
    /// <param name="ours">The lines of the SDK's lists, concatenated.</param>
    /// <param name="theirs">The lines of the repo's lists.</param>
    public static IReadOnlyList<string> Merge(IEnumerable<string> ours, IEnumerable<string> theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        var banned = new HashSet<string>(theirs.Select(SymbolId).OfType<string>(), StringComparer.Ordinal);
        var merged = new List<string>();
        foreach (var line in ours)
        {
            if (SymbolId(line) is not { } id)
            {
                merged.Add(line);
            }
            else if (banned.Add(id))
            {
                merged.Add(line);
            }
        }

        return merged;
    }

    /// <summary>The symbol id a list line bans (the text before the first ';', trimmed), or null for a comment or blank line.</summary>
    public static string? SymbolId(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var separator = trimmed.IndexOf(';');
        var id = (separator < 0 ? trimmed : trimmed[..separator]).Trim();
        return id.Length == 0 ? null : id;
    }
}
