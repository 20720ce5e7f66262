using System.Globalization;
using System.Text;
using System.Xml;

namespace Standards.Sdk.Checks.TestReports;

/// <summary>
/// Writes a test run as JUnit XML in the subset GitLab reads for its unit test reports
/// (https://docs.gitlab.com/ci/testing/unit_test_reports/): <c>testsuites</c> (time) with one <c>testsuite</c>
/// per run (name: the test assembly; tests, failures, errors, skipped, time), one <c>testcase</c> per result
/// (<c>classname</c>, shown by GitLab as the suite; <c>name</c>; <c>time</c> in seconds) holding
/// <c>failure</c> or <c>error</c> (GitLab shows the element's text, so it holds the message and the stack trace;
/// the <c>message</c> attribute repeats the message's first line for other readers), <c>skipped</c> (the reason)
/// and <c>system-out</c>/<c>system-err</c>. GitLab keeps only the first of two test cases with the same name, so a
/// repeated class and name (two data rows with one display name) gets " (2)", " (3)"... appended.
/// </summary>
public static class JUnitWriter
{
    /// <summary>The JUnit XML of <paramref name="run"/>, UTF-8 text.</summary>
    public static string Write(TestRunResults run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", run.Name);
            WriteCounts(writer, run);
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", run.Name);
            WriteCounts(writer, run);
            if (run.Started is { } started)
            {
                writer.WriteAttributeString("timestamp", started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var test in run.Tests)
            {
                WriteTestCase(writer, test, UniqueName(seen, test));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Seconds as JUnit writes them: invariant, three decimals.</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static void WriteCounts(XmlWriter writer, TestRunResults run)
    {
        writer.WriteAttributeString("tests", Count(run, null));
        writer.WriteAttributeString("failures", Count(run, TestCaseOutcome.Failed));
        writer.WriteAttributeString("errors", Count(run, TestCaseOutcome.Error));
        writer.WriteAttributeString("skipped", Count(run, TestCaseOutcome.Skipped));
        writer.WriteAttributeString("time", Seconds(run.Duration));
    }

    private static string Count(TestRunResults run, TestCaseOutcome? outcome) =>
        run.Tests.Count(t => outcome is null || t.Outcome == outcome).ToString(CultureInfo.InvariantCulture);

    private static string UniqueName(Dictionary<string, int> seen, TestCaseResult test)
    {
        var key = test.ClassName + "\n" + test.Name;
        seen[key] = seen.TryGetValue(key, out var count) ? count + 1 : 1;
        return seen[key] == 1 ? test.Name : $"{test.Name} ({seen[key].ToString(CultureInfo.InvariantCulture)})";
    }

    private static void WriteTestCase(XmlWriter writer, TestCaseResult test, string name)
    {
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", test.ClassName);
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("time", Seconds(test.Duration));
        switch (test.Outcome)
        {
            case TestCaseOutcome.Failed:
                WriteProblem(writer, "failure", test);
                break;
            case TestCaseOutcome.Error:
                WriteProblem(writer, "error", test);
                break;
            case TestCaseOutcome.Skipped:
                writer.WriteStartElement("skipped");
                // Adapters put the reason in the error message (xunit, MSTest) or in the output.
                if ((test.Message ?? test.StandardOutput) is { Length: > 0 } reason)
                {
                    writer.WriteAttributeString("message", FirstLine(reason));
                    writer.WriteString(reason);
                }

                writer.WriteEndElement();
                break;
            default:
                break;
        }

        if (test.StandardOutput is { Length: > 0 } output)
        {
            writer.WriteElementString("system-out", output);
        }

        if (test.StandardError is { Length: > 0 } error)
        {
            writer.WriteElementString("system-err", error);
        }

        writer.WriteEndElement();
    }

    private static void WriteProblem(XmlWriter writer, string element, TestCaseResult test)
    {
        writer.WriteStartElement(element);
        var message = test.Message ?? string.Empty;
        writer.WriteAttributeString("message", FirstLine(message));
        writer.WriteAttributeString("type", element == "failure" ? "Failed" : "Error");
        var text = string.Join("\n", new[] { test.Message, test.StackTrace }.Where(t => !string.IsNullOrEmpty(t)));
        writer.WriteString(text);
        writer.WriteEndElement();
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text.Substring(0, end)).Trim();
    }
}
