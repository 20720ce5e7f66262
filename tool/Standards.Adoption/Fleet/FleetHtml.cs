using System.Globalization;
using System.Net;
using System.Text;
using Standards.Sdk.Checks.Reports.Compliance;

namespace Standards.Adoption.Fleet;

/// <summary>
/// <c>index.html</c>: the fleet on one self-contained page (inline CSS and script, no network). The table is written
/// as HTML, so the page reads without script; the script only reorders and hides rows (sort by a header, filter by
/// text and status), and keeps the view in the URL hash (<c>#sort=coverage&amp;dir=asc&amp;q=orders&amp;status=failing</c>)
/// so a link opens the same view. Plain DOM: 500 rows sort in milliseconds.
/// </summary>
public static class FleetHtml
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "index.html";

    /// <summary>The page's text.</summary>
    public static string Write(FleetModel fleet, IReadOnlyList<FleetProblem> problems) => Write(fleet, problems, CancellationToken.None);

    /// <summary>The page's text; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static string Write(FleetModel fleet, IReadOnlyList<FleetProblem> problems, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(problems);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Standards.Sdk fleet report</title>\n<style>").Append(Style()).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append(Text($"<h1>Standards.Sdk fleet: {fleet.Repos.Count} repos</h1>\n"))
            .Append(Text($"<p class=\"muted\">From {fleet.Files} compliance files on {Day(fleet.Today)}; newest Standards.Sdk in the fleet: {E(fleet.NewestSdkVersion)}. Exceptions expiring within {FleetModel.ExpiringDays} days are listed below the table.</p>\n"));
        var anchors = Anchors(fleet.Repos.Select(r => r.Repo));
        AppendProblems(html, problems);
        AppendControls(html);
        AppendTable(html, fleet, anchors);
        AppendExpiring(html, fleet, anchors);
        foreach (var repo in fleet.Repos)
        {
            cancellation.ThrowIfCancellationRequested();
            AppendSection(html, fleet, repo, anchors[repo.Repo]);
        }

        html.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The id of a repo's section when no other repo's name makes the same one (<see cref="Anchors"/>).</summary>
    public static string Anchor(string repo)
    {
        ArgumentNullException.ThrowIfNull(repo);
        return "repo-" + string.Concat(repo.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
    }

    /// <summary>
    /// The id of each repo's section, unique on the page: names that differ only by case or punctuation
    /// (<c>Org/App</c>, <c>org-app</c>) share an <see cref="Anchor"/>, so each after the first, in the order given, gets
    /// the first free <c>-2</c>, <c>-3</c>... A section's heading is <c>id-title</c>, so that id is kept free too.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Anchors(IEnumerable<string> repos)
    {
        ArgumentNullException.ThrowIfNull(repos);
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var repo in repos)
        {
            if (anchors.ContainsKey(repo))
            {
                continue;
            }

            var stem = Anchor(repo);
            var id = stem;
            for (var n = 2; used.Contains(id) || used.Contains(id + "-title"); n++)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            }

            used.Add(id);
            used.Add(id + "-title");
            anchors[repo] = id;
        }

        return anchors;
    }

    private static void AppendProblems(StringBuilder html, IReadOnlyList<FleetProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        html.Append(Text($"<section id=\"problems\" aria-labelledby=\"problems-title\">\n<h2 id=\"problems-title\">{problems.Count} input(s) left out</h2>\n<ul>\n"));
        foreach (var problem in problems)
        {
            html.Append("<li><code>").Append(E(problem.Formatted())).Append("</code></li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendControls(StringBuilder html) => html.Append(
        "<form id=\"controls\" role=\"search\" onsubmit=\"return false\">\n"
        + "<label for=\"filter\">Filter repos</label> <input id=\"filter\" type=\"search\" placeholder=\"name, version, kind\">\n"
        + "<label for=\"status\">Status</label> <select id=\"status\"><option value=\"\">all</option><option value=\"failing\">failing</option><option value=\"unmeasured\">unmeasured</option><option value=\"warnings\">warnings</option><option value=\"ok\">ok</option></select>\n"
        + "<span id=\"shown\" role=\"status\" aria-live=\"polite\"></span>\n</form>\n");

    private static readonly (string Key, string Title)[] Columns =
    [
        ("repo", "Repo"), ("status", "Status"), ("behind", "SDK (versions behind)"), ("findings", "Findings (errors, warnings)"),
        ("baseline", "Baseline entries (trend)"), ("expiring", "Exceptions expiring"), ("coverage", "Coverage line / branch"), ("date", "Last build"),
    ];

    private static void AppendTable(StringBuilder html, FleetModel fleet, IReadOnlyDictionary<string, string> anchors)
    {
        html.Append("<table id=\"fleet\">\n<caption>Repos by their newest build. Sort by a column's button.</caption>\n<thead>\n<tr>");
        foreach (var (key, title) in Columns)
        {
            html.Append(Text($"<th scope=\"col\" data-key=\"{key}\" aria-sort=\"none\"><button type=\"button\">{E(title)}</button></th>"));
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var repo in fleet.Repos)
        {
            AppendRow(html, repo, anchors[repo.Repo]);
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendRow(StringBuilder html, FleetRepo repo, string anchor)
    {
        var facts = repo.Latest.Facts;
        var baseline = FleetRepo.BaselineTotal(facts);
        var coverage = facts.Coverage;
        html.Append(Text($"<tr data-repo=\"{E(repo.Repo.ToLowerInvariant())}\" data-status=\"{repo.Status}\" data-search=\"{E($"{repo.Repo} {facts.SdkVersion} {facts.RepoKind} {facts.Version}".ToLowerInvariant())}\" "))
            .Append(Text($"data-behind=\"{repo.VersionsBehind}\" data-findings=\"{repo.Findings}\" data-baseline=\"{baseline?.ToString(CultureInfo.InvariantCulture) ?? "-1"}\" data-expiring=\"{repo.Expiring.Count}\" "))
            .Append(Text($"data-coverage=\"{(coverage is null ? "-1" : Number(coverage.Line))}\" data-date=\"{E(facts.Date)}\">"))
            .Append(Text($"<th scope=\"row\"><a href=\"#{anchor}\">{E(repo.Repo)}</a></th>"))
            .Append(Text($"<td><span class=\"badge {repo.Status}\">{repo.Status}</span></td>"))
            .Append(Text($"<td>{E(facts.SdkVersion)} <span class=\"muted\">({repo.VersionsBehind} behind)</span></td>"))
            .Append(Text($"<td>{FindingsCell(repo)}</td>"))
            .Append(Text($"<td>{(baseline is null ? "unknown" : baseline.Value.ToString(CultureInfo.InvariantCulture))} {Sparkline(repo.BaselineTrend)}</td>"))
            .Append(Text($"<td>{repo.Expiring.Count}</td>"))
            .Append(Text($"<td>{(coverage is null ? "<span class=\"muted\">not measured</span>" : $"{Number(coverage.Line)}% / {Number(coverage.Branch)}% <span class=\"muted\">(min {Number(coverage.LineThreshold)} / {Number(coverage.BranchThreshold)})</span>")}</td>"))
            .Append(Text($"<td>{E(facts.Date)}</td></tr>\n"));
    }

    /// <summary>Errors and warnings apart, info-level findings (which fail nothing) after them in grey.</summary>
    internal static string FindingsCell(FleetRepo repo)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var cell = Text($"{Count(repo.Errors, "error")}, {Count(repo.Warnings, "warning")}");
        return repo.Infos == 0 ? cell : cell + Text($" <span class=\"muted\">({Count(repo.Infos, "info")})</span>");
    }

    private static string Count(int count, string what) => Text($"{count} {what}{(count == 1 || what == "info" ? string.Empty : "s")}");

    /// <summary>An inline SVG line of the baseline entries over the builds (oldest left); unknown points are skipped.</summary>
    internal static string Sparkline(IReadOnlyList<int?> values)
    {
        var known = values.Select((v, i) => (Value: v, Index: i)).Where(p => p.Value is not null).ToList();
        if (known.Count < 2)
        {
            return string.Empty;
        }

        var max = Math.Max(1, known.Max(p => p.Value!.Value));
        const double width = 80, height = 20;
        var step = width / (values.Count - 1);
        var points = string.Join(" ", known.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Index * step:0.#},{height - 1 - (p.Value!.Value * (height - 2) / max):0.#}")));
        var label = $"baseline entries over {values.Count} builds: {string.Join(", ", values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "unknown"))}";
        return Text($"<svg class=\"spark\" width=\"80\" height=\"20\" viewBox=\"0 0 80 20\" role=\"img\" aria-label=\"{E(label)}\"><polyline fill=\"none\" stroke=\"{FleetColours.Sparkline.Foreground}\" stroke-width=\"1.5\" points=\"{points}\"/></svg>");
    }

    private static void AppendExpiring(StringBuilder html, FleetModel fleet, IReadOnlyDictionary<string, string> anchors)
    {
        var expiring = fleet.Expiring;
        html.Append(Text($"<section id=\"expiring\" aria-labelledby=\"expiring-title\">\n<h2 id=\"expiring-title\">Exceptions expiring within {FleetModel.ExpiringDays} days ({expiring.Count})</h2>\n"));
        if (expiring.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"expiring-list\">\n<thead><tr><th scope=\"col\">Repo</th><th scope=\"col\">Rule</th><th scope=\"col\">Scope</th><th scope=\"col\">Owner</th><th scope=\"col\">Expires</th><th scope=\"col\">Days left</th></tr></thead>\n<tbody>\n");
        foreach (var (repo, exception) in expiring)
        {
            html.Append(Text($"<tr><td><a href=\"#{anchors[repo]}\">{E(repo)}</a></td><td>{E(exception.Rule)}</td><td><code>{E(exception.Scope)}</code></td><td>{E(exception.Owner)}</td><td>{E(exception.Expires)}</td><td>{fleet.DaysLeft(exception)}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendSection(StringBuilder html, FleetModel fleet, FleetRepo repo, string id)
    {
        var facts = repo.Latest.Facts;
        html.Append(Text($"<section class=\"repo\" id=\"{id}\" aria-labelledby=\"{id}-title\">\n<h2 id=\"{id}-title\">{E(repo.Repo)}</h2>\n"))
            .Append(Text($"<p>{E(facts.RepoKind)}, version {E(facts.Version ?? "none (no version.json)")}, Standards.Sdk {E(facts.SdkVersion)}, commit <code>{E(facts.Commit ?? "unknown")}</code>, built {E(facts.Date)}; {repo.History.Count} build(s) read. "))
            .Append(Text($"Baselines: {Count(facts.RepoBaselineEntries)} repo, {Count(facts.CodeBaselineEntries)} code entries. SBOM: {(facts.Sbom.Enabled ? E(facts.Sbom.Format ?? "on") : "off")}.</p>\n"));
        // A schemaVersion 1 file counted the repository checks only; the page says so rather than show it as the whole build.
        var what = facts.CountsProjects ? "Findings" : "Repository-check findings (this build's file does not count the projects' findings)";
        var findings = facts.AllFindings();
        if (findings.Count == 0)
        {
            html.Append(Text($"<p>No findings ({(facts.CountsProjects ? "repository checks and every project" : "repository checks only")}).</p>\n"));
        }
        else
        {
            html.Append(Text($"<table class=\"rules\">\n<caption>{what} of {E(repo.Repo)}</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\">Findings</th><th scope=\"col\">Baselined</th></tr></thead>\n<tbody>\n"));
            foreach (var rule in findings)
            {
                html.Append(Text($"<tr><th scope=\"row\">{E(rule.Rule)}</th><td>{E(rule.Severity)}</td><td>{rule.Count}</td><td>{rule.Baselined}</td></tr>\n"));
            }

            html.Append("</tbody>\n</table>\n");
        }

        AppendProjects(html, repo.Repo, facts.Projects);
        AppendExceptions(html, fleet, repo.Repo, facts.Exceptions);
        html.Append("</section>\n");
    }

    /// <summary>Each project's share of the findings above: what its compiles and its checks reported.</summary>
    private static void AppendProjects(StringBuilder html, string repo, IReadOnlyList<ComplianceProject> projects)
    {
        if (projects.Count == 0)
        {
            return;
        }

        html.Append(Text($"<table class=\"projects\">\n<caption>Findings by project of {E(repo)} (the repository checks' are the rest)</caption>\n<thead><tr><th scope=\"col\">Project</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Infos</th><th scope=\"col\">Baselined</th><th scope=\"col\">Suppressed in source</th></tr></thead>\n<tbody>\n"));
        foreach (var project in projects)
        {
            html.Append(Text($"<tr><th scope=\"row\"><code>{E(project.Project)}</code></th><td>{project.Open("error")}</td><td>{project.Open("warning")}</td><td>{project.Open("info")}</td><td>{project.Findings.Sum(f => f.Baselined)}</td><td>{project.SuppressedInSource}</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendExceptions(StringBuilder html, FleetModel fleet, string repo, IReadOnlyList<ComplianceExceptionEntry> exceptions)
    {
        if (exceptions.Count == 0)
        {
            return;
        }

        html.Append(Text($"<table class=\"exceptions\">\n<caption>Exceptions of {E(repo)}</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Scope</th><th scope=\"col\">Owner</th><th scope=\"col\">Reason</th><th scope=\"col\">Expires</th></tr></thead>\n<tbody>\n"));
        foreach (var e in exceptions)
        {
            html.Append(Text($"<tr><th scope=\"row\">{E(e.Rule)}</th><td><code>{E(e.Scope)}</code></td><td>{E(e.Owner)}</td><td>{E(e.Reason)}</td><td>{E(e.Expires)} ({fleet.DaysLeft(e)} days)</td></tr>\n"));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Style()
    {
        var c = FleetColours.Text;
        return Text($$"""
            body{font:14px/1.45 system-ui,sans-serif;color:{{c.Foreground}};background:{{c.Background}};margin:0}
            main{padding:1rem 1.5rem;max-width:90rem}
            a{color:{{FleetColours.Link.Foreground}}}
            .muted{color:{{FleetColours.Muted.Foreground}}}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}
            caption{text-align:left;font-weight:600;padding:.25rem 0}
            th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:middle}
            thead th{background:{{FleetColours.Header.Background}};color:{{FleetColours.Header.Foreground}}}
            thead th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
            th[aria-sort=ascending] button::after{content:" \25B2"}
            th[aria-sort=descending] button::after{content:" \25BC"}
            .badge{display:inline-block;padding:0 .5rem;border-radius:1rem;font-weight:600}
            .badge.failing{color:{{FleetColours.Failing.Foreground}};background:{{FleetColours.Failing.Background}}}
            .badge.warnings{color:{{FleetColours.Warnings.Foreground}};background:{{FleetColours.Warnings.Background}}}
            .badge.unmeasured{color:{{FleetColours.Unmeasured.Foreground}};background:{{FleetColours.Unmeasured.Background}}}
            .badge.ok{color:{{FleetColours.Ok.Foreground}};background:{{FleetColours.Ok.Background}}}
            .spark{vertical-align:middle;margin-left:.25rem}
            section.repo{content-visibility:auto;contain-intrinsic-size:auto 20rem}
            #controls{margin:1rem 0;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
            :focus-visible{outline:2px solid {{FleetColours.Link.Foreground}};outline-offset:2px}
            """);
    }

    // Sorts and filters the rendered rows; the view lives in the URL hash so a link (and a headless browser) opens it.
    private const string Script = """
        (function () {
          var table = document.getElementById('fleet'), body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var filter = document.getElementById('filter'), status = document.getElementById('status'), shown = document.getElementById('shown');
          var rank = { failing: 0, unmeasured: 1, warnings: 2, ok: 3 };
          var view = { sort: 'repo', dir: 'asc', q: '', status: '' };
          function key(row, name) {
            if (name === 'repo' || name === 'date') { return row.getAttribute('data-' + name); }
            if (name === 'status') { return rank[row.getAttribute('data-status')]; }
            return parseFloat(row.getAttribute('data-' + name));
          }
          function apply() {
            var sign = view.dir === 'desc' ? -1 : 1;
            rows.sort(function (a, b) {
              var x = key(a, view.sort), y = key(b, view.sort);
              var c = x < y ? -1 : x > y ? 1 : 0;
              if (c === 0) { c = a.getAttribute('data-repo') < b.getAttribute('data-repo') ? -1 : 1; return c; }
              return c * sign;
            });
            var q = view.q.toLowerCase(), count = 0, fragment = document.createDocumentFragment();
            rows.forEach(function (row) {
              var visible = (!q || row.getAttribute('data-search').indexOf(q) >= 0) && (!view.status || row.getAttribute('data-status') === view.status);
              row.hidden = !visible;
              if (visible) { count++; }
              fragment.appendChild(row);
            });
            body.appendChild(fragment);
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
              th.setAttribute('aria-sort', th.getAttribute('data-key') === view.sort ? (view.dir === 'desc' ? 'descending' : 'ascending') : 'none');
            });
            filter.value = view.q; status.value = view.status;
            shown.textContent = count + ' of ' + rows.length + ' repos shown';
            table.setAttribute('data-sort', view.sort + ' ' + view.dir);
          }
          function save() {
            var parts = ['sort=' + view.sort, 'dir=' + view.dir];
            if (view.q) { parts.push('q=' + encodeURIComponent(view.q)); }
            if (view.status) { parts.push('status=' + view.status); }
            history.replaceState(null, '', '#' + parts.join('&'));
          }
          // The hash is untrusted (anyone can send a link): each value is decoded on its own (a bad escape drops only
          // it), only the view's own names are taken, and sort and status must be one of the page's values; nothing
          // from it reaches a selector or the markup.
          var keys = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.getAttribute('data-key'); });
          var statuses = Array.prototype.map.call(status.options, function (option) { return option.value; });
          function load() {
            var hash = typeof location.hash === 'string' ? location.hash : '';
            hash.replace(/^#/, '').split('&').forEach(function (part) {
              var at = part.indexOf('='); if (at < 0) { return; }
              var name = part.slice(0, at), value;
              try { value = decodeURIComponent(part.slice(at + 1)); } catch (e) { return; }
              if (Object.prototype.hasOwnProperty.call(view, name)) { view[name] = value; }
            });
            if (keys.indexOf(view.sort) < 0) { view.sort = 'repo'; }
            if (view.dir !== 'desc') { view.dir = 'asc'; }
            if (statuses.indexOf(view.status) < 0) { view.status = ''; }
          }
          table.tHead.addEventListener('click', function (event) {
            var th = event.target.closest('th'); if (!th) { return; }
            var name = th.getAttribute('data-key');
            view.dir = view.sort === name && view.dir === 'asc' ? 'desc' : 'asc';
            view.sort = name; apply(); save();
          });
          filter.addEventListener('input', function () { view.q = filter.value; apply(); save(); });
          status.addEventListener('change', function () { view.status = status.value; apply(); save(); });
          function show() {
            try { load(); } catch (e) { view = { sort: 'repo', dir: 'asc', q: '', status: '' }; }
            apply();
          }
          window.addEventListener('hashchange', show);
          show();
        })();
        """;

    private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Control and bidirectional formatting characters are shown as \uXXXX (FleetText), then HTML-encoded.
    private static string E(string? text) => WebUtility.HtmlEncode(FleetText.Printable(text));
}
