using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Tool.Tests.Upgrade;

/// <summary>The entries an upgrade adds get its reason and an expiry date; the ones that were there keep theirs.</summary>
public class ExpiringEntriesTests
{
    private const string Reason = "new under Standards.Sdk 1.5.0 (dotnet standards upgrade from 1.4.0)";
    private static readonly DateOnly Expires = new(2027, 2, 24);

    [Fact]
    public void Only_the_added_code_entries_are_dated_and_earlier_dates_are_kept()
    {
        var old = new CodeEntry("CA1305", "src/a.cs", "0000000000000001", "earlier upgrade", new DateOnly(2026, 12, 1));
        var plain = new CodeEntry("CS8602", "src/a.cs", "0000000000000002");
        var added = new CodeEntry("STD1001", "src/b.cs", "0000000000000003");

        // What adopt wrote: every entry, none dated.
        var after = CodeBaselineDocument.Write([old with { Reason = null, Expires = null }, plain, added]);
        var read = CodeBaselineDocument.Read(ExpiringEntries.Code(after, [old, plain], Reason, Expires));
        Assert.Equal(
            [("CA1305", "earlier upgrade", (DateOnly?)new DateOnly(2026, 12, 1)), ("CS8602", null, null), ("STD1001", Reason, Expires)],
            read.Select(e => (e.Id, e.Reason, e.Expires)));
    }

    [Fact]
    public void Only_the_added_repo_entries_are_dated_and_counted_once_each()
    {
        var readme = new Finding("STD3001", Severity.Warning, "The repo has no README.md.", "README.md");
        var changelog = new Finding("STD3001", Severity.Warning, "The repo has no CHANGELOG.md.", "CHANGELOG.md");
        var before = BaselineFile.Parse(BaselineFile.DefaultFileName, BaselineFile.Write([readme], "/r")).Baseline.Entries;
        var after = BaselineFile.Write([readme, changelog], "/r");

        var text = ExpiringEntries.Repo(after, before, Reason, Expires);
        var entries = BaselineFile.Parse(BaselineFile.DefaultFileName, text).Baseline.Entries;
        Assert.Equal([("CHANGELOG.md", Reason, (DateOnly?)Expires), ("README.md", null, null)], entries.Select(e => (e.File, e.Reason, e.Expires)));

        // The changelog counts the added entry, not the one that moved to another line of the file.
        var counted = Assert.Single(BaselinedFindings.New([], [], before, entries));
        Assert.Equal(("STD3001", 1), (counted.RuleId, counted.Count));
    }
}
