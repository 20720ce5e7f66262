namespace Standards.Sdk.Checks.Tests.TestReports;

/// <summary>
/// TRX files as VSTest's TRX logger writes them (dotnet test --logger trx), for tests: the files in
/// TestReports/Fixtures, copied to the output.
/// </summary>
internal static class TrxSamples
{
    public const string Assembly = "/repo/tests/Acme.Tests/bin/Release/net10.0/Acme.Tests.dll";

    /// <summary>
    /// An xunit run of Acme.Tests: a passing fact with output, a failing fact (message and stack trace), a skipped
    /// fact, and a theory with two data rows; the storage lower-cased as VSTest writes it. The fixture's
    /// <c>{{assembly}}</c> and <c>{{storage}}</c> become the assembly path and its lower-cased form.
    /// </summary>
    public static string Xunit(string assembly = Assembly) =>
        Fixture("xunit.trx").Replace("{{storage}}", assembly.ToLowerInvariant(), StringComparison.Ordinal).Replace("{{assembly}}", assembly, StringComparison.Ordinal);

    /// <summary>An MSTest data-driven test: one result with a data row per inner result, the class assembly-qualified.</summary>
    public static string MsTestDataRows => Fixture("mstest-data-rows.trx");

    /// <summary>A fixture's text without the file's final line break.</summary>
    private static string Fixture(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestReports", "Fixtures", name));
        return text.EndsWith('\n') ? text[..^1] : text;
    }
}
