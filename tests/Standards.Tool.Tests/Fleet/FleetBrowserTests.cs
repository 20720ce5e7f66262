using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Adoption;
using Standards.Sdk.Testing;
using Standards.Tool.Commands.Report;

namespace Standards.Tool.Tests.Fleet;

/// <summary>
/// The fleet page in a real browser: headless Chromium (Debian's package, installed by eng/setup.sh) loads the page of
/// 500 synthetic repos, with the view in the URL hash, and the test reads the DOM after the page's script ran: rows,
/// sort order, filters, the expiring list. A screenshot is kept beside the test assembly (browser/fleet-report.png).
/// </summary>
/// <remarks>Full tier only (Tier=Full): it needs Chromium from eng/setup.sh, and the fast tier needs nothing installed.</remarks>
[Collection(nameof(ReportCommandTests))]
[Trait("Tier", "Full")]
public sealed partial class FleetBrowserTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string page;

    public FleetBrowserTests()
    {
        ReportCommand.Today = () => FleetSamples.Today;
        var builds = ReportCommandTests.WriteFleet(folder.Path, 500);
        var output = Path.Combine(folder.Path, "out");
        Assert.Equal(0, CommandLine.Run(["report", builds, "-o", output], TextWriter.Null, TextWriter.Null, new ProcessCommandRunner()));
        page = new Uri(Path.Combine(output, "index.html")).AbsoluteUri;
    }

    public void Dispose()
    {
        ReportCommand.Today = () => DateOnly.FromDateTime(DateTime.UtcNow);
        folder.Dispose();
    }

    [Fact]
    public void The_page_shows_every_repo_sorted_by_name()
    {
        var dom = DumpDom(string.Empty);

        var rows = Rows(dom);
        Assert.Equal(500, rows.Count);
        Assert.All(rows, r => Assert.False(r.Hidden));
        Assert.Equal(rows.Select(r => r.Repo).Order(StringComparer.Ordinal), rows.Select(r => r.Repo));
        Assert.Contains("500 of 500 repos shown", dom, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"col\" data-key=\"repo\" aria-sort=\"ascending\">", dom);
    }

    [Fact]
    public void The_hash_sorts_by_coverage_descending()
    {
        var dom = DumpDom("#sort=coverage&dir=desc");

        var coverage = Rows(dom).Select(r => r.Coverage).ToList();
        Assert.Equal(500, coverage.Count);
        Assert.Equal(coverage.OrderDescending(), coverage);
        Assert.Equal(98, coverage[0]);
        Assert.Equal(-1, coverage[^1]);
        Assert.Matches("<th scope=\"col\" data-key=\"coverage\" aria-sort=\"descending\">", dom);
    }

    [Fact]
    public void The_hash_filters_by_text_and_status()
    {
        var dom = DumpDom("#q=repo-01&status=failing");

        var visible = Rows(dom).Where(r => !r.Hidden).Select(r => r.Repo).ToList();
        // repo-010 .. repo-019 that fail: the even ones miss the coverage gate, repo-014 also has a new error.
        Assert.Equal(["org/repo-010", "org/repo-012", "org/repo-014", "org/repo-016", "org/repo-018"], visible);
        Assert.Contains("5 of 500 repos shown", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void The_expiring_list_names_each_exception_due_within_30_days()
    {
        var dom = DumpDom(string.Empty);

        var list = dom[dom.IndexOf("<table id=\"expiring-list\">", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</table>", StringComparison.Ordinal)];
        var owners = OwnerCell().Matches(list).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(20, owners.Count);
        Assert.Equal("@team-0", owners[0]);
        Assert.Contains("Exceptions expiring within 30 days (20)", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_screenshot_of_the_page_is_kept()
    {
        var shot = Path.Combine(AppContext.BaseDirectory, "browser", "fleet-report.png");

        HeadlessChromium.Screenshot(page + "#sort=findings&dir=desc", shot, 1400, 1200);

        var bytes = File.ReadAllBytes(shot);
        Assert.True(bytes.Length > 10_000, $"the screenshot has {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    private string DumpDom(string hash) => HeadlessChromium.DumpDom(page + hash);

    private static List<(string Repo, bool Hidden, double Coverage)> Rows(string dom) =>
        [.. Row().Matches(dom).Select(m => (
            Repo: WebUtilityDecode(m.Groups["repo"].Value),
            Hidden: m.Value.Contains(" hidden", StringComparison.Ordinal),
            Coverage: double.Parse(m.Groups["coverage"].Value, CultureInfo.InvariantCulture)))];

    private static string WebUtilityDecode(string text) => System.Net.WebUtility.HtmlDecode(text);

    [GeneratedRegex("<tr data-repo=\"(?<repo>[^\"]*)\"[^>]*data-coverage=\"(?<coverage>[-0-9.]+)\"[^>]*>")]
    private static partial Regex Row();

    [GeneratedRegex("<tr><td><a href=\"#[^\"]*\">[^<]*</a></td><td>[^<]*</td><td><code>[^<]*</code></td><td>([^<]*)</td>")]
    private static partial Regex OwnerCell();
}
