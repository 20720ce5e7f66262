using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Layout;

/// <summary>STD3001 (required files), STD3030 (pull request template), STD3031 (SECURITY.md).</summary>
internal static class RootFileRules
{
    private static readonly string[] PullRequestHeadings = ["What", "Why", "How", "Testing", "Checklist"];

    private static readonly Dictionary<string, string> Purpose = new(StringComparer.OrdinalIgnoreCase)
    {
        ["README.md"] = "say what the repo is, how to build, test and run it",
        ["CHANGELOG.md"] = "record user-visible changes per release (Keep a Changelog format)",
        [".editorconfig"] = "hold the code style the build enforces (root = true)",
        ["global.json"] = "pin the .NET SDK and the Standards.Sdk version",
        ["Directory.Packages.props"] = "hold the central package versions",
    };

    /// <summary>Files whose absence another rule reports with more detail, by the rule that does.</summary>
    private static readonly Dictionary<string, string> ReportedElsewhere = new(StringComparer.OrdinalIgnoreCase)
    {
        ["global.json"] = DependencyRuleIds.SdkNotPinned,
        ["Directory.Packages.props"] = DependencyRuleIds.CentralPackageManagement,
    };

    public static void Run(LayoutContext context)
    {
        RequiredFiles(context);
        RequiredPaths(context);
        Security(context);
        PullRequestTemplate(context);
    }

    private static void RequiredFiles(LayoutContext context)
    {
        if (!context.IsOn(LayoutRuleIds.RequiredFileMissing))
        {
            return;
        }

        foreach (var name in context.Policy.ListParameter(LayoutRuleIds.RequiredFileMissing, "files").Select(n => n.Replace('\\', '/').Trim('/')))
        {
            if (name.Length == 0 || Exists(context, name))
            {
                continue;
            }

            if (context.DeferToDependencyRules && ReportedElsewhere.TryGetValue(name, out var other)
                && context.IsOn(other))
            {
                continue;
            }

            var why = Purpose.TryGetValue(name, out var purpose) ? $" It should {purpose}." : string.Empty;
            context.Report(LayoutRuleIds.RequiredFileMissing, $"The repo has no {name} at its root.{why} Add {name} at the repo root (the folder of global.json).", name);
        }
    }

    private static void RequiredPaths(LayoutContext context)
    {
        foreach (var entry in context.Settings.RequiredPaths)
        {
            var path = entry.Value.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            var isFolder = path.EndsWith('/');
            var present = isFolder ? context.HasFolder(path) : Exists(context, path);
            if (!present)
            {
                var what = isFolder ? $"a folder {path} with at least one file" : $"a file {path}";
                context.Report(LayoutRuleIds.RequiredFileMissing,
                    $"standards.json (layout.requiredPaths, line {entry.Line}) requires {what}, and the repo has none. Add it, or remove the entry from layout.requiredPaths.",
                    path.TrimEnd('/'));
            }
        }
    }

    private static bool Exists(LayoutContext context, string path) =>
        context.FindIgnoreCase(path) is not null || context.HasFolder(path + "/");

    private static void Security(LayoutContext context)
    {
        string[] candidates = ["SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md"];
        if (candidates.Any(c => context.FindIgnoreCase(c) is not null))
        {
            return;
        }

        context.Report(LayoutRuleIds.SecurityPolicyMissing,
            "The repo has no SECURITY.md (root, .github/ or docs/). Add one that says how to report a vulnerability privately and which versions get security fixes.",
            "SECURITY.md");
    }

    private static void PullRequestTemplate(LayoutContext context)
    {
        // GitHub's, Azure Repos' and GitLab's places (the repo templates write the one of the chosen CI system).
        string[] candidates = [".github/pull_request_template.md", "pull_request_template.md", "docs/pull_request_template.md", ".azuredevops/pull_request_template.md"];
        var templates = candidates.Select(context.FindIgnoreCase).OfType<string>().Take(1).ToList();
        foreach (var folder in new[] { ".github/PULL_REQUEST_TEMPLATE/", ".gitlab/merge_request_templates/" })
        {
            if (templates.Count == 0)
            {
                templates = [.. context.FilesUnder(folder).Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))];
            }
        }

        if (templates.Count == 0)
        {
            context.Report(LayoutRuleIds.PullRequestTemplate,
                $"The repo has no .github/pull_request_template.md. Add one with the headings {string.Join(", ", PullRequestHeadings.Select(h => "## " + h))} so every pull request says what changed, why, how and how it was tested.",
                ".github/pull_request_template.md");
            return;
        }

        foreach (var template in templates)
        {
            var document = context.Markdown(template);
            if (document is null)
            {
                continue;
            }

            var missing = PullRequestHeadings.Where(h => !document.HasHeading(h)).ToList();
            if (missing.Count > 0)
            {
                context.Report(LayoutRuleIds.PullRequestTemplate,
                    $"{template} lacks the heading{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing.Select(h => "## " + h))}. Add {(missing.Count == 1 ? "it" : "them")}: a pull request template has the headings {string.Join(", ", PullRequestHeadings.Select(h => "## " + h))}.",
                    template, document.TitleLine);
            }
        }
    }
}
