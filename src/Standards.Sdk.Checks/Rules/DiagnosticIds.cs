using System.Text;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The shape of a diagnostic id, for ids standards.json may configure although Standards.Sdk does not manage them
/// (CA2201, IDE0005, CS1998, MA0051, SA1600, S1234, VSTHRD200, xUnit1004, ...): letters, then digits. Roslyn
/// accepts any id an analyzer declares, but every analyzer family in use follows this shape, and a key that does
/// not (a space, a dash, a bare number, no number) is a typo the build must name, not silently write into the
/// analyzer config where it would match nothing.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>The prefix of Standards.Sdk's own rules: an unknown STD code is a typo, never a third-party id.</summary>
    public const string OwnPrefix = "STD";

    /// <summary>True for letters (1-15) followed by digits (1-6), e.g. CA2201, S1234, xUnit1004.</summary>
    public static bool IsWellFormed(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var letters = 0;
        while (letters < id.Length && char.IsAsciiLetter(id[letters]))
        {
            letters++;
        }

        var digits = id.Length - letters;
        return letters is >= 1 and <= 15 && digits is >= 1 and <= 6 && id.Skip(letters).All(char.IsAsciiDigit);
    }

    /// <summary>True for a well-formed id that is not Standards.Sdk's own (an id another analyzer or the compiler reports).</summary>
    public static bool IsExternal(string id) =>
        IsWellFormed(id) && !id.StartsWith(OwnPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The well-formed id a malformed one most likely means: separators and spaces dropped ("CA 2201", "ca-2201"),
    /// a bare number read as the C# compiler reads it in NoWarn ("8602" is CS8602); null when nothing fits.
    /// </summary>
    public static string? Suggest(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var compact = new StringBuilder();
        foreach (var c in id.Trim().Where(c => char.IsAsciiLetter(c) || char.IsAsciiDigit(c)))
        {
            compact.Append(char.ToUpperInvariant(c));
        }

        var candidate = compact.ToString();
        if (candidate.Length > 0 && candidate.All(char.IsAsciiDigit))
        {
            candidate = NullableWarnings.CompilerId(candidate);
        }

        return candidate.Length > 0 && IsWellFormed(candidate) && !string.Equals(candidate, id, StringComparison.Ordinal) ? candidate : null;
    }
}
