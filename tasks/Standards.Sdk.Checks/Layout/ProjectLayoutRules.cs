using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Layout;

/// <summary>STD3006 (src/ and tests/), STD3007 (executables under cmd/), STD3008 (test projects), STD3033 (generic folders).</summary>
internal static class ProjectLayoutRules
{
    public static void Run(LayoutContext context)
    {
        Folders(context);
        Executables(context);
        TestProjects(context);
        GenericFolders(context);
    }

    private static void Folders(LayoutContext context)
    {
        if (!context.HasFolder("src/"))
        {
            context.Add("STD3006",
                "The repo has no src/ folder. Put libraries and domain code in src/<Project>/ (and executables in cmd/<App>/ in a service or worker repo).",
                "src");
        }

        if (!context.HasFolder("tests/"))
        {
            context.Add("STD3006",
                "The repo has no tests/ folder. Put test projects in tests/<Project>.Tests/, one per project under src/.",
                "tests");
        }
    }

    private static void Executables(LayoutContext context)
    {
        if (!context.IsOn("STD3007"))
        {
            return;
        }

        var executables = context.Repository.Projects
            .Where(p => RepositoryKind.IsExecutable(p.Kind))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var project in executables)
        {
            var segments = project.Path.Split('/');
            if (segments.Length != 3 || segments[0] != "cmd")
            {
                context.Add("STD3007",
                    $"{project.Name} is an executable ('{project.Kind}' project) at {project.Path}; in a {context.Policy.Kind.Kind} repo every entry point lives in its own folder under cmd/. Move it to cmd/{project.Name}/{LayoutContext.NameOf(project.Path)}, or set <StandardsProjectKind> if it is not an executable.",
                    project.Path, 1);
            }
        }

        foreach (var folder in executables.Where(p => p.Path.Split('/').Length == 3 && p.Path.StartsWith("cmd/", StringComparison.Ordinal))
                     .GroupBy(p => LayoutContext.DirectoryOf(p.Path), StringComparer.Ordinal)
                     .Where(g => g.Count() > 1))
        {
            foreach (var project in folder.Skip(1))
            {
                context.Add("STD3007",
                    $"{folder.Key}/ holds more than one executable ({string.Join(", ", folder.Select(p => p.Name))}). Give {project.Name} its own folder, cmd/{project.Name}/.",
                    project.Path, 1);
            }
        }

        if (executables.Count == 0)
        {
            context.Add("STD3007",
                $"This is a {context.Policy.Kind.Kind} repo ({context.Policy.Kind.Reason}) but it has no executable project. Put the entry point at cmd/<App>/<App>.csproj, or declare \"kind\": \"library\" in standards.json.",
                "cmd");
        }
    }

    private static void TestProjects(LayoutContext context)
    {
        if (!context.IsOn("STD3008"))
        {
            return;
        }

        var projects = context.Repository.Projects;
        foreach (var project in projects.Where(p => p.Path.StartsWith("src/", StringComparison.Ordinal)).OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            if (project.Kind is ProjectKinds.Test or ProjectKinds.Benchmark)
            {
                continue;
            }

            var testName = project.Name + ".Tests";
            var tests = projects.Where(p => string.Equals(p.Name, testName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (tests.Any(p => p.Path.StartsWith("tests/", StringComparison.Ordinal)))
            {
                continue;
            }

            var elsewhere = tests.Count > 0 ? $" ({tests[0].Path} exists but is not under tests/)" : string.Empty;
            var extension = Path.GetExtension(project.Path);
            context.Add("STD3008",
                $"{project.Name} has no test project{elsewhere}. Add tests/{testName}/{testName}{extension} that references it; every project under src/ has its tests under tests/.",
                project.Path, 1);
        }
    }

    private static void GenericFolders(LayoutContext context)
    {
        if (!context.IsOn("STD3033"))
        {
            return;
        }

        var names = new HashSet<string>(context.Policy.ListParameter("STD3033", "names"), StringComparer.OrdinalIgnoreCase);
        var projectFolders = context.Repository.Projects
            .GroupBy(p => LayoutContext.DirectoryOf(p.Path), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Name).ToList(), StringComparer.Ordinal);
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in context.Files.Where(f => f.StartsWith("src/", StringComparison.Ordinal) || f.StartsWith("cmd/", StringComparison.Ordinal)))
        {
            var segments = file.Split('/');
            if (segments.Length > 2)
            {
                candidates.Add(segments[0] + "/" + segments[1]);
            }
        }

        foreach (var folder in projectFolders.Keys.Where(f => f.StartsWith("src/", StringComparison.Ordinal) || f.StartsWith("cmd/", StringComparison.Ordinal)))
        {
            // Every folder between src/ (or cmd/) and the project: grouping folders and the project folder itself.
            var segments = folder.Split('/');
            for (var depth = 2; depth <= segments.Length; depth++)
            {
                candidates.Add(string.Join('/', segments.Take(depth)));
            }
        }

        foreach (var folder in candidates)
        {
            var name = LayoutContext.NameOf(folder);
            var generic = name.Split('.').FirstOrDefault(names.Contains);
            if (generic is null)
            {
                continue;
            }

            // A project folder named like its project is the project's name: STD1007 reports that.
            if (projectFolders.TryGetValue(folder, out var inFolder) && inFolder.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            context.Add("STD3033",
                $"The folder {folder}/ is named '{generic}', which says nothing about what the code in it does. Name it after its responsibility (e.g. {LayoutContext.DirectoryOf(folder)}/Billing), or change STD3033.names in standards.json.",
                folder);
        }
    }
}
