using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Policy;

/// <summary>Finds where an MSBuild property is set, so a finding about its value points at that line.</summary>
public static class PropertyLines
{
    /// <summary>
    /// The first line of <paramref name="files"/> (in order) with an element <c>&lt;property&gt;</c>, optionally one
    /// holding <paramref name="containing"/>; (<paramref name="fallbackFile"/>, <paramref name="fallbackLine"/>) when none does.
    /// </summary>
    public static (string File, int Line) Find(
        IEnumerable<string> files, Func<string, string?> readFile, string property, string? containing, string fallbackFile, int fallbackLine)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(readFile);
        var pattern = new Regex($"<{Regex.Escape(property)}(\\s[^>]*)?>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        foreach (var file in files.Where(f => !string.IsNullOrEmpty(f)))
        {
            var lines = readFile(file)?.Split('\n') ?? [];
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.IsMatch(lines[i]) && (containing is null || lines[i].Contains(containing, StringComparison.OrdinalIgnoreCase)))
                {
                    return (file, i + 1);
                }
            }
        }

        return (fallbackFile, fallbackLine);
    }
}
