using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Standards.Templates.Tests;

/// <summary>
/// The item templates inside a generated repo that already has ADR 0001: two ADRs get 0002 and 0003, a runbook
/// and a design document are added, and the repo still builds clean with every Standards check (ADR numbering
/// and headers, runbook headers are layout checks that run in the build).
/// </summary>
public sealed partial class ItemTemplateTests(ItemTemplateTests.Flow flow) : IClassFixture<ItemTemplateTests.Flow>
{
    [Fact]
    public void Adrs_get_the_next_free_numbers()
    {
        Assert.True(flow.FirstAdr.ExitCode == 0, flow.FirstAdr.Output);
        Assert.True(flow.SecondAdr.ExitCode == 0, flow.SecondAdr.Output);
        Assert.Contains("Created docs/adr/0002-use-postgresql.md", flow.FirstAdr.Output, StringComparison.Ordinal);
        Assert.Contains("Created docs/adr/0003-use-postgresql.md", flow.SecondAdr.Output, StringComparison.Ordinal);
        var records = flow.Repo.Files().Where(f => f.StartsWith("docs/adr/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["docs/adr/0001-record-architecture-decisions.md", "docs/adr/0002-use-postgresql.md", "docs/adr/0003-use-postgresql.md"],
            records);
    }

    [Theory]
    [InlineData("docs/adr/0002-use-postgresql.md", "0002")]
    [InlineData("docs/adr/0003-use-postgresql.md", "0003")]
    public void An_adr_has_the_title_status_date_and_sections(string path, string number)
    {
        var text = flow.Repo.Read(path);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal($"# ADR-{number}: Use PostgreSQL", lines[0]);
        Assert.Contains("Status: Proposed", lines);
        AssertToday(text, "Date");
        Assert.Equal(["Context", "Decision", "Alternatives Considered", "Consequences"], Sections(text));
    }

    [Fact]
    public void A_runbook_has_the_owner_date_and_sections()
    {
        var text = flow.Repo.Read("docs/runbooks/search-index-rebuild.md");
        Assert.StartsWith("# Runbook: Search index rebuild\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Owner: @acme/docs\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        AssertToday(text, "Last Validated");
        Assert.Equal(["Symptoms", "Checks", "Resolution", "Escalation"], Sections(text));
    }

    [Fact]
    public void A_design_document_has_the_nine_sections_of_the_repo_template()
    {
        var text = flow.Repo.Read("docs/design/bulk-import.md");
        Assert.StartsWith("# Design: Bulk import\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Author: Ada Lovelace\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
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
    public void No_helper_script_is_left_behind() =>
        Assert.DoesNotContain(flow.Repo.Files(), f => f.Contains(".std-adr-number", StringComparison.Ordinal) || f.Contains("/0000-", StringComparison.Ordinal));

    [Fact]
    public void The_repo_still_builds_clean_with_every_check() => flow.AssertBuiltClean();

    [Fact]
    public void Generates_the_expected_documents()
    {
        var text = string.Join(
            "\n",
            new[] { "docs/adr/0002-use-postgresql.md", "docs/runbooks/search-index-rebuild.md", "docs/design/bulk-import.md" }
                .Select(f => $"=== {f}\n{flow.Repo.Read(f)}"));
        Snapshot.Match("std-items", text, flow.Repo.Root);
    }

    [Fact]
    public void An_explicit_number_needs_no_script()
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
    public void A_title_becomes_an_ascii_kebab_case_file_name_and_the_first_record_is_0001()
    {
        var folder = PackedSdk.NewTempDirectory("adr-title");
        var result = TemplateHive.Instance.New(folder, "std-adr", "--title", "Öffentliche API: Café & Crème (v2)!", "--allow-scripts", "yes");
        Assert.True(result.ExitCode == 0, result.Output);
        var files = Directory.GetFiles(Path.Combine(folder, "docs", "adr")).Select(Path.GetFileName).ToList();
        Assert.Equal(["0001-offentliche-api-cafe-creme-v2.md"], files);
        Assert.StartsWith("# ADR-0001: Öffentliche API: Café & Crème (v2)!", File.ReadAllText(Path.Combine(folder, "docs", "adr", files[0]!)), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_permission_to_run_scripts_the_record_stays_unnumbered_and_the_user_is_told_what_to_do()
    {
        var folder = PackedSdk.NewTempDirectory("adr-noscripts");
        var result = TemplateHive.Instance.New(folder, "std-adr", "--title", "Use PostgreSQL", "--allow-scripts", "no");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bash docs/adr/.std-adr-number.sh", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "docs", "adr", "0000-use-postgresql.md")));

        // The manual step the message names completes the job.
        var manual = ProcessRunner.Run("bash", ["docs/adr/.std-adr-number.sh"], folder);
        Assert.True(manual.ExitCode == 0, manual.Output);
        Assert.Equal(["0001-use-postgresql.md"], Directory.GetFiles(Path.Combine(folder, "docs", "adr"), "*").Select(Path.GetFileName));
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

    /// <summary>A generated std-lib repo with two ADRs, a runbook and a design document added, then built.</summary>
    public sealed class Flow : IDisposable
    {
        public Flow(IMessageSink diagnostics)
        {
            ArgumentNullException.ThrowIfNull(diagnostics);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            Repo = GeneratedRepo.Generate("std-lib", "Acme.Docs", "--owner=@acme/docs", "--ci", "none");
            var generated = stopwatch.Elapsed;
            var hive = TemplateHive.Instance;
            FirstAdr = hive.New(Repo.Root, "std-adr", "--title", "Use PostgreSQL", "--allow-scripts", "yes");
            SecondAdr = hive.New(Repo.Root, "std-adr", "--title", "Use PostgreSQL", "--allow-scripts", "yes");
            Runbook = hive.New(Repo.Root, "std-runbook", "-n", "Search index rebuild", "--owner", "acme/docs").EnsureSuccess("dotnet new std-runbook");
            Design = hive.New(Repo.Root, "std-design-doc", "-n", "Bulk import", "--author-name", "Ada Lovelace").EnsureSuccess("dotnet new std-design-doc");
            var items = stopwatch.Elapsed - generated;
            var restore = Repo.Restore();
            Build = restore.Succeeded ? Repo.Build() : restore;
            diagnostics.OnMessage(new DiagnosticMessage(string.Create(
                CultureInfo.InvariantCulture,
                $"std-lib + item templates: generate {generated.TotalSeconds:F1} s, 4 items {items.TotalSeconds:F1} s, restore+build {(stopwatch.Elapsed - generated - items).TotalSeconds:F1} s")));
        }

        public GeneratedRepo Repo { get; }

        public ProcessResult FirstAdr { get; }

        public ProcessResult SecondAdr { get; }

        public ProcessResult Runbook { get; }

        public ProcessResult Design { get; }

        /// <summary>The CI build (or the failed restore).</summary>
        public BuildResult Build { get; }

        public void AssertBuiltClean()
        {
            Assert.True(Build.Succeeded, $"The CI build of {Repo} with the new documents failed:\n{Build.Output}");
            Assert.True(Build.Diagnostics.Count == 0, $"The CI build of {Repo} reported:\n{string.Join('\n', Build.Diagnostics)}");
        }

        public void Dispose() => Repo.Delete();
    }
}
