using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

/// <summary>Which members over STD1002's limit adopt excepts, by file, and the STD1001 finding each becomes.</summary>
public sealed class LongMemberExceptionsTests
{
    private static BuildDiagnostic FarTooLong(string file, int line) =>
        new("STD1002", true, file, line, 17, "Method 'Run' has 120 lines; the error limit is 100.") { Project = "src/A/A.csproj" };

    [Fact]
    public void Members_are_grouped_by_file_once_each_across_target_frameworks_and_an_excepted_file_is_left_out()
    {
        const string Policy = """{ "exceptions": [ { "rule": "STD1002", "scope": "src/A/Old.cs", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }""";
        BuildDiagnostic[] findings =
        [
            FarTooLong("src/A/B.cs", 40), FarTooLong("src/A/B.cs", 9), FarTooLong("src/A/B.cs", 40),
            FarTooLong("src/A/Old.cs", 3), FarTooLong("src/A/A.cs", 5),
            FarTooLong("src/A/A.cs", 5) with { Code = "STD1001" },

            // A linked file outside the repo has no repo-relative scope: it stays a finding adopt cannot baseline.
            FarTooLong("../Shared/Linked.cs", 4), FarTooLong("/elsewhere/Linked.cs", 4),
        ];

        var files = LongMemberExceptions.New(Policy, findings);

        Assert.Equal(["src/A/A.cs: 5", "src/A/B.cs: 9, 40"], files.Select(f => $"{f.Key}: {string.Join(", ", f.Select(m => m.Line))}"));
    }

    [Fact]
    public void A_member_becomes_an_STD1001_finding_at_the_same_place()
    {
        var member = FarTooLong("src/A/B.cs", 40);

        var target = LongMemberExceptions.AsTargetFinding(member);

        Assert.Equal(("STD1001", "src/A/B.cs", 40, 17), (target.Code, target.File, target.Line, target.Column));
    }
}
