using System.Globalization;

namespace Standards.Sdk.Checks.Tests.Polyfills;

/// <summary>
/// Standards.Sdk.DateOnly (netstandard2.0) parses, formats, compares and counts days as System.DateOnly does.
/// In this project's namespaces plain <c>DateOnly</c> is the polyfill; <c>System.DateOnly</c> is .NET's.
/// </summary>
public sealed class DateOnlyPolyfillTests
{
    public static TheoryData<string?> Texts() => new()
    {
        "2026-03-31", "2024-02-29", "2023-02-29", "2026-13-01", "2026-3-31", " 2026-03-31", "2026-03-31 ", "2026-03-31T00:00",
        "0001-01-01", "9999-12-31", "", null, "31/03/2026", "2026-03-31Z",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryParseExact_matches_dotnet(string? text)
    {
        var realOk = System.DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var real);
        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        Assert.Equal(realOk, ok);
        Assert.Equal(real.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2026, 3, 31)]
    [InlineData(2024, 2, 29)]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Members_match_dotnet(int year, int month, int day)
    {
        var real = new System.DateOnly(year, month, day);
        var date = new DateOnly(year, month, day);
        Assert.Equal(real.DayNumber, date.DayNumber);
        Assert.Equal(real.DayOfWeek, date.DayOfWeek);
        Assert.Equal(real.DayOfYear, date.DayOfYear);
        Assert.Equal((real.Year, real.Month, real.Day), (date.Year, date.Month, date.Day));
        Assert.Equal(real.ToString(CultureInfo.InvariantCulture), date.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(real.ToString("d MMM yyyy", CultureInfo.InvariantCulture), date.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        Assert.Equal(real.ToString("o", CultureInfo.InvariantCulture), date.ToString("o", CultureInfo.InvariantCulture));
        Assert.Equal(real.ToDateTime(TimeOnly.MinValue), date.ToDateTime(TimeSpan.Zero));
        Assert.Equal(System.DateOnly.FromDayNumber(real.DayNumber), real);
        Assert.Equal(date, DateOnly.FromDayNumber(date.DayNumber));
        Assert.Equal(date, DateOnly.FromDateTime(new DateTime(year, month, day, 23, 59, 59, DateTimeKind.Local)));
        if (year < 9999)
        {
            Assert.Equal(real.AddDays(1).DayNumber, date.AddDays(1).DayNumber);
            Assert.Equal(real.AddMonths(1).DayNumber, date.AddMonths(1).DayNumber);
            Assert.Equal(real.AddYears(1).DayNumber, date.AddYears(1).DayNumber);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("D")]
    [InlineData("m")]
    [InlineData("y")]
    [InlineData("o")]
    [InlineData("R")]
    [InlineData("t")]
    [InlineData("g")]
    [InlineData("yyyy-MM-dd")]
    [InlineData("dddd, d MMMM yyyy")]
    [InlineData("yyyy-MM-dd HH:mm")]
    [InlineData("'at' h")]
    [InlineData("yyyy'h'")]
    [InlineData("yyyy\\h")]
    public void Formats_match_dotnet(string? format)
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var real = Format(() => new System.DateOnly(2026, 3, 1).ToString(format, culture));
        var mine = Format(() => new DateOnly(2026, 3, 1).ToString(format, culture));
        Assert.Equal(real, mine);

        static string Format(Func<string> format)
        {
            try
            {
                return format();
            }
            catch (FormatException)
            {
                return "FormatException";
            }
        }
    }

    [Fact]
    public void Comparisons_match_dotnet()
    {
        var earlier = new DateOnly(2026, 3, 30);
        var later = new DateOnly(2026, 3, 31);
        Assert.True(earlier < later && later > earlier && earlier <= later && later >= earlier && earlier != later);
        Assert.True(later == new DateOnly(2026, 3, 31) && later.Equals((object)new DateOnly(2026, 3, 31)));
        Assert.Equal(-1, earlier.CompareTo(later));
        Assert.Equal(DateOnly.MinValue.DayNumber, System.DateOnly.MinValue.DayNumber);
        Assert.Equal(DateOnly.MaxValue.DayNumber, System.DateOnly.MaxValue.DayNumber);
        Assert.Throws<FormatException>(() => DateOnly.ParseExact("2026-02-30", "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
