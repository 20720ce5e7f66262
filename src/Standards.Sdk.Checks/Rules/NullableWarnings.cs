namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The C# compiler's nullable warnings: the ids the compiler expands <c>nullable</c> to in <c>WarningsAsErrors</c>,
/// <c>NoWarn</c> and <c>#pragma warning</c> (read from the .NET 10 SDK's compiler with
/// <c>CSharpCommandLineParser.Parse(["/warnaserror:nullable"])</c>; a unit test checks that every id the test
/// compiler knows is listed). The policy makes them errors, so silencing any one of them weakens STD0101.
/// </summary>
public static class NullableWarnings
{
    /// <summary>The keyword that stands for all of them.</summary>
    public const string Keyword = "nullable";

    /// <summary>The anchor of the generated list of the ids on STD0101's page (docs/rules/STD0101.md), which rule links point to.</summary>
    public const string PageAnchor = "nullable-warnings";

    /// <summary>The ids, sorted.</summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        "CS8597", "CS8600", "CS8601", "CS8602", "CS8603", "CS8604", "CS8605", "CS8607", "CS8608", "CS8609",
        "CS8610", "CS8611", "CS8612", "CS8613", "CS8614", "CS8615", "CS8616", "CS8617", "CS8618", "CS8619",
        "CS8620", "CS8621", "CS8622", "CS8624", "CS8625", "CS8629", "CS8631", "CS8632", "CS8633", "CS8634",
        "CS8643", "CS8644", "CS8645", "CS8655", "CS8667", "CS8669", "CS8670", "CS8714", "CS8762", "CS8763",
        "CS8764", "CS8765", "CS8766", "CS8767", "CS8768", "CS8769", "CS8770", "CS8774", "CS8775", "CS8776",
        "CS8777", "CS8819", "CS8824", "CS8825", "CS8847", "CS9158", "CS9159", "CS9264",
    ];

    private static readonly HashSet<string> IdSet = new(Ids, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for the keyword or one of the ids (case-insensitive; a bare number is a CS id, as the compiler reads NoWarn).</summary>
    public static bool Covers(string idOrKeyword)
    {
        ArgumentNullException.ThrowIfNull(idOrKeyword);
        var value = CompilerId(idOrKeyword.Trim());
        return string.Equals(value, Keyword, StringComparison.OrdinalIgnoreCase) || IdSet.Contains(value);
    }

    /// <summary>The id the C# compiler reads for a NoWarn or #pragma entry: a bare number <c>8602</c> is <c>CS8602</c>.</summary>
    public static string CompilerId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length is > 0 and <= 9 && id.All(char.IsAsciiDigit)
            ? "CS" + int.Parse(id, System.Globalization.CultureInfo.InvariantCulture).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)
            : id;
    }
}
