using Standards.Adoption;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests;

public sealed class SolutionEntryTests
{
    [Fact]
    public void A_repo_without_the_file_gets_one_that_imports_the_solution_entry_and_says_why() =>
        Assert.Equal(
            "<Project>\n  <!-- Lets the CI coverage step (dotnet build <solution> -t:StandardsCoverage) run the gate in the projects on Standards.Sdk only. -->\n" +
            "  <Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />\n</Project>\n",
            SolutionEntry.Write(null));

    /// <summary>
    /// The repo templates ship the very file adopt and upgrade write, so a template update finds a repo's file
    /// unchanged whichever of them wrote it, and none of them rewrites the template's.
    /// </summary>
    [Fact]
    public void The_repo_templates_ship_the_file_adopt_writes_byte_for_byte()
    {
        var shipped = File.ReadAllText(Path.Combine(RepoRoot(), "templates", "content", "_shared", "repo", SolutionEntry.FileName));
        Assert.Equal(SolutionEntry.Write(null), shipped);
        Assert.Null(SolutionEntry.Write(shipped));
    }

    [Theory]
    [InlineData("<Project>\n  <Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />\n</Project>\n")]
    [InlineData("<Project>\r\n\t<Import Sdk='Standards.Sdk' Project='Solution.targets' Condition=\"true\" />\r\n</Project>")]
    public void A_file_that_imports_it_already_is_not_rewritten(string existing) =>
        Assert.Null(SolutionEntry.Write(existing));

    [Theory]
    [InlineData(
        "<Project>\n  <Target Name=\"Hello\" />\n</Project>\n",
        "<Project>\n  <Target Name=\"Hello\" />\n  <Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />\n</Project>\n")]
    [InlineData(
        "<Project>\r\n\t<Target Name=\"Hello\" />\r\n</Project>",
        "<Project>\r\n\t<Target Name=\"Hello\" />\r\n  <Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />\r\n</Project>")]
    [InlineData(
        "<Project><Target Name=\"Hello\" /></Project>\n",
        "<Project><Target Name=\"Hello\" />\n  <Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />\n</Project>\n")]
    [InlineData(
        "<Project>\n  <!-- </Project> in a comment -->\n  <Import Project=\"Other.targets\" Sdk=\"Standards.Sdk\" />\n</Project>\n",
        "<Project>\n  <!-- </Project> in a comment -->\n  <Import Project=\"Other.targets\" Sdk=\"Standards.Sdk\" />\n  <Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />\n</Project>\n")]
    public void An_existing_file_gains_the_import_before_its_last_closing_tag_and_keeps_every_other_byte(string existing, string expected) =>
        Assert.Equal(expected, SolutionEntry.Write(existing));

    [Theory]
    [InlineData("<Project />\n")]
    [InlineData("")]
    public void A_file_with_no_closing_Project_tag_is_a_coded_refusal_at_the_file(string existing)
    {
        var refusal = Assert.Throws<ToolException>(() => SolutionEntry.Write(existing));
        Assert.Equal((ToolRuleIds.ProjectUnparsable, SolutionEntry.FileName, 1), (refusal.Code, refusal.File, refusal.Line));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Standards.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Standards.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
