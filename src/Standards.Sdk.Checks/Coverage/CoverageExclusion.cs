using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>A line of a source file.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line.</param>
public sealed record SourceLine(string File, int Line);

/// <summary>
/// Finds <c>[assembly: ExcludeFromCodeCoverage]</c>, which takes a whole project out of coverage: coverlet then
/// writes no line of it, and a gate over nothing would pass (STD4009 names the line instead).
/// </summary>
public static partial class CoverageExclusion
{
    /// <summary>The first assembly-wide exclusion in the given sources, or null.</summary>
    /// <param name="files">Source files, in the order they are searched.</param>
    /// <param name="read">A file's text, or null when it cannot be read.</param>
    public static SourceLine? Find(IEnumerable<string> files, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(read);
        foreach (var file in files)
        {
            if (read(file) is not { } text)
            {
                continue;
            }

            var match = AssemblyExclusion().Match(text);
            if (match.Success)
            {
                var line = 1 + text.Take(match.Index).Count(c => c == '\n');
                return new SourceLine(file, line);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[ \t]*\[[ \t]*assembly[ \t]*:[ \t]*(global::)?(System\.Diagnostics\.CodeAnalysis\.)?ExcludeFromCodeCoverage(Attribute)?[ \t]*[\](]", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AssemblyExclusion();
}
