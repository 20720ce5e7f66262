using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.TestReports;

/// <summary>The outcome of reading one TRX file: the run, or the problem with its line.</summary>
/// <param name="Run">The run, or null when the file is unusable.</param>
/// <param name="Problem">An STD8001 finding (a warning), or null when the file was read.</param>
public sealed record TrxReadResult(TestRunResults? Run, Finding? Problem);

/// <summary>
/// Reads a Visual Studio test results file (TRX) as VSTest's TRX logger writes it (<c>dotnet test --logger trx</c>):
/// <c>TestRun</c> with <c>Times</c>, <c>Results/UnitTestResult</c> (outcome, duration, <c>Output</c> with
/// <c>StdOut</c>, <c>StdErr</c>, <c>ErrorInfo/Message</c> and <c>StackTrace</c>; a data-driven MSTest result holds
/// one <c>InnerResults/UnitTestResult</c> per data row) and <c>TestDefinitions/UnitTest</c> (the test assembly in
/// <c>storage</c>, the class in <c>TestMethod/@className</c>). Elements are matched by local name, so the
/// TeamTest/2010 namespace is not required. Bad input never throws: it is one STD8001 finding with the line.
/// </summary>
public static class TrxReader
{
    private static readonly Dictionary<string, TestCaseOutcome> Outcomes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Passed"] = TestCaseOutcome.Passed,
        ["PassedButRunAborted"] = TestCaseOutcome.Passed,
        ["Completed"] = TestCaseOutcome.Passed,
        ["Warning"] = TestCaseOutcome.Passed,
        ["Failed"] = TestCaseOutcome.Failed,
        ["Error"] = TestCaseOutcome.Error,
        ["Timeout"] = TestCaseOutcome.Error,
        ["Aborted"] = TestCaseOutcome.Error,
        ["NotRunnable"] = TestCaseOutcome.Error,
        ["Disconnected"] = TestCaseOutcome.Error,
        ["NotExecuted"] = TestCaseOutcome.Skipped,
        ["Inconclusive"] = TestCaseOutcome.Skipped,
        ["Pending"] = TestCaseOutcome.Skipped,
        ["InProgress"] = TestCaseOutcome.Skipped,
    };

    /// <summary>Reads a TRX file.</summary>
    /// <param name="path">The file, for findings.</param>
    /// <param name="text">Its content.</param>
    public static TrxReadResult Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return Fail(path, $"is not well-formed XML: {ex.Message}", ex.LineNumber, ex.LinePosition);
        }

        try
        {
            return new TrxReadResult(ReadRun(document.Root!), null);
        }
        catch (TrxFormatException ex)
        {
            return Fail(path, ex.Message, ex.Line, ex.Column);
        }
    }

    /// <summary>The finding for a TRX file that exists but cannot be read at all (permissions, a broken link).</summary>
    public static Finding Unreadable(string path, string reason) =>
        new(TestReportRuleIds.TrxUnreadable, Severity.Warning,
            $"The test results file {Path.GetFileName(path)} could not be read ({reason}), so no JUnit report was written for it. Make the results folder readable by the build and run the tests again.",
            path);

    private static TrxReadResult Fail(string path, string problem, int line, int column) =>
        new(null, new Finding(TestReportRuleIds.TrxUnreadable, Severity.Warning,
            $"The test results file {Path.GetFileName(path)} {problem} No JUnit report was written for it, so GitLab shows none of its tests. Run the tests again to write it again (a test host that was killed leaves a truncated file); if another tool writes *.trx files into the results folder, give it another folder.",
            path, Math.Max(line, 0), Math.Max(column, 0)));

    private static TestRunResults ReadRun(XElement root)
    {
        if (root.Name.LocalName != "TestRun")
        {
            throw Format(root, $"is not a TRX file: its root element is <{root.Name.LocalName}>, not <TestRun>.");
        }

        var definitions = new Dictionary<string, TestDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var unitTest in Children(Child(root, "TestDefinitions"), "UnitTest"))
        {
            var method = Child(unitTest, "TestMethod");
            definitions[Required(unitTest, "id")] = new TestDefinition(
                ClassNameOf(method?.Attribute("className")?.Value),
                unitTest.Attribute("storage")?.Value,
                method?.Attribute("codeBase")?.Value);
        }

        var assemblies = definitions.Values.Select(d => d.Storage).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var codeBase = definitions.Values.Select(d => d.CodeBase).FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? assemblies.FirstOrDefault();
        var suite = string.IsNullOrEmpty(codeBase) ? "tests" : Path.GetFileNameWithoutExtension(codeBase!.Replace('\\', '/'));

        var tests = new List<TestCaseResult>();
        foreach (var result in Children(Child(root, "Results"), "UnitTestResult"))
        {
            AddResult(result, definitions, suite, parentClass: null, tests);
        }

        var times = Child(root, "Times");
        var started = Time(times, "start");
        var finished = Time(times, "finish");
        var duration = started is { } s && finished is { } f && f >= s
            ? f - s
            : TimeSpan.FromTicks(tests.Sum(t => t.Duration.Ticks));
        return new TestRunResults(suite, started, duration, assemblies, tests);
    }

    // A result with inner results (an MSTest data-driven test) is reported as its data rows.
    private static void AddResult(XElement result, Dictionary<string, TestDefinition> definitions, string suite, string? parentClass, List<TestCaseResult> tests)
    {
        var testName = Required(result, "testName");
        var outcomeText = Required(result, "outcome");
        if (!Outcomes.TryGetValue(outcomeText, out var outcome))
        {
            throw Format(result, $"has a test result with the unknown outcome '{outcomeText}' (test {testName}).");
        }

        var testId = result.Attribute("testId")?.Value;
        var className = (testId is not null && definitions.TryGetValue(testId, out var definition) ? definition.ClassName : null) ?? parentClass;
        var inner = Children(Child(result, "InnerResults"), "UnitTestResult").ToList();
        if (inner.Count > 0)
        {
            foreach (var row in inner)
            {
                AddResult(row, definitions, suite, className, tests);
            }

            return;
        }

        var (testClass, name) = SplitName(testName, className, suite);
        var output = Child(result, "Output");
        var error = Child(output, "ErrorInfo");
        tests.Add(new TestCaseResult(
            testClass,
            name,
            outcome,
            Duration(result),
            Text(Child(error, "Message")),
            Text(Child(error, "StackTrace")),
            Text(Child(output, "StdOut")),
            Text(Child(output, "StdErr"))));
    }

    /// <summary>
    /// JUnit's classname and name from the fully-qualified test name: the class the TRX names (when the test name
    /// starts with it, the rest is the name: <c>Ns.CalcTests.Adds(a: 1)</c> → <c>Ns.CalcTests</c>, <c>Adds(a: 1)</c>),
    /// else the part before the last dot outside the arguments.
    /// </summary>
    internal static (string ClassName, string Name) SplitName(string testName, string? className, string fallbackClass)
    {
        if (!string.IsNullOrEmpty(className))
        {
            return testName.StartsWith(className + ".", StringComparison.Ordinal) && testName.Length > className!.Length + 1
                ? (className, testName.Substring(className.Length + 1))
                : (className!, testName);
        }

        var arguments = testName.IndexOf('(');
        var lastDot = testName.LastIndexOf('.', arguments < 0 ? testName.Length - 1 : arguments);
        return lastDot > 0 && lastDot < testName.Length - 1
            ? (testName.Substring(0, lastDot), testName.Substring(lastDot + 1))
            : (fallbackClass, testName);
    }

    // Older MSTest writes the class assembly-qualified ("Ns.Tests, Ns, Version=1.0.0.0, ...").
    private static string? ClassNameOf(string? className)
    {
        if (string.IsNullOrWhiteSpace(className))
        {
            return null;
        }

        var comma = className!.IndexOf(',');
        return (comma < 0 ? className : className.Substring(0, comma)).Trim();
    }

    private static TimeSpan Duration(XElement result)
    {
        var text = result.Attribute("duration")?.Value;
        if (text is null)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero
            ? duration
            : throw Format(result, $"has a test result with the duration '{text}', which is not a time span like 00:00:01.2500000.");
    }

    private static DateTimeOffset? Time(XElement? times, string name) =>
        times?.Attribute(name)?.Value is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    private static string? Text(XElement? element) => element is null || element.Value.Length == 0 ? null : element.Value;

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent is null ? [] : parent.Elements().Where(e => e.Name.LocalName == localName);

    private static string Required(XElement element, string attribute) =>
        element.Attribute(attribute)?.Value is { Length: > 0 } value
            ? value
            : throw Format(element, $"has a <{element.Name.LocalName}> without its {attribute} attribute.");

    private static TrxFormatException Format(XElement element, string message)
    {
        var info = (IXmlLineInfo)element;
        return new TrxFormatException(message, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
    }

    private sealed record TestDefinition(string? ClassName, string? Storage, string? CodeBase);

    private sealed class TrxFormatException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
