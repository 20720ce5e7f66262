using System.Globalization;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Budgets;

/// <summary>Times and sizes as standards.json writes them: a number (nanoseconds, bytes) or a string with a unit.</summary>
public static class Quantity
{
    private static readonly (string Unit, double Factor)[] TimeUnits =
        [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9)];

    private static readonly (string Unit, double Factor)[] SizeUnits =
        [("B", 1), ("KB", 1e3), ("KiB", 1024), ("MB", 1e6), ("MiB", 1024 * 1024), ("GB", 1e9), ("GiB", 1024.0 * 1024 * 1024)];

    /// <summary>A time in nanoseconds: 250, "250 ns", "1.5 us", "2 ms", "1 s".</summary>
    public static double? Nanoseconds(JsonValueNode node) => Parse(node, TimeUnits, StringComparison.Ordinal);

    /// <summary>A size in bytes: 65536, "64 KiB", "1.5 MB" (KB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024).</summary>
    public static double? Bytes(JsonValueNode node) => Parse(node, SizeUnits, StringComparison.OrdinalIgnoreCase);

    /// <summary>A time for messages: "1.234 us".</summary>
    public static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => Format(nanoseconds / 1e9) + " s",
        >= 1e6 => Format(nanoseconds / 1e6) + " ms",
        >= 1e3 => Format(nanoseconds / 1e3) + " us",
        _ => Format(nanoseconds) + " ns",
    };

    /// <summary>A size for messages: "65,536 B (64.0 KiB)".</summary>
    public static string Size(double bytes) =>
        bytes >= 1024 ? $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} B ({(bytes >= 1024 * 1024 ? Format(bytes / 1024 / 1024) + " MiB" : Format(bytes / 1024) + " KiB")})"
            : $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} B";

    private static string Format(double value) => value.ToString(value >= 100 ? "0.0" : "0.###", CultureInfo.InvariantCulture);

    private static double? Parse(JsonValueNode node, (string Unit, double Factor)[] units, StringComparison comparison)
    {
        if (node is JsonNumberNode number)
        {
            return number.TryGetDouble(out var value) && value >= 0 && !double.IsInfinity(value) && !double.IsNaN(value) ? value : null;
        }

        if (node is not JsonStringNode text)
        {
            return null;
        }

        var s = text.Value.Trim();
        foreach (var (unit, factor) in units.OrderByDescending(u => u.Unit.Length))
        {
            if (s.EndsWith(unit, comparison)
                && double.TryParse(s.Substring(0, s.Length - unit.Length).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value >= 0 && !double.IsInfinity(value) && !double.IsNaN(value))
            {
                return value * factor;
            }
        }

        return null;
    }
}
