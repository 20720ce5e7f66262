using PuppeteerSharp;
using Standards.Adoption;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Testing;
using Standards.Tool.Commands.Report;

namespace Standards.Tool.Tests.Fleet;

/// <summary>
/// The fleet page used as a person uses it, in headless Chromium (Debian's package, installed by eng/setup.sh) driven
/// over the DevTools protocol (PuppeteerSharp, without its browser download): a click on a column header sorts the
/// rows, typing in the filter box and choosing a status hide the others, a repo's link leads to its section with the
/// findings of each project. The page is opened from file:// and asks for nothing else (no network, no CDN).
/// </summary>
/// <remarks>Full tier only (Tier=Full): it needs Chromium from eng/setup.sh, and the fast tier needs nothing installed.</remarks>
[Collection(nameof(ReportCommandTests))]
[Trait("Tier", "Full")]
public sealed class FleetPageInteractionTests : IDisposable
{
    private const string WithProjects = "org/a-with-projects";
    private const string RowsScript = "Array.from(document.querySelectorAll('#fleet tbody tr')).map(r => [r.getAttribute('data-repo'), r.getAttribute('data-findings'), r.getAttribute('data-status'), r.hidden ? 'hidden' : 'shown'])";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly TempFolder folder = new();
    private readonly string page;

    public FleetPageInteractionTests()
    {
        ReportCommand.Today = () => FleetSamples.Today;
        var builds = ReportCommandTests.WriteFleet(folder.Path, 30);
        ReportCommandTests.Write(Path.Combine(builds, "with-projects", "compliance.json"), FleetSamples.Text(FleetSamples.Facts(WithProjects) with
        {
            Projects =
            [
                new ComplianceProject("src/Acme.Orders/Acme.Orders.csproj", "net10.0", [new ComplianceRuleCount("CS0168", "error", 2, 0)], 0),
                new ComplianceProject("src/Acme.Billing/Acme.Billing.csproj", "net10.0;netstandard2.0", [new ComplianceRuleCount("CA1822", "warning", 3, 1)], 1),
            ],
        }));
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
    public async Task Clicking_a_column_header_sorts_by_it_and_again_reverses()
    {
        await using var browser = await Launch();
        var (tab, requests, errors) = await Open(browser);

        var before = await Rows(tab);
        Assert.Equal(31, before.Count);
        Assert.Equal(before.Select(r => r.Repo).Order(StringComparer.Ordinal), before.Select(r => r.Repo));

        await tab.ClickAsync("th[data-key='findings'] button");
        var ascending = await Rows(tab);
        Assert.Equal(before.OrderBy(r => r.Findings).ThenBy(r => r.Repo, StringComparer.Ordinal).Select(r => r.Repo), ascending.Select(r => r.Repo));
        Assert.Equal("ascending", await tab.EvaluateExpressionAsync<string>("document.querySelector(\"th[data-key='findings']\").getAttribute('aria-sort')"));
        Assert.Equal("none", await tab.EvaluateExpressionAsync<string>("document.querySelector(\"th[data-key='repo']\").getAttribute('aria-sort')"));

        await tab.ClickAsync("th[data-key='findings'] button");
        var descending = await Rows(tab);
        // Ties stay in name order whichever the direction.
        Assert.Equal(before.OrderByDescending(r => r.Findings).ThenBy(r => r.Repo, StringComparer.Ordinal).Select(r => r.Repo), descending.Select(r => r.Repo));
        Assert.NotEqual(ascending.Select(r => r.Repo), descending.Select(r => r.Repo));
        Assert.Equal("descending", await tab.EvaluateExpressionAsync<string>("document.querySelector(\"th[data-key='findings']\").getAttribute('aria-sort')"));
        Assert.Equal("#sort=findings&dir=desc", await tab.EvaluateExpressionAsync<string>("location.hash"));
        Assert.Empty(requests);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Typing_in_the_filter_box_and_choosing_a_status_hide_the_other_repos()
    {
        await using var browser = await Launch();
        var (tab, requests, errors) = await Open(browser);

        await tab.TypeAsync("#filter", "repo-01");
        var typed = await Rows(tab);
        Assert.Equal([.. Enumerable.Range(10, 10).Select(i => $"org/repo-0{i}")], typed.Where(r => r.Shown).Select(r => r.Repo));
        Assert.Equal("10 of 31 repos shown", await tab.EvaluateExpressionAsync<string>("document.getElementById('shown').textContent"));

        await tab.SelectAsync("#status", "failing");
        var failing = (await Rows(tab)).Where(r => r.Shown).Select(r => r.Repo).ToList();
        // repo-010 .. repo-019 that fail: the even ones miss the coverage gate, repo-014 also has a new error.
        Assert.Equal(["org/repo-010", "org/repo-012", "org/repo-014", "org/repo-016", "org/repo-018"], failing);
        Assert.Equal("5 of 31 repos shown", await tab.EvaluateExpressionAsync<string>("document.getElementById('shown').textContent"));
        Assert.Equal("#sort=repo&dir=asc&q=repo-01&status=failing", await tab.EvaluateExpressionAsync<string>("location.hash"));

        // Emptied, the box shows every repo of the chosen status again.
        await tab.EvaluateExpressionAsync("document.getElementById('filter').select()");
        await tab.Keyboard.PressAsync("Backspace");
        var rows = await Rows(tab);
        Assert.Equal(rows.Where(r => r.Status == "failing").Select(r => r.Repo), rows.Where(r => r.Shown).Select(r => r.Repo));
        Assert.True(rows.Count(r => r.Shown) > 5, string.Join(", ", rows.Where(r => r.Shown).Select(r => r.Repo)));
        Assert.Empty(requests);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_repos_link_leads_to_its_rules_and_the_findings_of_each_project()
    {
        await using var browser = await Launch();
        var (tab, requests, errors) = await Open(browser);

        await tab.ClickAsync($"#fleet tbody tr[data-repo='{WithProjects}'] a");

        const string section = "#repo-org-a-with-projects";
        Assert.Equal(section, await tab.EvaluateExpressionAsync<string>("location.hash"));
        var top = await tab.EvaluateExpressionAsync<double>($"document.querySelector('{section}').getBoundingClientRect().top");
        Assert.InRange(top, -1, 1);
        Assert.Equal(
            ["CA1822 warning 3 1", "CS0168 error 2 0"],
            (await Cells(tab, $"{section} table.rules tbody tr")).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["src/Acme.Billing/Acme.Billing.csproj 0 2 0 1 1", "src/Acme.Orders/Acme.Orders.csproj 2 0 0 0 0"],
            await Cells(tab, $"{section} table.projects tbody tr"));
        // Every row of the fleet table is still there: following a link is not a filter.
        Assert.Equal(31, (await Rows(tab)).Count(r => r.Shown));
        Assert.Empty(requests);
        Assert.Empty(errors);
    }

    private static Task<IBrowser> Launch()
    {
        return Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = HeadlessChromium.Executable,
            Headless = true,
            Timeout = (int)Patience.TotalMilliseconds,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
    }

    /// <summary>The page in a new tab, with every request that is not the page's own file and every script error it raises.</summary>
    private async Task<(IPage Tab, List<string> Requests, List<string> Errors)> Open(IBrowser browser)
    {
        var tab = await browser.NewPageAsync();
        tab.DefaultTimeout = (int)Patience.TotalMilliseconds;
        tab.DefaultNavigationTimeout = (int)Patience.TotalMilliseconds;
        var requests = new List<string>();
        var errors = new List<string>();
        tab.Request += (_, e) =>
        {
            if (!e.Request.Url.StartsWith(page, StringComparison.Ordinal))
            {
                requests.Add(e.Request.Url);
            }
        };
        tab.PageError += (_, e) => errors.Add(e.Message);
        await tab.GoToAsync(page, WaitUntilNavigation.Load);
        await tab.WaitForFunctionAsync("() => document.getElementById('shown').textContent.length > 0");
        return (tab, requests, errors);
    }

    private static async Task<List<(string Repo, int Findings, string Status, bool Shown)>> Rows(IPage tab) =>
        [.. (await tab.EvaluateExpressionAsync<string[][]>(RowsScript)).Select(r => (r[0], int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), r[2], r[3] == "shown"))];

    /// <summary>Each row's cells' text, joined by a space.</summary>
    private static async Task<string[]> Cells(IPage tab, string rows) =>
        await tab.EvaluateExpressionAsync<string[]>($"Array.from(document.querySelectorAll(\"{rows}\")).map(r => Array.from(r.cells).map(c => c.textContent.trim()).join(' '))");
}
