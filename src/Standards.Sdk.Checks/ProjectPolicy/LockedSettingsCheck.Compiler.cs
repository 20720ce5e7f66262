using System.Xml;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.ProjectPolicy;

/// <summary>The ways to drop a locked rule that act on what the compiler is given: analyzers, analyzer configs, rule sets.</summary>
public static partial class LockedSettingsCheck
{
    /// <summary>The analyzer config keys only Standards.Sdk writes: they tell its analyzer which rules are locked.</summary>
    public static readonly IReadOnlyList<string> ControlKeys = [LockedRulesKey, NullableLockedKey];

    /// <summary>The locked rule ids the source may not silence (comma-separated), per file.</summary>
    public const string LockedRulesKey = AnalyzerConfigKeys.LockedRules;

    /// <summary><c>true</c> when the source may not turn nullable off, per file.</summary>
    public const string NullableLockedKey = AnalyzerConfigKeys.NullableLocked;

    /// <summary>The assemblies that report each group of locked rules.</summary>
    private static readonly (string What, string[] Assemblies, Func<string, bool> Reports)[] Reporters =
    [
        ("Microsoft.CodeAnalysis.BannedApiAnalyzers (RS0030)", ["Microsoft.CodeAnalysis.BannedApiAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll"], id => id == "RS0030"),
        ("Microsoft.CodeAnalysis.NetAnalyzers (the security rules)", ["Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"], id => id.StartsWith("CA", StringComparison.Ordinal)),
        ("Standards.Sdk.Analyzers (which reports #pragma and [SuppressMessage] on locked rules)", ["Standards.Sdk.Analyzers.dll"], _ => true),
    ];

    private static void AnalyzersTakenAway(LockContext context)
    {
        if (context.Locked.Count == 0)
        {
            return;
        }

        AnalyzersSwitchedOff(context);
        WarningsDropped(context);
        AnalyzerAssembliesRemoved(context);
        BannedApiListsRemoved(context);
    }

    /// <summary>RunAnalyzers or RunAnalyzersDuringBuild false: the compiler runs no analyzer.</summary>
    private static void AnalyzersSwitchedOff(LockContext context)
    {
        var settings = context.Settings;
        var runAnalyzers = settings.Switch("RunAnalyzers");
        var property = runAnalyzers.Equals("false", StringComparison.OrdinalIgnoreCase) ? "RunAnalyzers"
            : runAnalyzers.Length == 0 && settings.Switch("RunAnalyzersDuringBuild").Equals("false", StringComparison.OrdinalIgnoreCase) ? "RunAnalyzersDuringBuild"
            : null;
        if (property is not null)
        {
            var where = context.Locate(property);
            context.Add(PolicyRuleIds.LockedRuleSilenced,
                $"{property} is false{where.Suffix}: the compiler runs no analyzer, so the locked rules ({Sample(context.Locked.Keys)}) are never reported. Remove it, or add an exception to standards.json for each locked rule the project may skip.",
                where);
        }
    }

    /// <summary>WarningLevel 0 or below: the compiler drops every warning.</summary>
    private static void WarningsDropped(LockContext context)
    {
        if (int.TryParse(context.Settings.Switch("WarningLevel"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var level) && level <= 0)
        {
            var where = context.Locate("WarningLevel");
            context.Add(PolicyRuleIds.LockedRuleSilenced,
                $"WarningLevel is {level}{where.Suffix}: the compiler drops every warning, and with them the locked rules ({Sample(context.Locked.Keys)}) the policy raises to errors. Remove it (the default level reports everything), or add an exception to standards.json for each locked rule the project may skip.",
                where);
        }
    }

    /// <summary>An analyzer assembly that reports locked rules missing from the compilation.</summary>
    private static void AnalyzerAssembliesRemoved(LockContext context)
    {
        if (context.Settings.AnalyzerAssemblies is not { } assemblies)
        {
            return;
        }

        var present = new HashSet<string>(assemblies.Select(Path.GetFileName).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (what, names, reports) in Reporters)
        {
            var dropped = context.Locked.Keys.Where(reports).ToList();
            if (dropped.Count > 0 && !names.Any(present.Contains))
            {
                var where = WhereRemoved(context, names.Select(Path.GetFileNameWithoutExtension).OfType<string>().Append("EnableNETAnalyzers"));
                context.Add(PolicyRuleIds.LockedRuleSilenced,
                    $"The analyzer {what} is not in this project's compilation{where.Suffix}, so locked rules ({Sample(dropped)}) cannot be reported. Stop removing it (Standards.Sdk references it for every project), or add an exception to standards.json for those rules.",
                    where);
            }
        }
    }

    /// <summary>The policy's banned-API lists not given to the compiler while RS0030 is locked.</summary>
    private static void BannedApiListsRemoved(LockContext context)
    {
        var settings = context.Settings;
        if (settings.AdditionalFiles is not { } additional || !context.Locked.ContainsKey("RS0030") || settings.BannedApiLists.Count == 0)
        {
            return;
        }

        var present = new HashSet<string>(additional.Select(Normalize), StringComparer.Ordinal);
        var missing = settings.BannedApiLists.Where(l => !present.Contains(Normalize(l))).ToList();
        if (missing.Count > 0)
        {
            var where = settings.Switch("StandardsBannedApis").Equals("false", StringComparison.OrdinalIgnoreCase)
                ? context.Locate("StandardsBannedApis")
                : WhereRemoved(context, ["BannedSymbols"]);
            context.Add(PolicyRuleIds.LockedRuleSilenced,
                $"Standards.Sdk's banned-API list ({string.Join(", ", missing.Select(Path.GetFileName))}) is not given to the compiler{where.Suffix}, so locked rule RS0030 (Banned API used in production code) bans nothing. Remove StandardsBannedApis=false (your own BannedSymbols.*.txt lists add to the policy's), " + context.ExceptionHint("RS0030"),
                where);
        }
    }

    /// <summary>The last line of the project's files that names one of <paramref name="needles"/>, or the project file.</summary>
    private static PropertyLocation WhereRemoved(LockContext context, IEnumerable<string> needles)
    {
        var needleList = needles.ToList();
        PropertyLocation? found = null;
        foreach (var file in context.Locator.Files)
        {
            var lines = context.ReadFile(file)?.Split('\n') ?? [];
            for (var i = 0; i < lines.Length; i++)
            {
                if (needleList.Any(n => lines[i].Contains(n, StringComparison.OrdinalIgnoreCase)))
                {
                    found = new PropertyLocation(file, i + 1, string.Empty);
                }
            }
        }

        return found ?? new PropertyLocation(context.Settings.ProjectFile, 0, "removed by a target or an import Standards.Sdk could not follow");
    }

    /// <summary>
    /// A line of any analyzer config the compiler reads that lowers a locked rule (or a nullable warning) below the
    /// policy for some of this project's files, by the compiler's own precedence; and any line that sets the keys
    /// only Standards.Sdk writes.
    /// </summary>
    private static void SilencedInAnalyzerConfigs(LockContext context)
    {
        var settings = context.Settings;
        if (settings.AnalyzerConfigFiles is not { Count: > 0 } paths)
        {
            return;
        }

        var configs = paths.Distinct(StringComparer.Ordinal)
            .Select(p => (Path: p, Text: context.ReadFile(p)))
            .Where(c => c.Text is not null)
            .Select(c => AnalyzerConfigDocument.Parse(c.Path, c.Text!))
            .ToList();
        var precedence = new AnalyzerConfigPrecedence(configs);
        // Collected apart, then reported once each, by file and line.
        var files = settings.CompileFiles.Count > 0 ? settings.CompileFiles : [Path.Combine(Path.GetDirectoryName(settings.ProjectFile) ?? "/", "Program.cs")];
        var found = new WeakeningReport(context, FindingReporter.ForProject(context.Policy), files);
        LockedRulesWeakened(context, precedence, found);
        MarkedGenerated(context, precedence, found);
        foreach (var key in ControlKeys)
        {
            foreach (var (config, entry) in precedence.Lines(key))
            {
                found.Reporter.Report(PolicyRuleIds.LockedRuleSilenced,
                    $"{Path.GetFileName(config.Path)} sets {key}, which only Standards.Sdk writes (it tells the analyzer which locked rules the source may not silence). Remove the line.",
                    config.Path, entry.Line);
            }
        }

        context.Reporter.AddRange(found.Reporter.Findings.DistinctBy(f => (f.Code, f.File, f.Line, f.Message)).OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line));
    }

    /// <summary>The lines that lower a locked rule, Standards.Sdk's own source-level codes, or a nullable warning.</summary>
    private static void LockedRulesWeakened(LockContext context, AnalyzerConfigPrecedence precedence, WeakeningReport found)
    {
        var files = found.Files;
        foreach (var (id, severity) in context.Locked)
        {
            var rule = RuleCatalog.Get(id);
            var ours = rule.IsAnalyzerRule ? severity : (Severity?)null;
            found.Report(precedence.Weakening(id, FilesNotExcepted(context, id, files), ours, severity), PolicyRuleIds.LockedRuleSilenced, $"locked rule {rule.Id} ({rule.Title})", id);
        }

        // The source-level reports of Standards.Sdk's analyzer (#pragma, #nullable, [SuppressMessage]) are locked too.
        foreach (var code in new[] { PolicyRuleIds.NullableLocked, PolicyRuleIds.LockedRuleSilenced }.Where(code => Allowed(context.Policy, code)))
        {
            found.Report(precedence.Weakening(code, files, null, Severity.Error), code, $"Standards.Sdk's {code} ({RuleCatalog.Get(code).Title})", code);
        }

        if (NullableLocked(context.Policy))
        {
            var notExcepted = FilesNotExcepted(context, PolicyRuleIds.NullableLocked, files);
            foreach (var id in NullableWarnings.Ids)
            {
                found.Report(precedence.Weakening(id, notExcepted, null, Severity.Error), PolicyRuleIds.NullableLocked, $"nullable warning {id}", PolicyRuleIds.NullableLocked);
            }
        }
    }

    /// <summary>generated_code = true on the project's files: analyzers skip them, locked rules included.</summary>
    private static void MarkedGenerated(LockContext context, AnalyzerConfigPrecedence precedence, WeakeningReport found)
    {
        if (context.Locked.Count == 0)
        {
            return;
        }

        var files = found.Files;
        foreach (var marked in precedence.MarkedGenerated(files))
        {
            found.Reporter.Report(PolicyRuleIds.LockedRuleSilenced,
                $"{Path.GetFileName(marked.Config.Path)} line {marked.Entry.Line} marks {(marked.Files.Count == files.Count ? "every source file of this project" : $"{marked.Files.Count} source file(s) of this project (e.g. {Shown(context, marked.Files[0])})")} as generated code (generated_code = true), which analyzers skip, locked rules ({Sample(context.Locked.Keys)}) included. Remove the line; mark only files a tool really generates.",
                marked.Config.Path, marked.Entry.Line);
        }
    }

    /// <summary>The findings of analyzer-config lines, collected apart from the context's so that each is reported once.</summary>
    private sealed class WeakeningReport(LockContext context, FindingReporter reporter, IReadOnlyList<string> files)
    {
        public FindingReporter Reporter { get; } = reporter;

        public IReadOnlyList<string> Files { get; } = files;

        /// <summary>One finding per deciding line that lowers <paramref name="what"/> below the policy.</summary>
        public void Report(IReadOnlyList<DecidingEntry> weakening, string code, string what, string exceptionRule)
        {
            foreach (var deciding in weakening)
            {
                var scope = deciding.Files.Count == Files.Count
                    ? "every source file of this project"
                    : $"{deciding.Files.Count} source file{(deciding.Files.Count == 1 ? string.Empty : "s")} of this project (e.g. {Shown(context, deciding.Files[0])})";
                Reporter.Report(code,
                    $"{Path.GetFileName(deciding.Config.Path)} line {deciding.Entry.Line} makes {what} '{deciding.Entry.Value}' for {scope}; the policy keeps it at its severity. Remove the line (an .editorconfig or .globalconfig may tune other rules), "
                        + context.ExceptionHint(exceptionRule),
                    deciding.Config.Path, deciding.Entry.Line);
            }
        }
    }

    /// <summary>A code-analysis rule set (CodeAnalysisRuleSet) whose Rule elements lower a locked rule or a nullable warning.</summary>
    private static void SilencedInRuleSet(LockContext context)
    {
        var ruleSet = context.Settings.Switch("CodeAnalysisRuleSet");
        if (ruleSet.Length == 0)
        {
            return;
        }

        var path = Path.IsPathRooted(ruleSet) ? ruleSet : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(context.Settings.ProjectFile) ?? ".", ruleSet));
        if (context.ReadFile(path) is not { } text)
        {
            return;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Rule"
                    || reader.GetAttribute("Id") is not { } id || reader.GetAttribute("Action") is not { } action)
                {
                    continue;
                }

                var rank = action.ToLowerInvariant() switch
                {
                    "error" => 4,
                    "warning" => 3,
                    "info" => 2,
                    "hidden" => 1,
                    _ => 0,
                };
                // As for analyzer configs: a warning still fails CI and Release builds, so only lower weakens the lock.
                if (context.Locked.TryGetValue(id, out var severity) && rank < Math.Min(AnalyzerConfigPrecedence.Rank(severity), 3))
                {
                    context.Add(PolicyRuleIds.LockedRuleSilenced,
                        $"{Path.GetFileName(path)} sets locked rule {id} to '{action}'. Remove the rule from the rule set, " + context.ExceptionHint(id),
                        path, info.LineNumber);
                }
                else if (NullableWarnings.Covers(id) && NullableLocked(context.Policy) && rank < 3)
                {
                    context.Add(PolicyRuleIds.NullableLocked,
                        $"{Path.GetFileName(path)} sets nullable warning {id} to '{action}'; the policy makes nullable warnings errors. Remove the rule from the rule set, " + context.ExceptionHint(PolicyRuleIds.NullableLocked),
                        path, info.LineNumber);
                }
            }
        }
        catch (XmlException)
        {
            // Not valid XML: the compiler reports the rule set itself.
        }
    }

    /// <summary>The files no file-scoped exception for <paramref name="ruleId"/> covers.</summary>
    private static IReadOnlyList<string> FilesNotExcepted(LockContext context, string ruleId, IReadOnlyList<string> files)
    {
        var scopes = context.Policy.FileExceptions().Where(e => string.Equals(e.Rule, ruleId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (scopes.Count == 0 || context.Settings.RepoRoot is not { } root)
        {
            return files;
        }

        return [.. files.Where(f => !scopes.Any(e => Glob.IsMatch(e.Scope, Glob.Normalize(Path.GetRelativePath(root, f)))))];
    }

    private static string Shown(LockContext context, string file) =>
        context.Settings.RepoRoot is { } root ? Glob.Normalize(Path.GetRelativePath(root, file)) : Path.GetFileName(file);

    private static string Sample(IEnumerable<string> ids)
    {
        var list = ids.Order(StringComparer.Ordinal).ToList();
        return list.Count <= 3 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(3))} and {list.Count - 3} more";
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
