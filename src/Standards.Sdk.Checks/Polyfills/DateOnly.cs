#nullable enable
// Hand-written: Polyfill 11.4.5 has no DateOnly.
using System.Globalization;

namespace Standards.Sdk;

/// <summary>
/// The members of .NET's <c>System.DateOnly</c> that our code uses, for the netstandard2.0 build. It lives in
/// namespace Standards.Sdk (not System) and is public because it appears in the checks' public API: code in any
/// Standards.Sdk.* namespace finds it before System's, so call sites are the same on both runtimes, and a
/// .NET test project compiled against this build (which also sees System.DateOnly) is not ambiguous.
/// Formatting and parsing go through <see cref="DateTime"/> with the same format strings, so results match.
/// </summary>
public readonly struct DateOnly : IComparable<DateOnly>, IEquatable<DateOnly>, IComparable, IFormattable
{
    private readonly DateTime date;

    /// <summary>A date.</summary>
    public DateOnly(int year, int month, int day)
        : this(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified))
    {
    }

    private DateOnly(DateTime value) => date = DateTime.SpecifyKind(value.Date, DateTimeKind.Unspecified);

    /// <summary>0001-01-01.</summary>
    public static DateOnly MinValue => new(DateTime.MinValue);

    /// <summary>9999-12-31.</summary>
    public static DateOnly MaxValue => new(DateTime.MaxValue);

    /// <summary>The year.</summary>
    public int Year => date.Year;

    /// <summary>The month (1-12).</summary>
    public int Month => date.Month;

    /// <summary>The day of the month.</summary>
    public int Day => date.Day;

    /// <summary>The day of the week.</summary>
    public DayOfWeek DayOfWeek => date.DayOfWeek;

    /// <summary>The day of the year (1-366).</summary>
    public int DayOfYear => date.DayOfYear;

    /// <summary>Days since 0001-01-01.</summary>
    public int DayNumber => (int)(date.Ticks / TimeSpan.TicksPerDay);

    /// <summary>The date part of <paramref name="dateTime"/>.</summary>
    public static DateOnly FromDateTime(DateTime dateTime) => new(dateTime);

    /// <summary>The date of a day number.</summary>
    public static DateOnly FromDayNumber(int dayNumber) => new(new DateTime(dayNumber * TimeSpan.TicksPerDay));

    /// <summary>Parses exactly one format; false when the text does not match or holds a time.</summary>
    public static bool TryParseExact(string? s, string? format, IFormatProvider? provider, DateTimeStyles style, out DateOnly result)
    {
        if (s is not null && format is not null
            && DateTime.TryParseExact(s, format, provider, style, out var parsed) && parsed.TimeOfDay == TimeSpan.Zero)
        {
            result = new DateOnly(parsed);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Parses exactly one format.</summary>
    public static bool TryParseExact(string? s, string? format, out DateOnly result) =>
        TryParseExact(s, format, null, DateTimeStyles.None, out result);

    /// <summary>Parses exactly one format or throws <see cref="FormatException"/>.</summary>
    public static DateOnly ParseExact(string s, string format, IFormatProvider? provider = null, DateTimeStyles style = DateTimeStyles.None) =>
        TryParseExact(s, format, provider, style, out var result) ? result : throw new FormatException($"String '{s}' was not recognized as a valid DateOnly.");

    /// <summary>Adds days.</summary>
    public DateOnly AddDays(int value) => new(date.AddDays(value));

    /// <summary>Adds months.</summary>
    public DateOnly AddMonths(int value) => new(date.AddMonths(value));

    /// <summary>Adds years.</summary>
    public DateOnly AddYears(int value) => new(date.AddYears(value));

    /// <summary>The date at midnight.</summary>
    public DateTime ToDateTime(TimeSpan timeOfDay, DateTimeKind kind = DateTimeKind.Unspecified) => DateTime.SpecifyKind(date.Add(timeOfDay), kind);

    /// <inheritdoc />
    public int CompareTo(DateOnly other) => date.CompareTo(other.date);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        DateOnly other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type DateOnly.", nameof(obj)),
    };

    /// <inheritdoc />
    public bool Equals(DateOnly other) => date == other.date;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DateOnly other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => DayNumber;

    /// <summary>Short date pattern of the current culture, as System.DateOnly.</summary>
    public override string ToString() => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>
    /// Formats with a date format, as System.DateOnly: the standard formats d D m M y Y o O r R, or a custom
    /// format without time parts (anything else is a <see cref="FormatException"/>).
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        format = string.IsNullOrEmpty(format) ? "d" : format!;
        if (format.Length == 1)
        {
            return format[0] switch
            {
                'o' or 'O' => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
                'r' or 'R' => date.ToString("ddd, dd MMM yyyy", CultureInfo.InvariantCulture),
                'd' or 'D' or 'm' or 'M' or 'y' or 'Y' => date.ToString(format, formatProvider),
                _ => throw new FormatException("Input string was not in a correct format."),
            };
        }

        return HasTimePart(format)
            ? throw new FormatException("Input string was not in a correct format.")
            : date.ToString(format, formatProvider);
    }

    /// <summary>Formats with a date format and the current culture.</summary>
    public string ToString(string? format) => ToString(format, CultureInfo.CurrentCulture);

    /// <summary>Formats with the short date pattern of a culture.</summary>
    public string ToString(IFormatProvider? provider) => ToString("d", provider);

    /// <summary>True when a custom format has an hour, minute, second, fraction, AM/PM, offset or time separator outside quotes.</summary>
    private static bool HasTimePart(string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '\\':
                    i++;
                    break;
                case '\'' or '"':
                    var quote = format[i];
                    for (i++; i < format.Length && format[i] != quote; i++)
                    {
                        if (format[i] == '\\')
                        {
                            i++;
                        }
                    }

                    break;
                case 'h' or 'H' or 'm' or 's' or 'f' or 'F' or 't' or 'z' or 'K' or ':':
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

#pragma warning disable CS1591 // The operators mean what they mean on System.DateOnly.
    public static bool operator ==(DateOnly left, DateOnly right) => left.Equals(right);

    public static bool operator !=(DateOnly left, DateOnly right) => !left.Equals(right);

    public static bool operator <(DateOnly left, DateOnly right) => left.date < right.date;

    public static bool operator >(DateOnly left, DateOnly right) => left.date > right.date;

    public static bool operator <=(DateOnly left, DateOnly right) => left.date <= right.date;

    public static bool operator >=(DateOnly left, DateOnly right) => left.date >= right.date;
#pragma warning restore CS1591
}
