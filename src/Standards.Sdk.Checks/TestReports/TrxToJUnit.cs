using System.Security;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.TestReports;

/// <summary>A TRX file a test run may have written, with its text (null when it exists but could not be read).</summary>
/// <param name="Path">The file.</param>
/// <param name="Text">Its content, or null.</param>
/// <param name="ReadError">Why it could not be read, when <paramref name="Text"/> is null.</param>
public sealed record TrxCandidate(string Path, string? Text, string? ReadError = null);

/// <summary>A JUnit report to write: beside its TRX file, same name, <c>.junit.xml</c>.</summary>
/// <param name="TrxPath">The TRX file it was converted from.</param>
/// <param name="JUnitPath">Where it goes.</param>
/// <param name="Xml">Its content.</param>
/// <param name="Run">What it reports.</param>
public sealed record JUnitReport(string TrxPath, string JUnitPath, string Xml, TestRunResults Run);

/// <summary>What converting one test project's run gives: the reports to write and the problems to report.</summary>
/// <param name="Reports">One report per TRX file of this project's run.</param>
/// <param name="Findings">STD8001 for each TRX file that could not be read and may be this project's.</param>
public sealed record JUnitConversion(IReadOnlyList<JUnitReport> Reports, IReadOnlyList<Finding> Findings);

/// <summary>
/// Converts the TRX files one test project's run wrote into JUnit XML (GitLab reads only JUnit; docs/ci.md). Several
/// test projects write into one results folder at once (<c>dotnet test --results-directory</c> with <c>-m</c>) under
/// time-stamped names, so the candidates are only the files the run wrote (<see cref="TestRunStart"/>), and of
/// those, this project's are the ones whose tests come from its test assembly (TRX <c>UnitTest/@storage</c>). A
/// candidate that cannot be read is reported (STD8001) when it names this project's test assembly, or when no
/// candidate is this project's (it may be this run's file, truncated before its test definitions); otherwise it is
/// another project's file, perhaps still being written, and is left alone.
/// </summary>
public static class TrxToJUnit
{
    /// <summary>The file name suffix of the JUnit reports; the CI templates collect <c>**/*.junit.xml</c>.</summary>
    public const string Suffix = ".junit.xml";

    /// <summary>Where the JUnit report of a TRX file goes: beside it, <c>name.trx</c> → <c>name.junit.xml</c>.</summary>
    public static string JUnitPathOf(string trxPath)
    {
        ArgumentNullException.ThrowIfNull(trxPath);
        var folder = Path.GetDirectoryName(trxPath) ?? string.Empty;
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(trxPath) + Suffix);
    }

    /// <summary>Converts this project's TRX files among <paramref name="candidates"/> (the files the run wrote).</summary>
    /// <param name="candidates">The TRX files written since the run started.</param>
    /// <param name="testAssemblyPath">This project's test assembly (<c>$(TargetPath)</c>).</param>
    public static JUnitConversion Convert(IEnumerable<TrxCandidate> candidates, string testAssemblyPath)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var reports = new List<JUnitReport>();
        var problems = new List<(Finding Finding, bool Mine)>();
        foreach (var candidate in candidates)
        {
            if (candidate.Text is null)
            {
                problems.Add((TrxReader.Unreadable(candidate.Path, candidate.ReadError ?? "unknown reason"), false));
                continue;
            }

            var read = TrxReader.Read(candidate.Path, candidate.Text);
            if (read.Problem is not null)
            {
                problems.Add((read.Problem, Mentions(candidate.Text, testAssemblyPath)));
            }
            else if (IsRunOf(read.Run!, testAssemblyPath))
            {
                reports.Add(new JUnitReport(candidate.Path, JUnitPathOf(candidate.Path), JUnitWriter.Write(read.Run!), read.Run!));
            }
        }

        var findings = problems.Where(p => p.Mine || reports.Count == 0).Select(p => p.Finding).ToList();
        return new JUnitConversion(reports, findings);
    }

    /// <summary>True when the run's tests come from <paramref name="testAssemblyPath"/> (paths compared without case: VSTest may lower-case them).</summary>
    public static bool IsRunOf(TestRunResults run, string testAssemblyPath)
    {
        ArgumentNullException.ThrowIfNull(run);
        var mine = Normalize(testAssemblyPath);
        return run.TestAssemblies.Any(a => string.Equals(Normalize(a), mine, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Mentions(string text, string testAssemblyPath) =>
        text.Contains(testAssemblyPath, StringComparison.OrdinalIgnoreCase)
        || text.Contains(SecurityElement.Escape(testAssemblyPath) ?? testAssemblyPath, StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path.Replace('\\', '/');
        }
    }
}
