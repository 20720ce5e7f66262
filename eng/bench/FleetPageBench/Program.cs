using System.Globalization;
using PuppeteerSharp;
using Standards.Adoption.Fleet;
using Standards.Sdk.Checks.Reports.Compliance;

// The fleet page of `dotnet standards report` for a synthetic fleet, opened from file:// in the system's headless
// Chromium (Debian's package, eng/setup.sh) through the DevTools protocol; per run a new tab:
//   load    navigation start to the end of the load event (parse, style, the page's script sorting and filtering once)
//   sort    a click on the coverage column's header until the rows are reordered (the script works synchronously)
//   filter  one character typed into the filter box until the rows are hidden
// Usage: FleetPageBench [runs=5] [repos=500]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var repos = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var today = new DateOnly(2026, 11, 21);

var folder = Directory.CreateTempSubdirectory("standards-fleet-bench");
try
{
    var records = Enumerable.Range(0, repos).Select(i => new ComplianceRecord($"{i}", Facts(i))).ToList();
    var page = Path.Combine(folder.FullName, "index.html");
    File.WriteAllText(page, FleetHtml.Write(FleetModel.Build(records, today), []));
    var url = new Uri(page).AbsoluteUri;

    string[] candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    var chromium = candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is missing: install Debian's 'chromium' package (eng/setup.sh does).");
    await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
    });

    var load = new List<double>();
    var sort = new List<double>();
    var filter = new List<double>();
    // One warm-up tab: the browser's own start and first compile of the script are not the page's cost.
    for (var run = -1; run < runs; run++)
    {
        await using var tab = await browser.NewPageAsync();
        await tab.GoToAsync(url, WaitUntilNavigation.Load);
        var loaded = await tab.EvaluateExpressionAsync<double>("(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; })()");
        var rows = await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('#fleet tbody tr').length");
        if (rows != repos)
        {
            throw new InvalidOperationException($"The page shows {rows} rows, not {repos}.");
        }

        var sorted = await tab.EvaluateExpressionAsync<double>("(() => { const t = performance.now(); document.querySelector(\"th[data-key='coverage'] button\").click(); return performance.now() - t; })()");
        var filtered = await tab.EvaluateExpressionAsync<double>("(() => { const f = document.getElementById('filter'); const t = performance.now(); f.value = '7'; f.dispatchEvent(new Event('input')); return performance.now() - t; })()");
        var shown = await tab.EvaluateExpressionAsync<string>("document.getElementById('shown').textContent");
        if (!shown.EndsWith($"of {repos} repos shown", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The filter did not run: '{shown}'.");
        }

        if (run >= 0)
        {
            load.Add(loaded);
            sort.Add(sorted);
            filter.Add(filtered);
        }
    }

    Console.WriteLine($"Fleet page of {repos} repos ({new FileInfo(page).Length / 1024} KiB), {runs} runs after one warm-up, Chromium {await browser.GetVersionAsync()}.");
    Console.WriteLine();
    Console.WriteLine("| Step | median ms | min ms | max ms |");
    Console.WriteLine("|---|---|---|---|");
    Row("load: navigation start to the end of the load event", load);
    Row("sort: a click on the coverage header", sort);
    Row("filter: one character typed into the filter box", filter);
}
finally
{
    folder.Delete(recursive: true);
}

static void Row(string step, List<double> values)
{
    var sorted = values.Order().ToList();
    var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {median:F1} | {sorted[0]:F1} | {sorted[^1]:F1} |"));
}

// Like the fleets of the tool's tests: four SDK versions, some errors and warnings, half with a coverage verdict,
// a history of baseline sizes, an exception expiring every 25 repos.
static ComplianceFacts Facts(int i) => new()
{
    Repo = $"org/repo-{i:000}",
    Commit = (i * 2654435761L).ToString("x16", CultureInfo.InvariantCulture),
    Date = "2026-11-20T08:00:00Z",
    SdkVersion = $"1.{i % 4}.0",
    RepoKind = "service",
    Version = "1.0." + i.ToString(CultureInfo.InvariantCulture),
    Findings = [.. i % 7 == 0 ? [new ComplianceRuleCount("STD3014", "error", 2, 1)] : Array.Empty<ComplianceRuleCount>(),
        .. i % 3 > 0 ? [new ComplianceRuleCount("STD3031", "warning", i % 3, 0)] : Array.Empty<ComplianceRuleCount>()],
    RepoBaselineEntries = i % 11,
    CodeBaselineEntries = 3,
    Exceptions = i % 25 == 0 ? [new ComplianceExceptionEntry("STD2001", "src/**", "@team-" + i.ToString(CultureInfo.InvariantCulture), "migrating", "2026-12-05")] : [],
    Coverage = i % 2 == 0 ? new ComplianceCoverage(50 + (i % 50), 40 + (i % 40), 80, 60, 50 + (i % 50) >= 80) : null,
    Sbom = new ComplianceSbom(true, "spdx"),
};
