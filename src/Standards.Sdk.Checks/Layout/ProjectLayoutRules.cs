using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

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
            context.Report(LayoutRuleIds.SourceOrTestsFolderMissing,
                "The repo has no src/ folder. Put libraries and domain code in src/<Project>/ (and executables in cmd/<App>/ in a service or worker repo).",
                "src");
        }

        var tests = context.TestsFolder;
        if (!context.HasFolder(tests + "/"))
        {
            var how = context.Settings.TestsFolder is null
                ? "(the checks look for tests/, then test/; name another folder with layout.testsFolder in standards.json)"
                : "(layout.testsFolder in standards.json names it)";
            context.Report(LayoutRuleIds.SourceOrTestsFolderMissing,
                $"The repo has no {tests}/ folder {how}. Put test projects in {tests}/<Project>.Tests/, one per project under src/.",
                tests);
        }
    }

    private static void Executables(LayoutContext context)
    {
        if (!context.IsOn(LayoutRuleIds.ExecutableOutsideCmd))
        {
            return;
        }

        var executables = context.Repository.Projects
            .Where(p => RepositoryKind.IsShippedExecutable(p, context.TestsFolder))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var project in executables)
        {
            var segments = project.Path.Split('/');
            if (segments.Length != 3 || segments[0] != "cmd")
            {
                context.Report(LayoutRuleIds.ExecutableOutsideCmd,
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
                context.Report(LayoutRuleIds.ExecutableOutsideCmd,
                    $"{folder.Key}/ holds more than one executable ({string.Join(", ", folder.Select(p => p.Name))}). Give {project.Name} its own folder, cmd/{project.Name}/.",
                    project.Path, 1);
            }
        }

        if (executables.Count == 0)
        {
            context.Report(LayoutRuleIds.ExecutableOutsideCmd,
                $"This is a {context.Policy.Kind.Kind} repo ({context.Policy.Kind.Reason}) but it has no executable project. Put the entry point at cmd/<App>/<App>.csproj, or declare \"kind\": \"library\" in standards.json.",
                "cmd");
        }
    }

    private static void TestProjects(LayoutContext context)
    {
        if (!context.IsOn(LayoutRuleIds.ProjectWithoutTests))
        {
            return;
        }

        var projects = context.Repository.Projects;
        var tests = context.TestsFolder;
        var testProjects = projects.Where(p => p.Kind == ProjectKinds.Test).ToList();

        // Indexed once: which test projects reference a path, and which carry a name; a 1000-project repo would
        // otherwise compare every project with every test project.
        var referencing = new Dictionary<string, List<RepositoryProject>>(StringComparer.Ordinal);
        var byName = new Dictionary<string, List<RepositoryProject>>(StringComparer.OrdinalIgnoreCase);
        foreach (var test in testProjects)
        {
            foreach (var reference in test.References.Distinct(StringComparer.Ordinal))
            {
                Index(referencing, reference, test);
            }

            Index(byName, test.Name, test);
        }

        foreach (var project in projects.Where(p => p.Path.StartsWith("src/", StringComparison.Ordinal)).OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            // A sample app shows how to use the code; its tests are the code's own.
            if (project.Kind is ProjectKinds.Test or ProjectKinds.Benchmark || RepositoryKind.IsSample(project.Path))
            {
                continue;
            }

            // Tested: a test project under the tests folder references it, whatever its name (.Tests, .UnitTests,
            // .FunctionalTests, .Specs, ...); or one is named after it with a test suffix (its reference may come
            // from a Directory.Build.props the checks do not evaluate).
            var named = ProjectFileReader.TestSuffixes.SelectMany(suffix => byName.TryGetValue(project.Name + suffix, out var found) ? found : []);
            var referencingThis = referencing.TryGetValue(project.Path, out var found) ? found : [];
            var candidates = testProjects.Intersect(referencingThis.Concat(named)).ToList();
            if (candidates.Any(t => t.Path.StartsWith(tests + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            var testName = project.Name + ".Tests";
            var elsewhere = candidates.Count > 0 ? $" ({candidates[0].Path} exists but is not under {tests}/)" : string.Empty;
            var extension = Path.GetExtension(project.Path);
            context.Report(LayoutRuleIds.ProjectWithoutTests,
                $"{project.Name} has no test project{elsewhere}. Add {tests}/{testName}/{testName}{extension} (any test project that references it counts, whatever its name); every project under src/ has its tests under {tests}/.",
                project.Path, 1);
        }
    }

    private static void GenericFolders(LayoutContext context)
    {
        if (!context.IsOn(LayoutRuleIds.GenericFolderName))
        {
            return;
        }

        var names = new HashSet<string>(context.Policy.ListParameter(LayoutRuleIds.GenericFolderName, "names"), StringComparer.OrdinalIgnoreCase);
        var projectFolders = context.Repository.Projects
            .GroupBy(p => LayoutContext.DirectoryOf(p.Path), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Name).ToList(), StringComparer.Ordinal);
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in context.Files.Where(f => f.StartsWith("src/", StringComparison.Ordinal) || f.StartsWith("cmd/", StringComparison.Ordinal)))
        {
            // The first folder below src/ or cmd/ (for a file inside it).
            var second = file.IndexOf('/', 4);
            if (second > 0)
            {
                candidates.Add(file[..second]);
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

            context.Report(LayoutRuleIds.GenericFolderName,
                $"The folder {folder}/ is named '{generic}', which says nothing about what the code in it does. Name it after its responsibility (e.g. {LayoutContext.DirectoryOf(folder)}/Billing), or change STD3033.names in standards.json.",
                folder);
        }
    }

    private static void Index(Dictionary<string, List<RepositoryProject>> index, string key, RepositoryProject project)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(project);
    }
}
