using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.TestReports;

namespace Standards.Sdk.Checks.Tests.Coverage;

public class CoberturaTests
{
    private static CoverageReport Read(string text)
    {
        var result = CoberturaReader.Read("/repo/artifacts/coverage/A.Tests/coverage.cobertura.xml", text, CoverageSamples.Root, _ => false);
        Assert.Null(result.Problem);
        return result.Report;
    }

    [Fact]
    public void Reads_coverlet_8_reports_with_root_relative_file_names_as_repo_relative_files()
    {
        var report = Read(CoverageSamples.Cobertura("Lib", ("src/Lib/Calc.cs", [(4, 5, 1, 2), (5, 0, 0, 2), (7, 1, 0, 0)])));
        var file = Assert.Single(CoverageNumbers.Files(report));
        Assert.Equal("src/Lib/Calc.cs", file.File);
        Assert.Equal(new CoverageCounts(2, 3, 1, 4), file.Counts);
        Assert.Equal(5, file.FirstUncoveredLine);
    }

    [Fact]
    public void Reads_older_reports_whose_source_is_the_project_folder()
    {
        const string text = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
            <coverage line-rate="1" branch-rate="1" version="1.9" timestamp="1">
              <sources><source>/repo/src/Lib/</source></sources>
              <packages><package name="Lib"><classes>
                <class name="Lib.Calc" filename="Calc.cs"><methods><method name="A" signature="()"><lines><line number="3" hits="2" branch="False" /></lines></method></methods>
                  <lines><line number="3" hits="2" branch="False" /></lines></class>
              </classes></package></packages>
            </coverage>
            """;
        var file = Assert.Single(CoverageNumbers.Files(Read(text)));
        Assert.Equal(("src/Lib/Calc.cs", 1L, 1L), (file.File, file.Counts.LinesCovered, file.Counts.LinesValid));
    }

    [Theory]
    [InlineData("<coverage><packages><package name=\"Lib\"><classes>\n<class name=\"C\" filename=\"a.cs\"><lines><line number=\"1\" hits=\"1\"></lines>", 2, "not well-formed XML")]
    [InlineData("<?xml version=\"1.0\"?>\n<report><packages /></report>", 2, "not a Cobertura report")]
    [InlineData("<coverage>\n<packages>\n<package name=\"Lib\"><classes><class name=\"C\" filename=\"a.cs\"><lines>\n<line hits=\"1\" /></lines></class></classes></package></packages></coverage>", 4, "without its 'number'")]
    [InlineData("<coverage><packages><package name=\"Lib\"><classes><class name=\"C\" filename=\"a.cs\"><lines>\n\n<line number=\"1\" hits=\"1\" branch=\"true\" condition-coverage=\"50%\" /></lines></class></classes></package></packages></coverage>", 3, "condition-coverage")]
    [InlineData("", 0, "")]
    public void Malformed_reports_are_one_STD4001_with_the_line(string text, int line, string fragment)
    {
        var result = CoberturaReader.Read("/repo/x.xml", text, CoverageSamples.Root, _ => false);
        var problem = Assert.IsType<Diagnostics.Finding>(result.Problem);
        Assert.Equal(CoverageRuleIds.ReportMalformed, problem.Code);
        Assert.Equal("/repo/x.xml", problem.File);
        if (line > 0)
        {
            Assert.Equal(line, problem.Line);
        }

        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Report.Packages);
    }

    [Fact]
    public void Merge_counts_a_line_hit_in_either_report_once_and_never_invents_branches()
    {
        var a = Read(CoverageSamples.Cobertura("Lib", ("src/Lib/Calc.cs", [(1, 1, 1, 2), (2, 0, 0, 0), (3, 0, 0, 2)])));
        var b = Read(CoverageSamples.Cobertura("Lib", ("src/Lib/Calc.cs", [(1, 3, 1, 2), (2, 2, 0, 0), (3, 0, 0, 2)])));
        var merged = CoverageMerger.Merge([a, b]);
        var file = Assert.Single(CoverageNumbers.Files(merged));

        // Lines 1 and 2 covered (2 was hit by b only), line 3 by neither; line 1 counted once.
        Assert.Equal(new CoverageCounts(2, 3, 1, 4), file.Counts);
        Assert.Equal(4, merged.Packages[0].Classes[0].Lines[1].Hits);
    }

    [Fact]
    public void Merged_report_round_trips_through_the_writer_and_is_deterministic()
    {
        var a = Read(CoverageSamples.Cobertura("Lib", ("src/Lib/Calc.cs", [(1, 1, 1, 2), (2, 0, 0, 0)])));
        var b = Read(CoverageSamples.Cobertura("Other", ("src/Other/X.cs", CoverageSamples.Lines(4, 3))));
        var merged = CoverageMerger.Merge([a, b]);
        var text = CoberturaWriter.Write(merged, CoverageSamples.Root);
        Assert.Equal(text, CoberturaWriter.Write(CoverageMerger.Merge([b, a]), CoverageSamples.Root));
        Assert.DoesNotContain("1795339362", text, StringComparison.Ordinal);
        var back = CoberturaReader.Read("/repo/m.xml", text, CoverageSamples.Root, _ => false);
        Assert.Null(back.Problem);
        Assert.Equal(CoverageNumbers.Total(merged), CoverageNumbers.Total(back.Report));
    }

    [Fact]
    public void Filter_keeps_the_assemblies_under_test_without_generated_or_excluded_files()
    {
        var report = CoverageMerger.Merge([
            Read(CoverageSamples.Cobertura("Lib", ("src/Lib/Calc.cs", CoverageSamples.Lines(2, 2)), ("src/Lib/obj/Debug/net10.0/Gen.cs", CoverageSamples.Lines(9, 0)),
                ("src/Lib/Log.g.cs", CoverageSamples.Lines(9, 0)), ("src/Lib/Migrations/M1.cs", CoverageSamples.Lines(9, 0)))),
            Read(CoverageSamples.Cobertura("A.Tests", ("tests/A.Tests/T.cs", CoverageSamples.Lines(3, 3)))),
        ]);
        var filtered = CoverageFilter.Apply(report, ["Lib"], ["src/Lib/Migrations/**"]);
        Assert.Equal(["src/Lib/Calc.cs"], CoverageNumbers.Files(filtered).Select(f => f.File));
    }

    [Fact]
    public void Locator_takes_the_report_written_by_this_run()
    {
        var start = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        var old = new CoverageCandidate("/r/old/coverage.cobertura.xml", start.AddMinutes(-5), ["Lib"]);
        var mine = new CoverageCandidate("/r/new/coverage.cobertura.xml", start.AddSeconds(3), ["Lib"]);
        var before = TestRunStart.Of([old.Path]);
        Assert.Equal(mine, CoverageReportLocator.Select([old, mine], before, start, "A.Tests"));
        Assert.Null(CoverageReportLocator.Select([old], before, start, "A.Tests"));

        // A shared results folder: two new reports; the one that covers this test assembly is this run's.
        var other = new CoverageCandidate("/r/b/coverage.cobertura.xml", start.AddSeconds(4), ["Lib", "B.Tests"]);
        var withTests = mine with { Packages = ["Lib", "A.Tests"] };
        Assert.Equal(withTests, CoverageReportLocator.Select([other, withTests], before, start, "A.Tests"));
        Assert.Null(CoverageReportLocator.Select([other, mine], before, start, "A.Tests"));
    }

    [Fact]
    public void Locator_tells_the_earlier_run_apart_even_when_it_wrote_its_report_in_the_same_second()
    {
        // dotnet test, then dotnet test --no-build at once: the first run's report is as new as the run's start.
        var start = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        var first = new CoverageCandidate("/r/1/coverage.cobertura.xml", start, ["Lib"]);
        var second = new CoverageCandidate("/r/2/coverage.cobertura.xml", start.AddMilliseconds(900), ["Lib"]);
        Assert.Equal(second, CoverageReportLocator.Select([first, second], TestRunStart.Of([first.Path]), start, "A.Tests"));

        // Nothing new: no report, whatever the times say.
        Assert.Null(CoverageReportLocator.Select([first, second], TestRunStart.Of([first.Path, second.Path]), start, "A.Tests"));
    }

    [Fact]
    public void Locator_falls_back_to_times_when_the_run_start_lists_nothing()
    {
        var start = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        var old = new CoverageCandidate("/r/old/coverage.cobertura.xml", start.AddMinutes(-5), ["Lib"]);
        var mine = new CoverageCandidate("/r/new/coverage.cobertura.xml", start.AddSeconds(3), ["Lib"]);
        Assert.Equal(mine, CoverageReportLocator.Select([old, mine], null, start, "A.Tests"));
        Assert.Null(TestRunStart.Parse(""));
    }

    [Fact]
    public void Run_start_record_round_trips_and_compares_full_paths()
    {
        var record = TestRunStart.Of(["/r/b/coverage.cobertura.xml", "/r/a/../a/coverage.cobertura.xml"]);
        var read = TestRunStart.Parse(record.Write());
        Assert.NotNull(read);
        Assert.Equal(record.Files.Order(StringComparer.Ordinal), read.Files.Order(StringComparer.Ordinal));
        Assert.True(read.Contains("/r/a/coverage.cobertura.xml"));
        Assert.False(read.Contains("/r/c/coverage.cobertura.xml"));
        Assert.NotNull(TestRunStart.Parse(TestRunStart.Of(Array.Empty<string>()).Write()));
    }
}
