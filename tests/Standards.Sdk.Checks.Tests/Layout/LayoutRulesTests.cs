using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Repository;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>Every layout rule (profile §3): a violating repo gives exactly its finding (code, file, line); compliant repos give none.</summary>
public class LayoutRulesTests
{
    [Fact]
    public void Compliant_library_repo_has_no_findings() => FindingAssert.None(FakeRepo.Library().Layout());

    [Fact]
    public void Compliant_service_repo_has_no_findings() => FindingAssert.None(FakeRepo.Service().Layout());

    [Fact]
    public void Compliant_worker_repo_has_no_findings() => FindingAssert.None(FakeRepo.Worker().Layout());

    [Fact]
    public void Compliant_repos_have_no_findings_without_the_dependency_rules_either()
    {
        FindingAssert.None(FakeRepo.Service().Layout(deferToDependencyRules: false));
        FindingAssert.None(FakeRepo.Library().Layout(deferToDependencyRules: false));
    }

    [Theory]
    [InlineData(ProjectKindsUnderTest.Library, "library")]
    [InlineData(ProjectKindsUnderTest.Service, "service")]
    [InlineData(ProjectKindsUnderTest.Worker, "worker")]
    public void Repo_kind_is_inferred_from_the_executables(ProjectKindsUnderTest kind, string expected)
    {
        var repo = kind switch
        {
            ProjectKindsUnderTest.Service => FakeRepo.Service(),
            ProjectKindsUnderTest.Worker => FakeRepo.Worker(),
            _ => FakeRepo.Library(),
        };
        Assert.Equal(expected, RepositoryKind.Resolve(FakeRepo.Policy(null), repo.Snapshot()).Kind);
    }

    [Fact]
    public void Declared_kind_wins_over_inference()
    {
        var kind = RepositoryKind.Resolve(FakeRepo.Policy("""{ "kind": "worker" }"""), FakeRepo.Library().Snapshot());
        Assert.Equal(("worker", true), (kind.Kind, kind.Declared));
    }

    // STD3001
    [Theory]
    [InlineData("README.md")]
    [InlineData("CHANGELOG.md")]
    [InlineData(".editorconfig")]
    public void Missing_root_file_is_STD3001(string file) =>
        FindingAssert.Exactly(FakeRepo.Library().Without(file).Layout(), ("STD3001", file, 0));

    [Fact]
    public void Root_files_match_case_insensitively() =>
        FindingAssert.None(FakeRepo.Library().Without("README.md").With("Readme.md", "# x\n").Layout());

    [Fact]
    public void Global_json_and_packages_props_are_left_to_the_dependency_rules_unless_those_are_off()
    {
        var repo = FakeRepo.Library().Without("global.json").Without("Directory.Packages.props");
        FindingAssert.None(repo.Layout());
        FindingAssert.Exactly(repo.Layout("""{ "rules": { "STD2008": "none", "STD2001": "none" } }"""),
            ("STD3001", "global.json", 0), ("STD3001", "Directory.Packages.props", 0));
        FindingAssert.Exactly(repo.Layout(deferToDependencyRules: false),
            ("STD3001", "global.json", 0), ("STD3001", "Directory.Packages.props", 0));
    }

    [Fact]
    public void Required_paths_from_standards_json_are_STD3001()
    {
        const string policy = """{ "layout": { "requiredPaths": ["LICENSE", "docs/design/", "README.md"] } }""";
        FindingAssert.Exactly(FakeRepo.Library().Layout(policy), ("STD3001", "LICENSE", 0), ("STD3001", "docs/design", 0));
        FindingAssert.None(FakeRepo.Library().With("LICENSE").With("docs/design/TEMPLATE.md").Layout(policy));
    }

    [Fact]
    public void The_root_file_list_is_a_parameter() =>
        FindingAssert.Exactly(FakeRepo.Library().Without("CHANGELOG.md").Layout("""{ "rules": { "STD3001": { "files": ["README.md", "NOTICE"] } } }"""),
            ("STD3001", "NOTICE", 0));

    // STD3002
    [Fact]
    public void Missing_codeowners_is_STD3002() =>
        FindingAssert.Exactly(FakeRepo.Library().Without(".github/CODEOWNERS").Layout(), ("STD3002", "CODEOWNERS", 0));

    [Theory]
    [InlineData("CODEOWNERS")]
    [InlineData("docs/CODEOWNERS")]
    public void Codeowners_may_be_at_the_root_or_in_docs(string path) =>
        FindingAssert.None(FakeRepo.Library().With(path, FakeRepo.Library().Text(".github/CODEOWNERS")).Without(".github/CODEOWNERS").Layout());

    // STD3003
    [Fact]
    public void Project_folder_without_owner_is_STD3003() =>
        FindingAssert.Exactly(FakeRepo.Service().With(".github/CODEOWNERS", "/src/Acme.Orders/ @alice @bob\n").Layout(),
            ("STD3003", "cmd/Acme.Orders.Api/Acme.Orders.Api.csproj", 1));

    [Fact]
    public void Last_matching_rule_wins_for_coverage()
    {
        // The catch-all comes last and has no owner: it takes ownership away (and is itself reported as malformed).
        var findings = FakeRepo.Library().With(".github/CODEOWNERS", "/src/ @alice\n*\n").Layout();
        FindingAssert.Exactly(findings, ("STD3005", ".github/CODEOWNERS", 2), ("STD3003", "src/Acme.Orders/Acme.Orders.csproj", 1));
    }

    [Fact]
    public void Test_projects_need_no_owner() =>
        FindingAssert.None(FakeRepo.Library().With(".github/CODEOWNERS", "/src/ @alice @bob\n").Layout());

    // STD3004
    [Fact]
    public void Critical_project_with_one_owner_is_STD3004_at_the_codeowners_line()
    {
        var repo = FakeRepo.Library()
            .WithProject("src/Acme.Orders/Acme.Orders.csproj", "<PropertyGroup><StandardsCritical>true</StandardsCritical></PropertyGroup>")
            .With(".github/CODEOWNERS", "# owners\n/src/Acme.Orders/ @alice\n");
        FindingAssert.Exactly(repo.Layout(), ("STD3004", ".github/CODEOWNERS", 2));
        FindingAssert.None(repo.With(".github/CODEOWNERS", "/src/Acme.Orders/ @alice @acme/payments\n").Layout());
    }

    [Fact]
    public void Critical_projects_can_be_listed_in_standards_json()
    {
        const string policy = """
            {
              "layout": {
                "criticalProjects": ["Acme.Orders"]
              }
            }
            """;
        var repo = FakeRepo.Library().With(".github/CODEOWNERS", "/src/ @alice\n");
        FindingAssert.Exactly(repo.Layout(policy), ("STD3004", ".github/CODEOWNERS", 1));
        FindingAssert.Exactly(repo.Layout("""{ "layout": { "criticalProjects": ["src/Acme.Orders"] }, "rules": { "STD3004": { "minOwners": 1 } } }"""));
    }

    [Fact]
    public void Critical_entry_that_matches_no_project_is_STD0002_at_its_line()
    {
        const string policy = "{\n  \"layout\": {\n    \"criticalProjects\": [\"Acme.Nothing\"]\n  }\n}";
        FindingAssert.Exactly(FakeRepo.Library().Layout(policy), ("STD0002", "standards.json", 3));
    }

    // STD3005
    [Fact]
    public void Malformed_codeowners_lines_are_STD3005_with_their_line()
    {
        const string owners = """
            # Owners
            *                   @acme/platform
            /src/Acme.Orders/
            /docs/   not-an-owner
            !/tests/ @alice
            /cmd/[ab]/ @alice
            @alice /src/
            """;
        FindingAssert.Exactly(FakeRepo.Library().With(".github/CODEOWNERS", owners).Layout(),
            ("STD3005", ".github/CODEOWNERS", 3),
            ("STD3005", ".github/CODEOWNERS", 4),
            ("STD3005", ".github/CODEOWNERS", 5),
            ("STD3005", ".github/CODEOWNERS", 6),
            ("STD3005", ".github/CODEOWNERS", 7),
            ("STD3003", "src/Acme.Orders/Acme.Orders.csproj", 1));
    }

    // STD3006
    [Fact]
    public void Missing_tests_folder_is_STD3006_and_the_project_lacks_tests() =>
        FindingAssert.Exactly(FakeRepo.Library().WithoutFolder("tests/").Layout(),
            ("STD3006", "tests", 0), ("STD3008", "src/Acme.Orders/Acme.Orders.csproj", 1));

    [Fact]
    public void Missing_src_folder_is_STD3006()
    {
        var repo = FakeRepo.Library().WithoutFolder("src/").WithoutFolder("tests/").WithProject("tests/Acme.Tools.Tests/Acme.Tools.Tests.csproj");
        FindingAssert.Exactly(repo.Layout(), ("STD3006", "src", 0));
    }

    // STD3007
    [Fact]
    public void Executable_under_src_in_a_service_repo_is_STD3007()
    {
        var repo = FakeRepo.Service()
            .WithProject("src/Acme.Orders.Migrator/Acme.Orders.Migrator.csproj", "<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>")
            .WithProject("tests/Acme.Orders.Migrator.Tests/Acme.Orders.Migrator.Tests.csproj");
        FindingAssert.Exactly(repo.Layout(), ("STD3007", "src/Acme.Orders.Migrator/Acme.Orders.Migrator.csproj", 1));
    }

    [Fact]
    public void Executables_sharing_a_cmd_folder_are_STD3007()
    {
        var repo = FakeRepo.Worker().WithProject("cmd/Acme.Orders.Worker/Acme.Orders.Tool.csproj");
        FindingAssert.Exactly(repo.Layout(), ("STD3007", "cmd/Acme.Orders.Worker/Acme.Orders.Worker.csproj", 1));
    }

    [Fact]
    public void Declared_service_repo_without_executable_is_STD3007_and_needs_runbooks() =>
        FindingAssert.Exactly(FakeRepo.Library().Layout("""{ "kind": "service" }"""), ("STD3007", "cmd", 0), ("STD3020", "docs/runbooks", 0));

    [Fact]
    public void Library_repo_may_keep_an_executable_anywhere() =>
        FindingAssert.None(FakeRepo.Library()
            .WithProject("src/Acme.Orders.Cli/Acme.Orders.Cli.csproj", "<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>")
            .WithProject("tests/Acme.Orders.Cli.Tests/Acme.Orders.Cli.Tests.csproj")
            .Layout("""{ "kind": "library" }"""));

    // STD3008
    [Fact]
    public void Src_project_without_test_project_is_STD3008() =>
        FindingAssert.Exactly(FakeRepo.Library().WithProject("src/Acme.Billing/Acme.Billing.csproj").With(".github/CODEOWNERS", "* @a\n").Layout(),
            ("STD3008", "src/Acme.Billing/Acme.Billing.csproj", 1));

    [Fact]
    public void Test_project_outside_tests_does_not_count()
    {
        var findings = FakeRepo.Library().WithoutFolder("tests/Acme.Orders.Tests/").With("tests/README.md", "# Tests\n")
            .WithProject("src/Acme.Orders.Tests/Acme.Orders.Tests.csproj").Layout();
        FindingAssert.Exactly(findings, ("STD3008", "src/Acme.Orders/Acme.Orders.csproj", 1));
        Assert.Contains("src/Acme.Orders.Tests/Acme.Orders.Tests.csproj exists but is not under tests/", findings[0].Message, StringComparison.Ordinal);
    }

    // STD3010-STD3015
    [Fact]
    public void No_adr_is_STD3010() =>
        FindingAssert.Exactly(FakeRepo.Library().WithoutFolder("docs/adr/").Layout(), ("STD3010", "docs/adr", 0));

    [Fact]
    public void Adr_index_and_template_are_not_records() =>
        FindingAssert.Exactly(FakeRepo.Library().WithoutFolder("docs/adr/").With("docs/adr/README.md", "# ADRs\n").With("docs/adr/template.md", "# ADR-NNNN\n").Layout(),
            ("STD3010", "docs/adr", 0));

    [Theory]
    // 0001 is taken: the suggestion is the next free number, never a name that fails STD3012.
    [InlineData("docs/adr/001-use-postgres.md", "0002-use-postgres.md")]
    [InlineData("docs/adr/0002-Use-Postgres.md", "0002-use-postgres.md")]
    [InlineData("docs/adr/adr-2_use_postgres.md", "0002-use-postgres.md")]
    [InlineData("docs/adr/0002_use_postgres.md", "0002-use-postgres.md")]
    public void Badly_named_adr_is_STD3011_with_a_suggestion(string path, string suggestion)
    {
        var findings = FakeRepo.Library().With(path, FakeRepo.Adr1.Replace("ADR-0001", "ADR-0002", StringComparison.Ordinal)).Layout();
        FindingAssert.Exactly(findings, ("STD3011", path, 0));
        Assert.Contains("docs/adr/" + suggestion, findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_and_missing_adr_numbers_are_STD3012()
    {
        var repo = FakeRepo.Library()
            .With("docs/adr/0001-another-decision.md", FakeRepo.Adr1)
            .With("docs/adr/0004-later-decision.md", FakeRepo.Adr1.Replace("ADR-0001", "ADR-0004", StringComparison.Ordinal));
        FindingAssert.Exactly(repo.Layout(),
            ("STD3012", "docs/adr/0001-record-architecture-decisions.md", 0),
            ("STD3012", "docs/adr/0004-later-decision.md", 0));
    }

    [Fact]
    public void Adr_numbers_start_at_one() =>
        FindingAssert.Exactly(FakeRepo.Library().WithoutFolder("docs/adr/").With("docs/adr/0002-x.md", FakeRepo.Adr1.Replace("ADR-0001", "ADR-0002", StringComparison.Ordinal)).Layout(),
            ("STD3012", "docs/adr/0002-x.md", 0));

    [Fact]
    public void Adr_without_status_is_STD3013_at_the_title()
    {
        var text = "\n" + FakeRepo.Adr1.Replace("**Status**: Accepted\n", string.Empty, StringComparison.Ordinal);
        FindingAssert.Exactly(FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", text).Layout(),
            ("STD3013", "docs/adr/0001-record-architecture-decisions.md", 2));
    }

    [Theory]
    [InlineData("**Status**: Proposed | Accepted | Deprecated", 3)]
    [InlineData("**Date**: 10/01/2026", 4)]
    [InlineData("**Date**: 2026-02-30", 4)]
    public void Adr_with_invalid_header_is_STD3013_at_its_line(string line, int expectedLine)
    {
        var key = line.StartsWith("**Status", StringComparison.Ordinal) ? "**Status**: Accepted" : "**Date**: 2026-01-10";
        var text = FakeRepo.Adr1.Replace(key, line, StringComparison.Ordinal);
        FindingAssert.Exactly(FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", text).Layout(),
            ("STD3013", "docs/adr/0001-record-architecture-decisions.md", expectedLine));
    }

    [Theory]
    [InlineData("Status: Accepted\nDate: 2026-01-10")]
    [InlineData("**Status:** accepted  \n**Date:** 2026-01-10  ")]
    [InlineData("- **Status**: Accepted\n- **Date**: `2026-01-10`")]
    public void Adr_header_may_be_plain_bold_or_a_list(string header)
    {
        var text = FakeRepo.Adr1.Replace("**Status**: Accepted\n**Date**: 2026-01-10", header, StringComparison.Ordinal);
        FindingAssert.None(FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", text).Layout());
    }

    [Fact]
    public void Adr_title_number_must_match_the_file() =>
        FindingAssert.Exactly(FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", FakeRepo.Adr1.Replace("ADR-0001", "ADR-001", StringComparison.Ordinal)).Layout(),
            ("STD3013", "docs/adr/0001-record-architecture-decisions.md", 1));

    [Fact]
    public void Adr_missing_sections_is_one_STD3014_at_the_title()
    {
        var text = FakeRepo.Adr1.Replace("## Alternatives Considered", "## Options", StringComparison.Ordinal).Replace("## Consequences", "Consequences", StringComparison.Ordinal);
        var findings = FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", text).Layout();
        FindingAssert.Exactly(findings, ("STD3014", "docs/adr/0001-record-architecture-decisions.md", 1));
        Assert.Contains("## Alternatives Considered, ## Consequences", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_inside_code_fences_do_not_count()
    {
        var text = FakeRepo.Adr1.Replace("## Consequences", "```markdown\n## Consequences\n```", StringComparison.Ordinal);
        FindingAssert.Exactly(FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", text).Layout(),
            ("STD3014", "docs/adr/0001-record-architecture-decisions.md", 1));
    }

    [Fact]
    public void Superseded_adr_must_link_to_its_replacement()
    {
        var superseded = FakeRepo.Adr1.Replace("**Status**: Accepted", "**Status**: Superseded", StringComparison.Ordinal);
        var second = FakeRepo.Adr1.Replace("ADR-0001", "ADR-0002", StringComparison.Ordinal);
        var repo = FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", superseded).With("docs/adr/0002-newer.md", second);
        FindingAssert.Exactly(repo.Layout(), ("STD3015", "docs/adr/0001-record-architecture-decisions.md", 3));

        var broken = superseded.Replace("**Status**: Superseded", "**Status**: Superseded by [ADR-0009](0009-missing.md)", StringComparison.Ordinal);
        var findings = repo.With("docs/adr/0001-record-architecture-decisions.md", broken).Layout();
        FindingAssert.Exactly(findings, ("STD3015", "docs/adr/0001-record-architecture-decisions.md", 3));
        Assert.Contains("0009-missing.md", findings[0].Message, StringComparison.Ordinal);

        var linked = superseded.Replace("**Status**: Superseded", "**Status**: Superseded by [ADR-0002](./0002-newer.md#decision)", StringComparison.Ordinal);
        FindingAssert.None(repo.With("docs/adr/0001-record-architecture-decisions.md", linked).Layout());
        var referenceStyle = superseded + "\nReplaced by [the new one].\n\n[the new one]: ../adr/0002-newer.md\n";
        FindingAssert.None(repo.With("docs/adr/0001-record-architecture-decisions.md", referenceStyle).Layout());
    }

    [Fact]
    public void Deprecated_adr_linking_only_to_itself_is_STD3015()
    {
        var text = FakeRepo.Adr1.Replace("**Status**: Accepted", "**Status**: Deprecated, see [this](0001-record-architecture-decisions.md)", StringComparison.Ordinal);
        FindingAssert.Exactly(FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", text).Layout(),
            ("STD3015", "docs/adr/0001-record-architecture-decisions.md", 3));
    }

    // STD3020-STD3022
    [Fact]
    public void Service_without_runbook_is_STD3020() =>
        FindingAssert.Exactly(FakeRepo.Service().WithoutFolder("docs/runbooks/").Layout(), ("STD3020", "docs/runbooks", 0));

    [Fact]
    public void Worker_without_runbook_is_STD3020() =>
        FindingAssert.Exactly(FakeRepo.Worker().WithoutFolder("docs/runbooks/").With("docs/runbooks/README.md", "# Runbooks\n").Layout(), ("STD3020", "docs/runbooks", 0));

    [Fact]
    public void Library_needs_no_runbook() => FindingAssert.None(FakeRepo.Library().Layout());

    [Fact]
    public void Runbook_without_owner_is_STD3021_at_the_title()
    {
        var text = FakeRepo.Runbook.Replace("Owner: @acme/orders\n", string.Empty, StringComparison.Ordinal);
        FindingAssert.Exactly(FakeRepo.Service().With("docs/runbooks/high-error-rate.md", text).Layout(), ("STD3021", "docs/runbooks/high-error-rate.md", 1));
    }

    [Theory]
    [InlineData("Last Validated: last week", 4)]
    [InlineData("Last Validated: 2027-01-01", 4)]
    [InlineData("Last Checked: 2026-01-01", 1)]
    public void Runbook_with_bad_last_validated_is_STD3021(string line, int expectedLine)
    {
        var text = FakeRepo.Runbook.Replace("Last Validated: 2026-01-15", line, StringComparison.Ordinal);
        FindingAssert.Exactly(FakeRepo.Service().With("docs/runbooks/high-error-rate.md", text).Layout(), ("STD3021", "docs/runbooks/high-error-rate.md", expectedLine));
    }

    [Fact]
    public void Runbook_missing_sections_is_STD3022()
    {
        var text = FakeRepo.Runbook.Replace("## Escalation", "## Contacts", StringComparison.Ordinal);
        FindingAssert.Exactly(FakeRepo.Service().With("docs/runbooks/nested/disk-full.md", text).Layout(), ("STD3022", "docs/runbooks/nested/disk-full.md", 1));
    }

    // STD3030-STD3033
    [Fact]
    public void Missing_pull_request_template_is_STD3030()
    {
        var findings = FakeRepo.Library().Without(".github/pull_request_template.md").Layout();
        FindingAssert.Exactly(findings, ("STD3030", ".github/pull_request_template.md", 0));
        Assert.Equal(Severity.Warning, findings[0].Severity);
    }

    [Fact]
    public void Pull_request_template_missing_headings_is_STD3030() =>
        FindingAssert.Exactly(FakeRepo.Library().With(".github/pull_request_template.md", "# PR\n\n## What\n## Why\n").Layout(),
            ("STD3030", ".github/pull_request_template.md", 1));

    [Fact]
    public void Pull_request_template_folder_counts() =>
        FindingAssert.None(FakeRepo.Library().Without(".github/pull_request_template.md")
            .With(".github/PULL_REQUEST_TEMPLATE/feature.md", FakeRepo.PullRequestTemplate).Layout());

    [Theory]
    [InlineData(".gitlab/merge_request_templates/Default.md")]
    [InlineData(".azuredevops/pull_request_template.md")]
    public void Gitlab_and_azure_pull_request_templates_count(string path)
    {
        FindingAssert.None(FakeRepo.Library().Without(".github/pull_request_template.md").With(path, FakeRepo.PullRequestTemplate).Layout());
        FindingAssert.Exactly(FakeRepo.Library().Without(".github/pull_request_template.md").With(path, "# MR\n\n## What\n").Layout(), ("STD3030", path, 1));
    }

    [Fact]
    public void Missing_security_policy_is_STD3031_warning()
    {
        var findings = FakeRepo.Library().Without("SECURITY.md").Layout();
        FindingAssert.Exactly(findings, ("STD3031", "SECURITY.md", 0));
        Assert.Equal(Severity.Warning, findings[0].Severity);
        FindingAssert.None(FakeRepo.Library().Without("SECURITY.md").With(".github/SECURITY.md").Layout());
    }

    [Fact]
    public void Document_past_its_review_date_is_STD3032_at_the_line()
    {
        const string doc = "# Architecture\n\nText.\n\n---\n**Last Validated**: 2025-10-01  \n**Next Review**: 2026-01-31  \n";
        FindingAssert.Exactly(FakeRepo.Library().With("docs/architecture.md", doc).Layout(), ("STD3032", "docs/architecture.md", 7));
        FindingAssert.None(FakeRepo.Library().With("docs/architecture.md", doc.Replace("2026-01-31", "2026-02-01", StringComparison.Ordinal)).Layout());
        FindingAssert.Exactly(FakeRepo.Library().With("README.md", "# x\nNext Review: soon\n").Layout(), ("STD3032", "README.md", 2));
    }

    [Fact]
    public void Review_dates_in_code_blocks_are_examples() =>
        FindingAssert.None(FakeRepo.Library().With("docs/docs.md", "# Docs\n\n```markdown\nNext Review: 2020-01-01\n```\n").Layout());

    [Fact]
    public void Generic_folder_under_src_is_STD3033()
    {
        var repo = FakeRepo.Library()
            .WithProject("src/Common/Acme.Orders.Core/Acme.Orders.Core.csproj")
            .WithProject("tests/Acme.Orders.Core.Tests/Acme.Orders.Core.Tests.csproj")
            .With("src/Helpers/notes.txt");
        FindingAssert.Exactly(repo.Layout(), ("STD3033", "src/Common", 0), ("STD3033", "src/Helpers", 0));
    }

    [Fact]
    public void Generic_project_folder_named_like_its_project_is_left_to_STD1007() =>
        FindingAssert.None(FakeRepo.Library().WithProject("src/Acme.Common/Acme.Common.csproj").WithProject("tests/Acme.Common.Tests/Acme.Common.Tests.csproj").Layout());

    [Fact]
    public void Generic_names_are_a_parameter() =>
        FindingAssert.Exactly(FakeRepo.Library().With("src/Shared/x.txt").With("src/Common/y.txt").Layout("""{ "rules": { "STD3033": { "names": ["Shared"] } } }"""),
            ("STD3033", "src/Shared", 0));

    // Configuration
    [Fact]
    public void Rules_can_be_turned_off_or_up_in_standards_json()
    {
        var repo = FakeRepo.Library().Without("SECURITY.md").Without(".github/pull_request_template.md");
        var findings = repo.Layout("""{ "rules": { "STD3031": "none", "STD3030": "error" } }""");
        FindingAssert.Exactly(findings, ("STD3030", ".github/pull_request_template.md", 0));
        Assert.Equal(Severity.Error, findings[0].Severity);
    }

    [Fact]
    public void Every_message_says_how_to_fix_and_names_no_absolute_path()
    {
        var repo = new FakeRepo().WithProject("src/Common/Utils.csproj").With("docs/adr/1-x.md", "# x\nStatus: Superseded\n").With("docs/runbooks/a.md", "# a\n")
            .With(".github/CODEOWNERS", "/src @x!\n").With("docs/a.md", "Next Review: 2020-01-01\n");
        var findings = repo.Layout("""{ "kind": "service" }""", deferToDependencyRules: false);
        Assert.True(findings.Count >= 15, string.Join("\n", findings));
        Assert.All(findings, f =>
        {
            Assert.Matches("^STD[0-9]{4}$", f.Code);
            Assert.DoesNotContain(FakeRepo.Root + "/", f.Message, StringComparison.Ordinal);
            Assert.Matches("(Add|Rename|Move|Give|Write|Restore|Put|Name|Check|Walk|Fix|write|add|Renumber|change)", f.Message);
        });
        Assert.Equal(
            ["STD3001", "STD3003", "STD3005", "STD3006", "STD3007", "STD3008", "STD3011", "STD3013", "STD3014", "STD3015", "STD3021", "STD3022", "STD3030", "STD3031", "STD3032", "STD3033"],
            findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal));
    }
}

/// <summary>Repo shapes for theories.</summary>
public enum ProjectKindsUnderTest
{
    Library,
    Service,
    Worker,
}
