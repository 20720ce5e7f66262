using System.Globalization;
using System.Text;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>One project of ours that our analyzers run on.</summary>
/// <param name="Name">The project name.</param>
/// <param name="Folder">Its folder, repo-relative, '/'-separated.</param>
/// <param name="IsTest">True for a test project (IsTestProject in the project file): it gets the test severities.</param>
/// <param name="Files">Its C# files, repo-relative, '/'-separated, ordinal order.</param>
public sealed record OwnProject(string Name, string Folder, bool IsTest, IReadOnlyList<string> Files);

/// <summary>
/// The analyzer configuration our own projects are built with (docs/contributing.md#our-own-policy), written from
/// the repo's own standards.json by the SDK's code: the global configs by <see cref="AnalyzerConfigWriter"/>, exactly
/// what the SDK writes for a library and for a test project; the exceptions as the SDK applies them
/// (<see cref="EffectivePolicy"/>: project-scoped, else matched against each source file), one section per file. The
/// SDK's sections name files by absolute path in its per-project global config; ours are committed, so they are
/// sections of a (non-global) analyzer config at the repo root, which names files relative to its folder.
/// eng/own-policy/OwnPolicy.props hands all of them to the compiler.
/// </summary>
public static class OwnPolicyWriter
{
    /// <summary>Our policy, where the SDK would read a consumer's.</summary>
    public const string PolicyFile = "standards.json";

    /// <summary>
    /// Where the per-file sections of the exceptions go: the repo's .editorconfig, between <see cref="BlockStart"/> and
    /// <see cref="BlockEnd"/>. A non-global analyzer config names files relative to its folder, so it must be at the root,
    /// and the compiler takes only one per folder (CS8700).
    /// </summary>
    public const string ExceptionsFile = ".editorconfig";

    /// <summary>The first line of the generated block in <see cref="ExceptionsFile"/>.</summary>
    public const string BlockStart = "# BEGIN exceptions of standards.json, written by eng/update-generated.sh (docs/contributing.md#our-own-policy); edits are overwritten.";

    /// <summary>The last line of the generated block.</summary>
    public const string BlockEnd = "# END exceptions of standards.json";

    /// <summary>
    /// Projects our analyzers do not run on (eng/own-policy/OwnPolicy.props says why): the analyzer itself and the
    /// two packaging projects, which compile no source of ours.
    /// </summary>
    public static IReadOnlyList<string> NotAnalyzed { get; } = ["Standards.Sdk.Analyzers", "Standards.Sdk", "Standards.Templates"];

    /// <summary>The generated files, repo-relative, with what writes each (given the repo root).</summary>
    public static IReadOnlyList<(string Path, Func<string, string> Write)> Files { get; } =
    [
        ("eng/own-policy/Standards.globalconfig", root => AnalyzerConfigWriter.Write(Effective(root, ProjectKinds.Library), root, [])),
        ("eng/own-policy/Standards.test.globalconfig", root => AnalyzerConfigWriter.Write(Effective(root, ProjectKinds.Test), root, [])),
        ("eng/own-policy/CodeMetricsConfig.txt", root => AnalyzerConfigWriter.CodeMetricsConfig(Effective(root, ProjectKinds.Library))),
        (ExceptionsFile, EditorConfigWithExceptions),
    ];

    /// <summary>The date exceptions are judged against, as the SDK judges them: the build machine's local date.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    /// <summary>Reads our standards.json; anything the SDK would report about it (a missing reason, an expired entry) throws.</summary>
    public static StandardsPolicy LoadPolicy(string root)
    {
        var path = Path.Combine(root, PolicyFile);
        var result = PolicyLoader.Load(path, File.ReadAllText(path), Today);
        if (result.Findings.Count > 0)
        {
            throw new InvalidOperationException(
                $"{PolicyFile} has problems the SDK would report: {string.Join("; ", result.Findings.Select(f => $"{f.Code} line {f.Line}: {f.Message}"))}");
        }

        return result.Policy;
    }

    /// <summary>
    /// The projects our analyzers run on: every project file in the repo (the solution's and the benchmark's) but
    /// those of other repos kept here and <see cref="NotAnalyzed"/>, as eng/own-policy/OwnPolicy.props selects them.
    /// A file another project compiles by link (the netstandard2.0 checks tests) has the sections of the folder it
    /// lives in, which is the same file.
    /// </summary>
    public static IReadOnlyList<OwnProject> Projects(string root)
    {
        var projects = new List<OwnProject>();
        foreach (var projectFile in ProjectFiles(root, string.Empty))
        {
            var name = Path.GetFileNameWithoutExtension(projectFile);
            if (NotAnalyzed.Contains(name))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(projectFile)!.Replace('\\', '/');
            var isTest = File.ReadAllText(Path.Combine(root, projectFile)).Contains("<IsTestProject>true</IsTestProject>", StringComparison.Ordinal);
            projects.Add(new OwnProject(name, folder, isTest, SourceFiles(root, folder)));
        }

        return projects;
    }

    /// <summary>Each active exception with the files of ours it covers, as the SDK would apply it.</summary>
    public static IReadOnlyList<(ExceptionEntry Exception, IReadOnlyList<string> Files)> Coverage(string root)
    {
        var policy = LoadPolicy(root);
        var projects = Projects(root);
        var coverage = new List<(ExceptionEntry, IReadOnlyList<string>)>();
        foreach (var exception in policy.Exceptions)
        {
            coverage.Add((exception, projects.SelectMany(p => Covered(p, exception)).Distinct().Order(StringComparer.Ordinal).ToList()));
        }

        return coverage;
    }

    /// <summary>The generated block: one section per file an exception covers.</summary>
    public static string ExceptionsConfig(string root)
    {
        var rulesByFile = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (exception, files) in Coverage(root))
        {
            var rule = AnalyzerRuleId(exception);
            foreach (var file in files)
            {
                if (!rulesByFile.TryGetValue(file, out var rules))
                {
                    rulesByFile[file] = rules = new SortedSet<string>(StringComparer.Ordinal);
                }

                rules.Add(rule);
            }
        }

        var sb = new StringBuilder();
        sb.Append(BlockStart).Append('\n');
        sb.Append("# The SDK writes these sections into its generated global config; our build has no policy task, so they are here.\n");
        foreach (var (file, rules) in rulesByFile)
        {
            sb.Append('\n').Append('[').Append(SectionName(file)).Append("]\n");
            foreach (var rule in rules)
            {
                sb.Append(CultureInfo.InvariantCulture, $"dotnet_diagnostic.{rule}.severity = none\n");
            }
        }

        return sb.Append(BlockEnd).Append('\n').ToString();
    }

    /// <summary>The repo's .editorconfig with the generated block of exceptions replaced (or added at the end).</summary>
    public static string EditorConfigWithExceptions(string root)
    {
        var text = File.ReadAllText(Path.Combine(root, ExceptionsFile)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(BlockStart, StringComparison.Ordinal);
        var end = text.IndexOf(BlockEnd + "\n", StringComparison.Ordinal);
        var before = start < 0 ? text.TrimEnd('\n') + "\n\n" : text[..start];
        var after = start < 0 || end < start ? string.Empty : text[(end + BlockEnd.Length + 1)..];
        return before + ExceptionsConfig(root) + after;
    }

    /// <summary>The policy as the SDK applies it to one of our projects of the given kind (no project-scoped exception but '*').</summary>
    private static EffectivePolicy Effective(string root, string kind) =>
        new(LoadPolicy(root), new ProjectContext(string.Empty, kind, string.Empty), Today);

    /// <summary>
    /// The files of a project an exception covers, by <see cref="EffectivePolicy"/>'s two cases: a scope that names
    /// the project (<see cref="ProjectContext.IsInScope"/>) covers all of them, any other is matched against each file.
    /// Expired entries never get here (<see cref="LoadPolicy"/>).
    /// </summary>
    private static IEnumerable<string> Covered(OwnProject project, ExceptionEntry exception)
    {
        var context = new ProjectContext(project.Name, project.IsTest ? ProjectKinds.Test : ProjectKinds.Library, project.Folder);
        return context.IsInScope(exception.Scope) ? project.Files : project.Files.Where(f => Glob.IsMatch(exception.Scope, f));
    }

    /// <summary>
    /// The rule an exception turns off in files. Our build runs analyzers only (no policy task), so an exception of a
    /// task rule (STD0xxx locks, STD1007, the repo checks) would do nothing here and is refused, not ignored.
    /// </summary>
    private static string AnalyzerRuleId(ExceptionEntry exception)
    {
        if (RuleCatalog.Find(exception.Rule) is { } rule)
        {
            return rule.IsAnalyzerRule && !rule.Locked
                ? rule.Id
                : throw new NotSupportedException($"{PolicyFile} line {exception.Line}: an exception of {rule.Id} has no effect on our own build, which applies exceptions of analyzer rules only (docs/contributing.md#our-own-policy).");
        }

        return DiagnosticIds.IsExternal(exception.Rule)
            ? exception.Rule
            : throw new NotSupportedException($"{PolicyFile} line {exception.Line}: '{exception.Rule}' is not a rule.");
    }

    /// <summary>A repo-relative path as an editorconfig section name; a character that is special there is refused, not escaped.</summary>
    private static string SectionName(string file) =>
        file.IndexOfAny(['*', '?', '[', ']', '{', '}', ',', '\\', '#', ';', '\n', '\r']) < 0
            ? file
            : throw new NotSupportedException($"'{file}' has a character that is special in an analyzer config section name; rename it.");

    private static List<string> SourceFiles(string root, string folder)
    {
        var full = Path.Combine(root, folder);
        return [.. Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => $"{folder}/{f}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The folders that hold no project of ours: build output, tools' packages, and other repos kept here (OwnPolicy.props).</summary>
    private static readonly string[] NotOurs = [".git", "bin", "obj", "node_modules", "artifacts", "TestResults", "tests/fixtures", "eng/demo-repo", "templates/content"];

    /// <summary>The project files below a folder, repo-relative, '/'-separated, in ordinal order.</summary>
    private static IEnumerable<string> ProjectFiles(string root, string folder)
    {
        var full = Path.Combine(root, folder);
        foreach (var file in Directory.EnumerateFiles(full, "*.csproj").Order(StringComparer.Ordinal))
        {
            yield return folder.Length == 0 ? Path.GetFileName(file) : $"{folder}/{Path.GetFileName(file)}";
        }

        foreach (var directory in Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            var relative = folder.Length == 0 ? name : $"{folder}/{name}";
            if (!NotOurs.Contains(name) && !NotOurs.Contains(relative))
            {
                foreach (var file in ProjectFiles(root, relative))
                {
                    yield return file;
                }
            }
        }
    }
}
