using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Standards.Templates.Tests;

/// <summary>
/// The item templates as the README shows them, run verbatim (bash) at the root of a fresh generated repo that has
/// ADR 0001: the records, runbook and design document they write keep the repo building clean with every Standards
/// check (ADR numbering and headers, runbook headers are layout checks that run in the build). std-adr never waits
/// for input and never writes a record it cannot number.
/// </summary>
public sealed partial class ItemTemplateTests(ItemTemplateTests.Flow flow) : IClassFixture<ItemTemplateTests.Flow>
{
    [Fact]
    public void The_readme_examples_ran_and_numbered_the_records_without_gaps()
    {
        Assert.True(flow.Examples.Count >= 4, $"Expected the README's item-template examples, found: {string.Join('\n', flow.Examples)}");
        foreach (var (command, result) in flow.Examples.Zip(flow.Results))
        {
            Assert.True(result.ExitCode == 0, $"{command}\n{result.Output}");
        }

        var records = flow.Repo.Files().Where(f => f.StartsWith("docs/adr/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["docs/adr/0001-record-architecture-decisions.md", "docs/adr/0002-use-postgresql.md", "docs/adr/0003-adopt-opentelemetry.md"],
            records);
    }

    [Theory]
    [InlineData("docs/adr/0002-use-postgresql.md", "0002", "Use PostgreSQL", "Proposed")]
    [InlineData("docs/adr/0003-adopt-opentelemetry.md", "0003", "Adopt OpenTelemetry", "Accepted")]
    public void An_adr_has_the_title_status_date_and_sections(string path, string number, string title, string status)
    {
        var text = flow.Repo.Read(path);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal($"# ADR-{number}: {title}", lines[0]);
        Assert.Contains($"Status: {status}", lines);
        AssertToday(text, "Date");
        Assert.Equal(["Context", "Decision", "Alternatives Considered", "Consequences"], Sections(text));
    }

    [Fact]
    public void A_runbook_has_the_owner_date_and_sections()
    {
        var text = flow.Repo.Read("docs/runbooks/high-error-rate.md");
        Assert.StartsWith("# Runbook: High error rate\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Owner: @acme/orders\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        AssertToday(text, "Last Validated");
        Assert.Equal(["Symptoms", "Checks", "Resolution", "Escalation"], Sections(text));
    }

    [Fact]
    public void A_design_document_has_the_nine_sections_of_the_repo_template()
    {
        var text = flow.Repo.Read("docs/design/bulk-import.md");
        Assert.StartsWith("# Design: Bulk import\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Author: Ada\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Status: Draft\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        AssertToday(text, "Date");
        var expected = new[]
        {
            "1. Problem Statement", "2. Goals and Non-Goals", "3. Design Overview", "4. Detailed Design", "5. Alternatives Considered",
            "6. Performance Impact", "7. Security Considerations", "8. Testing Plan", "9. Rollout Plan",
        };
        Assert.Equal(expected, Sections(text));
        Assert.Equal(Sections(flow.Repo.Read("docs/design/TEMPLATE.md")), Sections(text));
    }

    [Fact]
    public void No_stray_file_is_left_behind() =>
        Assert.DoesNotContain(flow.Repo.Files(), f => f.Contains(".std-adr", StringComparison.Ordinal) || f.Contains("/0000-", StringComparison.Ordinal));

    [Fact]
    public void The_repo_still_builds_clean_with_every_check() => flow.AssertBuiltClean();

    [Fact]
    public void Generates_the_expected_documents()
    {
        var text = string.Join(
            "\n",
            new[] { "docs/adr/0002-use-postgresql.md", "docs/runbooks/high-error-rate.md", "docs/design/bulk-import.md" }
                .Select(f => $"=== {f}\n{flow.Repo.Read(f)}"));
        Snapshot.Match("std-items", text, flow.Repo.Root);
    }

    [Fact]
    public void An_explicit_number_is_written_as_four_digits()
    {
        var folder = PackedSdk.NewTempDirectory("adr-number");
        var result = TemplateHive.Instance.New(folder, "std-adr", "--title", "Adopt OpenTelemetry", "--number", "7", "--status", "Accepted");
        Assert.True(result.ExitCode == 0, result.Output);
        var files = Directory.GetFiles(Path.Combine(folder, "docs", "adr"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Equal(["0007-adopt-opentelemetry.md"], files);
        var text = File.ReadAllText(Path.Combine(folder, "docs", "adr", "0007-adopt-opentelemetry.md")).ReplaceLineEndings("\n");
        Assert.StartsWith("# ADR-0007: Adopt OpenTelemetry\n", text, StringComparison.Ordinal);
        Assert.Contains("Status: Accepted\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_becomes_an_ascii_kebab_case_file_name()
    {
        var folder = PackedSdk.NewTempDirectory("adr-title");
        var result = TemplateHive.Instance.New(folder, "std-adr", "--title", "Öffentliche API: Café & Crème (v2)!", "--number", "1");
        Assert.True(result.ExitCode == 0, result.Output);
        var files = Directory.GetFiles(Path.Combine(folder, "docs", "adr")).Select(Path.GetFileName).ToList();
        Assert.Equal(["0001-offentliche-api-cafe-creme-v2.md"], files);
        Assert.StartsWith("# ADR-0001: Öffentliche API: Café & Crème (v2)!", File.ReadAllText(Path.Combine(folder, "docs", "adr", files[0]!)), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_number_it_fails_at_once_without_a_prompt_and_writes_nothing()
    {
        var folder = PackedSdk.NewTempDirectory("adr-nonumber");

        // Standard input is closed (as in a script or CI); the engine must not wait for an answer.
        var result = TemplateHive.Instance.New(folder, "std-adr", "--title", "Use PostgreSQL");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'--number'", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid input", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10000")]
    [InlineData("99999")]
    public void A_number_the_layout_check_would_reject_is_refused_before_anything_is_written(string number)
    {
        var folder = PackedSdk.NewTempDirectory("adr-range");

        var result = TemplateHive.Instance.New(folder, "std-adr", "--title", "Use PostgreSQL", "--number", number);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--number-from-1-to-9999", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    private static void AssertToday(string text, string field)
    {
        var match = Regex.Match(text, $@"^{Regex.Escape(field)}: (?<date>\d{{4}}-\d{{2}}-\d{{2}})\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"No '{field}: YYYY-MM-DD' line in:\n{text}");
        var date = DateOnly.ParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.InRange(date, today.AddDays(-1), today.AddDays(1));
    }

    private static List<string> Sections(string markdown) =>
        SectionHeading().Matches(markdown).Select(m => m.Groups["title"].Value.Trim()).ToList();

    [GeneratedRegex(@"^## (?<title>.+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SectionHeading();

    /// <summary>
    /// A generated std-lib repo in which the item-template examples of the README's "Templates" section run, as
    /// written, with bash (the hive of this run added to each), then the CI build.
    /// </summary>
    public sealed class Flow : IDisposable
    {
        public Flow(IMessageSink diagnostics)
        {
            ArgumentNullException.ThrowIfNull(diagnostics);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            Repo = GeneratedRepo.Generate("std-lib", "Acme.Docs", "--owner=@acme/docs", "--ci", "none");
            var generated = stopwatch.Elapsed;
            Examples = ReadmeExamples();
            var results = new List<ProcessResult>();
            foreach (var command in Examples)
            {
                results.Add(ProcessRunner.Run(
                    "bash",
                    ["-c", $"{command} --no-update-check --debug:custom-hive '{TemplateHive.Instance.Folder}'"],
                    Repo.Root,
                    new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackedSdk.Instance.PackagesFolder },
                    TimeSpan.FromMinutes(2)));
            }

            Results = results;
            var items = stopwatch.Elapsed - generated;
            var restore = Repo.Restore();
            Build = restore.Succeeded ? Repo.Build() : restore;
            diagnostics.OnMessage(new DiagnosticMessage(string.Create(
                CultureInfo.InvariantCulture,
                $"std-lib + README item examples: generate {generated.TotalSeconds:F1} s, {Examples.Count} items {items.TotalSeconds:F1} s, restore+build {(stopwatch.Elapsed - generated - items).TotalSeconds:F1} s")));
        }

        public GeneratedRepo Repo { get; }

        /// <summary>The <c>dotnet new std-...</c> lines of the README's item-template example block.</summary>
        public IReadOnlyList<string> Examples { get; }

        public IReadOnlyList<ProcessResult> Results { get; }

        /// <summary>The CI build (or the failed restore).</summary>
        public BuildResult Build { get; }

        public void AssertBuiltClean()
        {
            Assert.True(Build.Succeeded, $"The CI build of {Repo} with the new documents failed:\n{Build.Output}");
            Assert.True(Build.Diagnostics.Count == 0, $"The CI build of {Repo} reported:\n{string.Join('\n', Build.Diagnostics)}");
        }

        public void Dispose() => Repo.Delete();

        private static List<string> ReadmeExamples()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
            var start = readme.IndexOf("Item templates, run at the repository root", StringComparison.Ordinal);
            Assert.True(start >= 0, "The README has no item-template examples.");
            var block = readme[readme.IndexOf("```bash\n", start, StringComparison.Ordinal)..];
            block = block[..block.IndexOf("\n```", 8, StringComparison.Ordinal)];
            return [.. block.Split('\n')
                .Where(l => l.StartsWith("dotnet new std-", StringComparison.Ordinal))
                .Select(l => l.Split("  #")[0].Trim())];
        }
    }
}
