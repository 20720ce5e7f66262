using System.Diagnostics;
using CsCheck;
using Standards.Adoption.Fleet;
using Standards.Sdk.Checks.Reports.Compliance;
using static Standards.Tool.Tests.Fleet.FleetSamples;

namespace Standards.Tool.Tests.Fleet;

/// <summary>
/// The report's inputs as an attacker would make them: counts that overflow, values the schema forbids, files too big
/// or too many, link loops, links out of the folder and FIFOs. Each is a coded finding naming the file; none throws or hangs.
/// </summary>
public sealed class FleetHostileInputTests : IDisposable
{
    private readonly TempFolder folder = new();

    // Only a guard: a search that never ends fails the test instead of hanging the run.
    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        guard.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Counts_that_add_up_past_int_MaxValue_are_STD7520_naming_the_file_and_line()
    {
        var facts = Facts("org/big") with
        {
            Findings = [new ComplianceRuleCount("STD3014", "error", 2_000_000_000, 0), new ComplianceRuleCount("STD3031", "warning", 2_000_000_000, 0)],
        };

        var (records, problems) = FleetInputs.Parse([("big/compliance.json", Text(facts))]);

        Assert.Empty(records);
        var problem = Assert.Single(problems);
        Assert.Equal(("STD7520", "big/compliance.json"), (problem.Code, problem.File));
        Assert.True(problem.Line > 1, $"line {problem.Line}");
        Assert.StartsWith("The compliance file cannot be read: its findings add up to 4000000000, more than 2147483647", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Baselines_that_add_up_past_int_MaxValue_are_STD7520()
    {
        var text = Text(Facts("org/big", repoBaseline: int.MaxValue, codeBaseline: 1));

        var (records, problems) = FleetInputs.Parse([("big/compliance.json", text)]);

        Assert.Empty(records);
        Assert.Contains("the baselines' entries add up to 2147483648", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"repoKind\": \"service\"", "\"repoKind\": \"evil\"", "\"repoKind\" is 'evil'; use service, worker or library")]
    [InlineData("\"commit\": \"", "\"commit\": \"XYZ\", \"x\": \"", "\"commit\" is 'XYZ', not a commit id")]
    [InlineData("\"date\": \"2026-11-20T08:00:00Z\"", "\"date\": \"2026-11-20\"", "\"date\" is '2026-11-20', not an ISO 8601 date and time")]
    [InlineData("\"date\": \"2026-11-20T08:00:00Z\"", "\"date\": \"2026-11-20T08:00:00+05:00\"", "\"date\" is '2026-11-20T08:00:00+05:00'")]
    [InlineData("\"format\": \"spdx\"", "\"format\": \"zip\"", "\"format\" of \"sbom\" must be spdx, cyclonedx, both or null")]
    [InlineData("\"scope\": \"build\"", "\"scope\": \"everything\"", "\"scope\" of \"findings\" must be \"build\"")]
    [InlineData("\"errors\": 0,", "\"errors\": -4,", "\"errors\" must be a whole number of 0 or more")]
    [InlineData("\"reason\": \"migrating\",", "", "\"reason\" is missing")]
    [InlineData("\"version\": \"1.0.20\",", "", "\"version\" is missing")]
    [InlineData("\"count\": 1,", "\"count\": 1e400,", "\"count\" must be a whole number of 0 or more")]
    [InlineData("\"count\": 1,", "\"count\": 99999999999999999999,", "\"count\" must be a whole number of 0 or more")]
    public void A_value_the_schema_forbids_is_STD7520_naming_it_and_its_line(string from, string to, string what)
    {
        var written = Text(Facts("org/a", warnings: 1, exceptions: [Exception("STD2001", "@a", "2026-12-01")]));
        Assert.Contains(from, written, StringComparison.Ordinal);
        var at = written.IndexOf(from, StringComparison.Ordinal);
        var text = string.Concat(written.AsSpan(0, at), to, written.AsSpan(at + from.Length));

        var (records, problems) = FleetInputs.Parse([("a/compliance.json", text)]);

        Assert.Empty(records);
        var problem = Assert.Single(problems);
        Assert.Equal(("STD7520", "a/compliance.json"), (problem.Code, problem.File));
        Assert.StartsWith($"The compliance file cannot be read: {what}", problem.Message, StringComparison.Ordinal);
        var expectedLine = to.Length > 0 ? text[..text.IndexOf(to, StringComparison.Ordinal)].Count(c => c == '\n') + 1 : problem.Line;
        Assert.Equal(expectedLine, problem.Line);
        Assert.True(problem.Line >= 1);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_STD7525_and_not_read()
    {
        var good = Write("a/compliance.json", Text(Facts("org/a")));
        var big = Write("b/compliance.json", Text(Facts("org/b", exceptions: [Exception("STD2001", new string('x', 5000), "2026-12-01")])));

        var (records, problems) = FleetInputs.Read([folder.Path], new FleetLimits(4000, 1 << 20, 100), guard.Token);

        Assert.Equal([good], records.Select(r => r.File));
        var problem = Assert.Single(problems);
        Assert.Equal(("STD7525", big, 0), (problem.Code, problem.File, problem.Line));
        Assert.Contains("more than the limit of 4000 bytes a compliance file may hold", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_total_limit_the_rest_are_left_out_under_one_STD7525_naming_the_first()
    {
        var files = Enumerable.Range(0, 4).Select(i => Write($"r{i}/compliance.json", Text(Facts($"org/r{i}")))).ToList();
        var size = new FileInfo(files[0]).Length;

        var (records, problems) = FleetInputs.Read([folder.Path], new FleetLimits(1 << 20, (size * 2) + 10, 100), guard.Token);

        Assert.Equal(files[..2], records.Select(r => r.File));
        var problem = Assert.Single(problems);
        Assert.Equal(("STD7525", files[2]), (problem.Code, problem.File));
        Assert.Contains("every file after it are left out", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_file_count_limit_the_rest_are_left_out_with_STD7525()
    {
        var files = Enumerable.Range(0, 3).Select(i => Write($"r{i}/compliance.json", Text(Facts($"org/r{i}")))).ToList();

        var (records, problems) = FleetInputs.Read([folder.Path], new FleetLimits(1 << 20, 1 << 20, 2), guard.Token);

        Assert.Equal(files[..2], records.Select(r => r.File));
        Assert.Equal(("STD7525", files[2]), (Assert.Single(problems).Code, problems[0].File));
    }

    [Fact]
    public void Link_loops_end_and_links_out_of_the_folder_are_not_followed()
    {
        var outside = Path.Combine(folder.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "compliance.json"), Text(Facts("org/secret")));
        var input = Path.Combine(folder.Path, "input");
        var good = Write("input/a/compliance.json", Text(Facts("org/a")));
        Directory.CreateSymbolicLink(Path.Combine(input, "a", "loop"), input);
        Directory.CreateSymbolicLink(Path.Combine(input, "self"), Path.Combine(input, "self"));
        Directory.CreateSymbolicLink(Path.Combine(input, "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(input, "compliance.json"), Path.Combine(outside, "compliance.json"));

        var (records, problems) = FleetInputs.Read([input], FleetLimits.Default, guard.Token);

        Assert.Equal([good], records.Select(r => r.File));
        Assert.All(problems, p => Assert.Equal("STD7526", p.Code));
        Assert.Equal(
            [Path.Combine(input, "a", "loop"), Path.Combine(input, "compliance.json"), Path.Combine(input, "escape"), Path.Combine(input, "self")],
            problems.Select(p => p.File).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("it leads out of the folder given", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("a folder already searched", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_link_to_a_folder_already_searched_reads_its_files_once_and_says_so()
    {
        var good = Write("input/a/compliance.json", Text(Facts("org/a")));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "input", "b"), Path.Combine(folder.Path, "input", "a"));

        var (records, problems) = FleetInputs.Read([Path.Combine(folder.Path, "input")], FleetLimits.Default, guard.Token);

        Assert.Equal([good], records.Select(r => r.File));
        Assert.Equal(["STD7526"], problems.Select(p => p.Code));
    }

    [Fact]
    public void A_FIFO_named_compliance_json_is_STD7526_and_never_opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are made with mkfifo(1); elsewhere the walk never opens anything but a regular file either.
        }

        var good = Write("a/compliance.json", Text(Facts("org/a")));
        var fifo = Path.Combine(folder.Path, "b", "compliance.json");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (records, problems) = FleetInputs.Read([folder.Path, fifo], FleetLimits.Default, guard.Token);

        Assert.Equal([good], records.Select(r => r.File));
        Assert.Equal([("STD7526", fifo), ("STD7526", fifo)], problems.Select(p => (p.Code, p.File)));
        Assert.Contains("not a regular file", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_read_stops_with_OperationCanceledException()
    {
        Write("a/compliance.json", Text(Facts("org/a")));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => FleetInputs.Read([folder.Path], FleetLimits.Default, cancelled.Token));
    }

    [Fact]
    public void Control_and_bidi_characters_in_a_problem_are_printed_as_escapes()
    {
        var problem = new FleetProblem("STD7522", "x/compliance.json\nerror STD0000: forged", 0, "org/\u202Eevil is already read");

        var line = problem.Formatted();

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u202E', line);
        Assert.Contains("x/compliance.json\\u000Aerror STD0000: forged", line, StringComparison.Ordinal);
        Assert.Contains("org/\\u202Eevil", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Printable_escapes_every_control_and_bidi_character_and_nothing_else()
    {
        Gen.String.Sample(text =>
        {
            var printable = FleetText.Printable(text);
            Assert.DoesNotContain(printable, c => char.IsControl(c) || FleetText.IsBidiControl(c) || c is '\u2028' or '\u2029');
            Assert.Equal(FleetText.Printable(printable), printable);
            if (!text.Any(c => char.IsControl(c) || FleetText.IsBidiControl(c) || c is '\u2028' or '\u2029'))
            {
                Assert.Equal(text, printable);
            }
        });
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(folder.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
