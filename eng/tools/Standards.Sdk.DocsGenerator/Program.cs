using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// <c>dotnet run --project eng/tools/Standards.Sdk.DocsGenerator -- &lt;repo root&gt;</c>: writes every file generated
/// from one source under the repo root (eng/update-generated.sh), and says which ones changed: from the rule catalog,
/// the schema, the rules index and the machine-readable catalog the SDK package ships (<see cref="RuleCatalogWriter"/>); from the
/// section readers' declarations (<see cref="FeatureSections"/>), the settings reference docs/settings.md (<see cref="SettingsPageWriter"/>); from the analyzer rule declarations, the analyzers' AnalyzerReleases.Unshipped.md;
/// from ci-templates/gitlab/standards-ci.yml, its copy templates/standards-ci/template.yml (GitLab reads a CI/CD
/// component only from templates/&lt;name&gt;/ at the project root, docs/ci.md); from the layers in
/// templates/template-config/, the template.json and dotnetcli.host.json of each repo template
/// (<see cref="TemplateConfigWriter"/>); from our own standards.json, the analyzer configs our own projects are built
/// with (<see cref="OwnPolicyWriter"/>); from the catalog, the page of each analyzer rule the policy configures that is not ours
/// (<see cref="AnalyzerRulePageWriter"/>, rewritten every run); from the analysis level's rule list and the nullable ids, the page of the
/// recommended analyzer rules and the list of ids on STD0101's page (<see cref="RecommendedRulesPageWriter"/>). A rule of ours without a page gets its first version (<see cref="RulePageWriter"/>);
/// an existing page is never rewritten. From the SDK's own files, the lines that open each policy feature file with the
/// properties it reads and sets across files (<see cref="FeatureHeaderWriter"/>).
/// </summary>
public static class Program
{
    /// <summary>The generated files, repo-relative, with what writes each (given the repo root).</summary>
    public static IReadOnlyList<(string Path, Func<string, string> Write)> Files { get; } =
    [
        ("sdk/schema/standards.schema.json", _ => PolicySchemaWriter.Write()),
        ("docs/rules/README.md", _ => RuleIndexWriter.Write()),
        (RuleCatalogWriter.RepoPath, _ => RuleCatalogWriter.Write()),
        ("templates/standards-ci/template.yml", GitLabComponent),
        (AnalyzerReleasesWriter.UnshippedPath, root => AnalyzerReleasesWriter.Unshipped(ShippedReleases(root))),
        (RecommendedRulesPageWriter.PagePath, _ => RecommendedRulesPageWriter.Write()),
        (RecommendedRulesPageWriter.NullablePagePath, RecommendedRulesPageWriter.Std0101Page),
        (SettingsPageWriter.PagePath, _ => SettingsPageWriter.Write()),
        .. TemplateConfigWriter.Templates.SelectMany(t => TemplateConfigWriter.ConfigFiles.Select(f =>
            (TemplateConfigWriter.ConfigPath(t, f), (Func<string, string>)(root => TemplateConfigWriter.Write(root, t, f))))),
    ];

    /// <summary>The analyzers' AnalyzerReleases.Shipped.md (the rules of past releases), read to leave them out of the unshipped file.</summary>
    public static string ShippedReleases(string root) =>
        File.ReadAllText(Path.Combine(root, AnalyzerReleasesWriter.ShippedPath)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The GitLab CI/CD component: byte for byte the include-able GitLab template, the one to edit.</summary>
    public static string GitLabComponent(string root) =>
        File.ReadAllText(Path.Combine(root, "ci-templates", "gitlab", "standards-ci.yml")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Writes the files; 2 when the repo root is not given or not a folder.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Standards.Sdk.DocsGenerator <repo root>");
            return 2;
        }

        var pages = RulePageWriter.Missing(args[0], RuleCatalog.All).ToList();
        foreach (var (path, write) in Files.Concat(OwnPolicyWriter.Files).Concat(AnalyzerRulePageWriter.Files).Concat(FeatureHeaderWriter.Files(args[0])).Concat(pages.Select(p => (p.Path, (Func<string, string>)(_ => p.Text)))))
        {
            var full = Path.Combine(args[0], path);
            var text = write(args[0]);
            var old = File.Exists(full) ? File.ReadAllText(full) : null;
            if (old != text)
            {
                File.WriteAllText(full, text);
                Console.WriteLine($"wrote {path}");
            }
        }

        return 0;
    }
}
