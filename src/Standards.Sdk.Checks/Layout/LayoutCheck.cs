using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Layout;

/// <summary>
/// The layout check (profile §3, STD3001-STD3033): required root files, CODEOWNERS, src/ tests/ cmd/, test
/// projects, architecture decision records, runbooks, the pull request template, SECURITY.md, documents past
/// their review date, and generic folder names. Findings name repo-relative files and, wherever the problem is
/// on a line, that line.
/// </summary>
public sealed class LayoutCheck : IRepositoryCheck
{
    /// <inheritdoc />
    public string Name => "layout";

    /// <summary>
    /// When true (the default, as in a build where the dependency check runs too), global.json and
    /// Directory.Packages.props are left to the dependency rules STD2008 and STD2001, which report them with the
    /// details; STD3001 reports them only when those rules are turned off.
    /// </summary>
    public bool DeferToDependencyRules { get; init; } = true;

    /// <inheritdoc />
    public void Run(RepositoryCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<Finding>();
        var settings = LayoutSettings.Read(context.Standards, problems);
        context.Reporter.AddRange(problems);
        var layout = new LayoutContext(context, settings, DeferToDependencyRules);
        RootFileRules.Run(layout);
        CodeOwnersRules.Run(layout);
        ProjectLayoutRules.Run(layout);
        AdrRules.Run(layout);
        RunbookRules.Run(layout);
        DocumentRules.Run(layout);
    }
}

/// <summary>What the layout rules share: the check's context (snapshot, policy, reporter), the settings and a markdown cache.</summary>
internal sealed class LayoutContext(RepositoryCheckContext check, LayoutSettings settings, bool deferToDependencyRules)
{
    private readonly Dictionary<string, MarkdownDocument?> markdown = new(StringComparer.Ordinal);
    private List<string>? sortedFiles;
    private string? testsFolder;

    public RepositorySnapshot Repository { get; } = check.Repository;

    public RepositoryPolicy Policy { get; } = check.Policy;

    public FindingReporter Reporter { get; } = check.Reporter;

    public LayoutSettings Settings { get; } = settings;

    /// <summary>The repo's tests folder ("tests", "test" or the configured one), without a trailing slash.</summary>
    public string TestsFolder => testsFolder ??= Settings.TestsFolderIn(Repository.Files);

    public bool DeferToDependencyRules { get; } = deferToDependencyRules;

    public DateOnly Today => Policy.Today;

    public string PolicyPath => Policy.Policy.SourcePath ?? "standards.json";

    /// <summary>Every file, sorted (ordinal), for stable finding order.</summary>
    public IReadOnlyList<string> Files => sortedFiles ??= [.. Repository.Files.Order(StringComparer.Ordinal)];

    /// <summary>Reports a finding of a layout rule (<see cref="FindingReporter.Report"/>).</summary>
    public void Report(string ruleId, string message, string? file, int line = 0) =>
        Reporter.Report(ruleId, message, file, line);

    /// <summary>True when the rule is on for this repo.</summary>
    public bool IsOn(string ruleId) => Reporter.IsOn(ruleId);

    /// <summary>Files below a folder ("docs/adr/"), recursively.</summary>
    public IEnumerable<string> FilesUnder(string folder) =>
        Files.Where(f => f.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>True when any file lies below the folder ("src/").</summary>
    public bool HasFolder(string folder) => Files.Any(f => f.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>The file with this path ignoring case, or null.</summary>
    public string? FindIgnoreCase(string path) =>
        Repository.Exists(path) ? path : Files.FirstOrDefault(f => string.Equals(f, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The parsed markdown of a file (cached), or null when it cannot be read.</summary>
    public MarkdownDocument? Markdown(string path)
    {
        if (!markdown.TryGetValue(path, out var document))
        {
            var text = Repository.ReadText(path);
            document = null;
            if (text is not null)
            {
                PerFile.Run(Reporter, path, "read the markdown of", () => document = MarkdownDocument.Parse(text));
            }

            markdown[path] = document;
        }

        return document;
    }

    /// <summary>Runs a rule over each file; a defect met on one file is reported at that file and the others still run.</summary>
    public void ForEach(IEnumerable<string> files, string what, Action<string> check)
    {
        foreach (var file in files)
        {
            PerFile.Run(Reporter, file, what, () => check(file));
        }
    }

    /// <summary>The folder of a repo-relative path ("" at the root).</summary>
    public static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>The last segment of a path.</summary>
    public static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];
}
