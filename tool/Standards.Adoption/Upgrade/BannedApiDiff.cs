namespace Standards.Adoption.Upgrade;

/// <summary>A banned API (RS0030) of one of the SDK's banned-symbol files, with the replacement its line names.</summary>
/// <param name="File">The package's file (config/BannedSymbols.txt, or .Console.txt for services and workers).</param>
/// <param name="Symbol">The documentation id (<c>P:System.DateTime.Now</c>).</param>
/// <param name="Replacement">What the line says to call instead.</param>
public sealed record BannedApi(string File, string Symbol, string Replacement);

/// <summary>
/// The banned APIs two SDK versions ship, compared: a ban added fails code that compiled before, a ban removed
/// allows code the policy refused, so both are policy changes the upgrade changelog lists.
/// </summary>
public static class BannedApiDiff
{
    /// <summary>The banned-symbol files in the SDK package, as the SDK's BannedApis feature adds them.</summary>
    public static readonly IReadOnlyList<string> PackagePaths = ["config/BannedSymbols.txt", "config/BannedSymbols.Console.txt"];

    /// <summary>The bans of a file's text: one per line (<c>symbol;replacement</c>), blank and <c>//</c> comment lines skipped.</summary>
    public static IReadOnlyList<BannedApi> Read(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Split(';', 2))
            .Select(p => new BannedApi(file, p[0].Trim(), p.Length > 1 ? p[1].Trim() : string.Empty))];
    }

    /// <summary>The bans in <paramref name="after"/> and not in <paramref name="before"/>, and the reverse (compared by file and symbol).</summary>
    public static (IReadOnlyList<BannedApi> Added, IReadOnlyList<BannedApi> Removed) Between(IReadOnlyList<BannedApi> before, IReadOnlyList<BannedApi> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Select(b => (b.File, b.Symbol)).ToHashSet();
        var current = after.Select(b => (b.File, b.Symbol)).ToHashSet();
        return ([.. after.Where(b => !old.Contains((b.File, b.Symbol)))], [.. before.Where(b => !current.Contains((b.File, b.Symbol)))]);
    }
}
