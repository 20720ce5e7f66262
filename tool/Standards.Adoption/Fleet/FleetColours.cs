using System.Globalization;

namespace Standards.Adoption.Fleet;

/// <summary>A text colour on a background colour, as the page uses them (#rrggbb).</summary>
/// <param name="Name">Where the page uses the pair.</param>
/// <param name="Foreground">Text (or line) colour.</param>
/// <param name="Background">The colour behind it.</param>
/// <param name="IsText">True for text (WCAG AA: 4.5:1), false for graphics such as the sparkline (3:1).</param>
public sealed record ColourPair(string Name, string Foreground, string Background, bool IsText = true);

/// <summary>The colours of the fleet page, each pair at least WCAG AA contrast (checked by a unit test).</summary>
public static class FleetColours
{
    /// <summary>Body text.</summary>
    public static readonly ColourPair Text = new("text", "#1f2328", "#ffffff");

    /// <summary>Secondary text (dates, "n behind").</summary>
    public static readonly ColourPair Muted = new("muted", "#57606a", "#ffffff");

    /// <summary>Table headers.</summary>
    public static readonly ColourPair Header = new("header", "#1f2328", "#eaeef2");

    /// <summary>Links.</summary>
    public static readonly ColourPair Link = new("link", "#0550ae", "#ffffff");

    /// <summary>The failing badge.</summary>
    public static readonly ColourPair Failing = new("failing", "#ffffff", "#a40e26");

    /// <summary>The warnings badge.</summary>
    public static readonly ColourPair Warnings = new("warnings", "#4d2d00", "#fff8c5");

    /// <summary>The unmeasured badge (no coverage verdict recorded).</summary>
    public static readonly ColourPair Unmeasured = new("unmeasured", "#ffffff", "#57606a");

    /// <summary>The ok badge.</summary>
    public static readonly ColourPair Ok = new("ok", "#ffffff", "#116329");

    /// <summary>The sparkline on a row.</summary>
    public static readonly ColourPair Sparkline = new("sparkline", "#0550ae", "#ffffff", IsText: false);

    /// <summary>Every pair.</summary>
    public static IReadOnlyList<ColourPair> All { get; } = [Text, Muted, Header, Link, Failing, Unmeasured, Warnings, Ok, Sparkline];

    /// <summary>The WCAG 2 contrast ratio of two #rrggbb colours (1 to 21).</summary>
    public static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string colour)
    {
        double Channel(int at)
        {
            var c = int.Parse(colour.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
