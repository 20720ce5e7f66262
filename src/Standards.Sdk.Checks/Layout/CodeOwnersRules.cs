using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Layout;

/// <summary>STD3002 (CODEOWNERS missing), STD3003 (project not covered), STD3004 (critical project), STD3005 (malformed line).</summary>
internal static class CodeOwnersRules
{
    /// <summary>Where GitHub looks for CODEOWNERS, in its order; the first one found is the one that counts.</summary>
    public static readonly IReadOnlyList<string> Locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

    public static void Run(LayoutContext context)
    {
        var critical = CriticalProjects(context);
        var file = Locations.FirstOrDefault(context.Repository.Exists);
        if (file is null)
        {
            context.Report(LayoutRuleIds.CodeOwnersMissing,
                "The repo has no CODEOWNERS file (GitHub reads .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS). Add .github/CODEOWNERS with a line per project folder, e.g. '/src/Acme.Orders/ @acme/orders-team'.",
                "CODEOWNERS");
            return;
        }

        // An unreadable CODEOWNERS is reported (STD0007) by the runner with the reason; nothing here can be judged.
        var text = context.Repository.ReadText(file);
        CodeOwners? parsed = null;
        if (text is not null)
        {
            PerFile.Run(context.Reporter, file, "read the owners in", () => parsed = CodeOwners.Parse(text));
        }

        if (parsed is not { } owners)
        {
            return;
        }

        foreach (var problem in owners.Problems)
        {
            context.Report(LayoutRuleIds.CodeOwnersMalformed,
                $"{file} line {problem.Line}: {problem.Problem}. Write one rule per line: a path pattern, then one or more owners (@user, @org/team or an e-mail address).",
                file, problem.Line);
        }

        foreach (var project in context.Repository.Projects.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var folder = LayoutContext.DirectoryOf(project.Path);
            var rule = owners.RuleFor(project.Path);
            var covered = rule is { Owners.Count: > 0 };
            var mustBeCovered = project.Path.StartsWith("src/", StringComparison.Ordinal) || project.Path.StartsWith("cmd/", StringComparison.Ordinal);
            if (!covered && mustBeCovered)
            {
                var why = rule is null
                    ? "no rule matches it"
                    : $"the last rule that matches it ({file} line {rule.Line}, '{rule.Pattern}') names no owner";
                context.Report(LayoutRuleIds.ProjectWithoutOwner,
                    $"No one owns {folder}/ in {file}: {why}. Add a line such as '/{folder}/ @org/team' (GitHub uses the last matching line).",
                    project.Path, 1);
                continue;
            }

            if (critical.TryGetValue(project.Path, out var reason))
            {
                CheckCritical(context, file, project, folder, rule, reason);
            }
        }
    }

    private static void CheckCritical(LayoutContext context, string file, RepositoryProject project, string folder, CodeOwnersRule? rule, string reason)
    {
        var minimum = context.Policy.IntParameter(LayoutRuleIds.CriticalProjectTooFewOwners, "minOwners");
        var count = rule?.Owners.Distinct(StringComparer.OrdinalIgnoreCase).Count() ?? 0;
        if (count >= minimum)
        {
            return;
        }

        var has = rule is null
            ? "no CODEOWNERS rule matches it"
            : $"{file} line {rule.Line} gives it {count} owner{(count == 1 ? string.Empty : "s")}{(count > 0 ? " (" + string.Join(" ", rule.Owners) + ")" : string.Empty)}";
        context.Report(LayoutRuleIds.CriticalProjectTooFewOwners,
            $"{project.Name} ({folder}/) is critical ({reason}) but {has}; critical projects need at least {minimum} owners. Add owners to {(rule is null ? $"a new line '/{folder}/ @owner1 @owner2'" : "that line")}.",
            rule is null ? project.Path : file,
            rule?.Line ?? 1);
    }

    /// <summary>Critical projects (by path) and why: StandardsCritical in the project, or layout.criticalProjects.</summary>
    private static Dictionary<string, string> CriticalProjects(LayoutContext context)
    {
        var critical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in context.Repository.Projects)
        {
            if (project.Properties.TryGetValue("StandardsCritical", out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                critical[project.Path] = "StandardsCritical is true in the project";
            }
        }

        foreach (var entry in context.Settings.CriticalProjects)
        {
            var matched = false;
            foreach (var project in context.Repository.Projects)
            {
                var scope = new ProjectContext(project.Name, project.Kind, LayoutContext.DirectoryOf(project.Path));
                if (scope.IsInScope(entry.Value))
                {
                    matched = true;
                    critical.TryAdd(project.Path, $"listed in standards.json layout.criticalProjects, line {entry.Line}");
                }
            }

            if (!matched)
            {
                context.Reporter.Add(new Finding(PolicyRuleIds.PolicyShape, Severity.Error,
                    $"'layout.criticalProjects' entry '{entry.Value}' matches no project. Write a project name (Acme.Payments), a project folder (src/Acme.Payments) or a glob (src/Payments/**).",
                    context.PolicyPath, entry.Line, entry.Column));
            }
        }

        return critical;
    }
}
