using System.Text;
using Standards.Adoption;
using Standards.Adoption.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>The three-way merge of a template update, with git's own merge-file.</summary>
public class TemplateMergeTests
{
    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    private static FileMerge One(string? before, string? after, string? ours, string path = "src/App/Program.cs")
    {
        var baseFiles = before is null ? new Dictionary<string, byte[]>() : new Dictionary<string, byte[]> { [path] = B(before) };
        var theirs = after is null ? new Dictionary<string, byte[]>() : new Dictionary<string, byte[]> { [path] = B(after) };
        return Assert.Single(new TemplateMerge(new ProcessCommandRunner()).Plan(baseFiles, theirs, _ => ours is null ? null : B(ours)));
    }

    [Fact]
    public void A_file_the_team_did_not_touch_takes_the_new_template() =>
        Assert.Equal(("TakeTemplate", "a\nB\n"), (One("a\nb\n", "a\nB\n", "a\nb\n").Outcome.ToString(), TemplateMerge.Text(One("a\nb\n", "a\nB\n", "a\nb\n").Content!)));

    [Fact]
    public void Edits_in_other_lines_are_merged_and_both_kept()
    {
        var merge = One("one\ntwo\nthree\nfour\nfive\n", "one\ntwo\nthree\nfour\nFIVE\n", "ONE\ntwo\nthree\nfour\nfive\n");
        Assert.Equal(MergeOutcome.Merged, merge.Outcome);
        Assert.Equal("ONE\ntwo\nthree\nfour\nFIVE\n", TemplateMerge.Text(merge.Content!));
    }

    [Fact]
    public void Edits_of_the_same_lines_leave_conflict_markers_with_both_sides()
    {
        var merge = One("a\nb\nc\n", "a\ntemplate\nc\n", "a\nteam\nc\n");
        Assert.Equal(MergeOutcome.Conflict, merge.Outcome);
        Assert.Equal("a\n<<<<<<< src/App/Program.cs (yours)\nteam\n=======\ntemplate\n>>>>>>> src/App/Program.cs (template now)\nc\n", TemplateMerge.Text(merge.Content!));
    }

    [Theory]
    [InlineData(null, "new\n", null, "Added")]
    [InlineData("old\n", null, "old\n", "Removed")]
    [InlineData("old\n", null, "old, changed\n", "KeptChanged")]
    [InlineData("old\n", null, null, "Unchanged")]
    [InlineData("a\n", "b\n", null, "DeletedByTeam")]
    [InlineData("a\n", "a\n", "team\n", "Unchanged")]
    [InlineData("a\n", "b\n", "b\n", "Unchanged")]
    [InlineData(null, "template\n", "team\n", "Conflict")]
    public void Each_case_has_its_outcome(string? before, string? after, string? ours, string outcome) =>
        Assert.Equal(outcome, One(before, after, ours).Outcome.ToString());

    /// <summary>
    /// Directory.Solution.targets, new in the repo templates: added to a repo generated before, and untouched in one
    /// where adopt or upgrade wrote it already (the same bytes).
    /// </summary>
    [Fact]
    public void The_solution_entry_new_in_the_template_is_added_or_found_already_there()
    {
        var entry = SolutionEntry.Write(null)!;
        var added = One(null, entry, null, SolutionEntry.FileName);
        Assert.Equal((MergeOutcome.Added, entry), (added.Outcome, TemplateMerge.Text(added.Content!)));
        Assert.Equal(MergeOutcome.Unchanged, One(null, entry, entry, SolutionEntry.FileName).Outcome);
    }

    [Fact]
    public void Lock_files_are_regenerated_and_binary_files_left_alone()
    {
        Assert.Equal(MergeOutcome.Regenerate, One("{}", "{ }", "{  }", "src/App/packages.lock.json").Outcome);
        var binary = One("a\0b", "a\0c", "a\0d", "logo.png");
        Assert.Equal((MergeOutcome.Binary, false), (binary.Outcome, binary.Writes));
    }
}
