namespace Standards.Tool.Tests;

/// <summary>
/// Members longer than STD1002's limit that the repo has before the adoption: STD1002 is an error by its rule, which
/// no code baseline entry suppresses, so the scripted build reports it until standards.json excepts the file, and then
/// reports the same member as STD1001 (the target, which the baseline holds), as the SDK's config makes the analyzer do.
/// </summary>
public sealed partial class AdopterTests
{
    private const string LegacyFile = "src/A/Legacy.cs";

    [Fact]
    public void A_member_over_STD1002s_limit_gets_a_dated_file_scoped_exception_and_its_STD1001_finding_a_code_baseline_entry()
    {
        Write(LegacyFile, "namespace A;\npublic static class Legacy\n{\n    public static void Run()\n    {\n    }\n\n    public static void Draw()\n    {\n    }\n}\n");
        Commit();
        dotnet.WorkspaceFindings = LongMembers(LegacyFile, [4, 8]);

        var result = AdoptOn(AdoptionDay);

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => $"{n.Diagnostic.Code} {n.Diagnostic.File}: {n.Fix}")));
        Assert.Equal([$"STD1002 {LegacyFile} 2027-05-25"], Exceptions());
        var baseline = Read("standards-code-baseline.json");
        Assert.Equal(2, baseline.Split($"{{ \"id\": \"STD1001\", \"file\": \"{LegacyFile}\"").Length - 1);
        Assert.DoesNotContain("STD1002", baseline, StringComparison.Ordinal);
        Assert.Contains($"{LegacyFile}: 2 member(s) longer than STD1002's limit (at line 4, 8) since before the adoption: kept under a dated, file-scoped STD1002 exception in standards.json (owner \"TODO: owner\": fill it in; expires in 180 days) and recorded in the code baseline as STD1001; a new long member still fails", result.ChangeLines);
        Assert.Contains($"{LegacyFile} has 2 member(s) longer than STD1002's limit since before the adoption (at line 4, 8)", Read("standards.json"), StringComparison.Ordinal);

        // A second run finds the file excepted and the members recorded: nothing to write.
        Commit();
        var again = AdoptOn(AdoptionDay);
        Assert.True(again.CiBuildGreen);
        Assert.Empty(again.Changes.Files);
    }

    /// <summary>
    /// The build's findings for members at <paramref name="lines"/> of <paramref name="file"/>, 120 lines each: STD1002
    /// until the workspace's standards.json excepts the file from it, then STD1001 (warnings CI fails on).
    /// </summary>
    private static Func<string, IEnumerable<string>> LongMembers(string file, int[] lines) => workspace =>
        PolicyOf(workspace).Contains($"\"scope\": \"{file}\"", StringComparison.Ordinal)
            ? lines.Select(line => $"{file}({line},24): error STD1001: Method 'M{line}' has 120 lines; the limit is 50. [{{root}}/src/A/A.csproj]")
            : lines.Select(line => $"{file}({line},24): error STD1002: Method 'M{line}' has 120 lines; the error limit is 100. [{{root}}/src/A/A.csproj]");
}
