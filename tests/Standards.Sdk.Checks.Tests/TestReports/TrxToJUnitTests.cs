using System.Xml.Linq;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.TestReports;

namespace Standards.Sdk.Checks.Tests.TestReports;

/// <summary>
/// The TRX → JUnit converter GitLab's unit test reports depend on (docs/ci.md#test-reports), checked against the
/// subset GitLab documents (https://docs.gitlab.com/ci/testing/unit_test_reports/): testsuites/testsuite/testcase,
/// classname and name, time in seconds, failure and error with their text, skipped, system-out and system-err.
/// </summary>
public sealed class TrxToJUnitTests
{
    private const string TrxPath = "/repo/artifacts/test-results/ci_runner_2026-11-22_16_04_32.trx";

    private static XElement Convert(string trx)
    {
        var read = TrxReader.Read(TrxPath, trx);
        Assert.Null(read.Problem);
        return XDocument.Parse(JUnitWriter.Write(read.Run!)).Root!;
    }

    private static XElement Case(XElement root, string name) =>
        Assert.Single(root.Descendants("testcase"), c => (string?)c.Attribute("name") == name);

    [Fact]
    public void A_run_becomes_one_suite_of_test_cases_with_class_and_name_split_from_the_full_name()
    {
        var root = Convert(TrxSamples.Xunit());
        Assert.Equal("testsuites", root.Name.LocalName);
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal("Acme.Tests", (string?)suite.Attribute("name"));
        Assert.Equal(("5", "1", "0", "1"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("errors"), (string?)suite.Attribute("skipped")));

        // Start to finish of the run, in seconds; each test's own duration, in seconds.
        Assert.Equal("1.250", (string?)suite.Attribute("time"));
        Assert.Equal("1.250", (string?)root.Attribute("time"));
        Assert.Equal("2026-11-22T16:04:31", (string?)suite.Attribute("timestamp"));
        Assert.Equal(
            ["Adds", "Divides", "Later", "Maps(x: 1, expected: \"one\")", "Maps(x: 2, expected: \"two\")"],
            suite.Elements("testcase").Select(c => (string?)c.Attribute("name")));
        Assert.All(suite.Elements("testcase"), c => Assert.Equal("Acme.Tests.CalcTests", (string?)c.Attribute("classname")));
        Assert.Equal("0.012", (string?)Case(root, "Adds").Attribute("time"));
        Assert.Equal("0.050", (string?)Case(root, "Divides").Attribute("time"));
    }

    [Fact]
    public void A_passed_test_has_no_failure_and_keeps_its_output()
    {
        var adds = Case(Convert(TrxSamples.Xunit()), "Adds");
        Assert.Null(adds.Element("failure"));
        Assert.Null(adds.Element("error"));
        Assert.Null(adds.Element("skipped"));
        Assert.Equal("adding 1 and 2", (string?)adds.Element("system-out"));
    }

    [Fact]
    public void A_failed_test_carries_its_message_and_stack_trace_as_text()
    {
        var failure = Case(Convert(TrxSamples.Xunit()), "Divides").Element("failure");
        Assert.NotNull(failure);
        Assert.Equal("Assert.Equal() Failure: Values differ", (string?)failure.Attribute("message"));

        // GitLab shows the element's text, not the attribute: all of the message, then the stack trace.
        Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 2\nActual:   3\n   at Acme.Tests.CalcTests.Divides() in /repo/tests/Acme.Tests/CalcTests.cs:line 21", failure.Value);
    }

    [Fact]
    public void A_skipped_test_says_why()
    {
        var skipped = Case(Convert(TrxSamples.Xunit()), "Later").Element("skipped");
        Assert.NotNull(skipped);
        Assert.Equal("Needs the billing service", skipped.Value);
    }

    [Fact]
    public void Data_rows_of_an_mstest_data_driven_test_are_test_cases_and_a_timeout_is_an_error()
    {
        var root = Convert(TrxSamples.MsTestDataRows);
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal("Acme.MsTests", (string?)suite.Attribute("name"));
        Assert.Equal(["Rounds (1.5,2)", "Rounds (2.5,3)", "TimesOut"], suite.Elements("testcase").Select(c => (string?)c.Attribute("name")));

        // The assembly-qualified class name is cut to the class.
        Assert.All(suite.Elements("testcase"), c => Assert.Equal("Acme.MsTests.RoundingTests", (string?)c.Attribute("classname")));
        Assert.Equal(("3", "1", "1", "0"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("errors"), (string?)suite.Attribute("skipped")));
        var row = Case(root, "Rounds (2.5,3)");
        Assert.Contains("Expected:<3>. Actual:<2>.", row.Element("failure")!.Value, StringComparison.Ordinal);
        Assert.Equal("rounding 2.5", (string?)row.Element("system-err"));
        Assert.NotNull(Case(root, "TimesOut").Element("error"));
        Assert.Equal("5.000", (string?)Case(root, "TimesOut").Attribute("time"));

        // No run times in the file: the suite's time is the sum of its tests'.
        Assert.Equal("5.030", (string?)suite.Attribute("time"));
    }

    [Theory]
    [InlineData("Ns.Sub.CalcTests.Adds(a: 1, b: \"x.y\")", null, "Ns.Sub.CalcTests", "Adds(a: 1, b: \"x.y\")")]
    [InlineData("Ns.CalcTests.Adds", "Ns.CalcTests", "Ns.CalcTests", "Adds")]
    [InlineData("Adds two numbers", "Ns.CalcTests", "Ns.CalcTests", "Adds two numbers")]
    [InlineData("Adds", null, "Acme.Tests", "Adds")]
    public void Class_and_name_come_from_the_fully_qualified_name(string testName, string? className, string expectedClass, string expectedName) =>
        Assert.Equal((expectedClass, expectedName), TrxReader.SplitName(testName, className, "Acme.Tests"));

    [Fact]
    public void Two_results_with_one_name_stay_two_test_cases()
    {
        // GitLab keeps only the first of two test cases with the same name.
        var run = new TestRunResults("A.Tests", null, TimeSpan.Zero, [], [
            new TestCaseResult("Ns.T", "Rounds (1)", TestCaseOutcome.Passed, TimeSpan.Zero),
            new TestCaseResult("Ns.T", "Rounds (1)", TestCaseOutcome.Failed, TimeSpan.Zero, "boom"),
        ]);
        var root = XDocument.Parse(JUnitWriter.Write(run)).Root!;
        Assert.Equal(["Rounds (1)", "Rounds (1) (2)"], root.Descendants("testcase").Select(c => (string?)c.Attribute("name")));
    }

    public static TheoryData<string, int, string> Malformed => new()
    {
        { "<TestRun>\n  <Results>\n    <UnitTestResult testName=\"A\" outcome=\"Passed\">\n", 4, "not well-formed XML" },
        { "<?xml version=\"1.0\"?>\n<coverage />\n", 2, "not a TRX file: its root element is <coverage>" },
        { "<TestRun>\n<Results>\n<UnitTestResult outcome=\"Passed\" />\n</Results>\n</TestRun>\n", 3, "without its testName attribute" },
        { "<TestRun>\n<Results>\n<UnitTestResult testName=\"A\" />\n</Results>\n</TestRun>\n", 3, "without its outcome attribute" },
        { "<TestRun>\n<Results>\n\n<UnitTestResult testName=\"A\" outcome=\"Sideways\" />\n</Results>\n</TestRun>\n", 4, "unknown outcome 'Sideways'" },
        { "<TestRun>\n<Results>\n<UnitTestResult testName=\"A\" outcome=\"Passed\" duration=\"soon\" />\n</Results>\n</TestRun>\n", 3, "duration 'soon'" },
        { "<TestRun>\n<TestDefinitions>\n<UnitTest name=\"A\" storage=\"a.dll\" />\n</TestDefinitions>\n</TestRun>\n", 3, "without its id attribute" },
        { "<!DOCTYPE TestRun [ <!ENTITY x \"y\"> ]>\n<TestRun />\n", 0, "not well-formed XML" },
        { "", 0, "not well-formed XML" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_trx_is_an_STD8001_warning_with_file_and_line(string trx, int line, string problem)
    {
        var read = TrxReader.Read(TrxPath, trx);
        Assert.Null(read.Run);
        var finding = read.Problem;
        Assert.NotNull(finding);
        Assert.Equal((TestReportRuleIds.TrxUnreadable, Severity.Warning, TrxPath, line), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains(problem, finding.Message, StringComparison.Ordinal);
        Assert.Contains("Run the tests again", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_of_a_trx_is_read_or_reported_never_thrown()
    {
        var trx = TrxSamples.Xunit();
        for (var length = 0; length < trx.Length; length += 7)
        {
            var read = TrxReader.Read(TrxPath, trx[..length]);
            Assert.True((read.Run is null) != (read.Problem is null), $"length {length}");
            if (read.Run is not null)
            {
                XDocument.Parse(JUnitWriter.Write(read.Run));
            }
        }
    }

    [Fact]
    public void Of_the_files_a_run_wrote_only_this_projects_are_converted_beside_them()
    {
        var other = "/repo/tests/Other.Tests/bin/Release/net10.0/Other.Tests.dll";
        var conversion = TrxToJUnit.Convert(
            [new TrxCandidate("/r/a.trx", TrxSamples.Xunit()), new TrxCandidate("/r/b.trx", TrxSamples.Xunit(other))],
            TrxSamples.Assembly);
        var report = Assert.Single(conversion.Reports);
        Assert.Equal(("/r/a.trx", Path.Combine("/r", "a.junit.xml")), (report.TrxPath, report.JUnitPath));
        Assert.Empty(conversion.Findings);
        Assert.Equal(5, report.Run.Tests.Count);
        Assert.Contains("classname=\"Acme.Tests.CalcTests\"", report.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_reported_when_it_names_this_project_or_when_nothing_is_this_projects()
    {
        var mine = new TrxCandidate("/r/mine.trx", TrxSamples.Xunit());
        var truncatedOther = new TrxCandidate("/r/other.trx", TrxSamples.Xunit("/repo/tests/Other.Tests/bin/Other.Tests.dll")[..2000]);
        var truncatedMine = new TrxCandidate("/r/mine-too.trx", TrxSamples.Xunit()[..^300]);
        var unreadable = new TrxCandidate("/r/locked.trx", null, "permission denied");

        // Another project's file, half written while this project's run finished: left alone.
        Assert.Empty(TrxToJUnit.Convert([mine, truncatedOther], TrxSamples.Assembly).Findings);

        // A file that names this project's test assembly but cannot be read: reported, the good one still converted.
        var both = TrxToJUnit.Convert([mine, truncatedMine], TrxSamples.Assembly);
        Assert.Single(both.Reports);
        Assert.Equal("/r/mine-too.trx", Assert.Single(both.Findings).File);

        // Nothing of this project's: every unreadable file may be it.
        var none = TrxToJUnit.Convert([truncatedOther, unreadable], TrxSamples.Assembly);
        Assert.Empty(none.Reports);
        Assert.Equal(["/r/other.trx", "/r/locked.trx"], none.Findings.Select(f => f.File));
        Assert.Contains("permission denied", none.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_start_record_counts_a_file_written_again_under_the_same_name_as_new()
    {
        var time = new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);
        var before = new ResultFile("/r/results.trx", time, 1200);
        var record = TestRunStart.Parse(TestRunStart.Of([before]).Write());
        Assert.NotNull(record);
        Assert.False(record.IsNew(before));
        Assert.True(record.IsNew(before with { WrittenUtc = time.AddMilliseconds(1) }));
        Assert.True(record.IsNew(before with { Length = 1300 }));
        Assert.True(record.IsNew(new ResultFile("/r/other.trx", time, 1200)));

        // A record of paths only: a file of that path is old, whatever its time.
        Assert.False(TestRunStart.Of(["/r/results.trx"]).IsNew(before));
    }
}
