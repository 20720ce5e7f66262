using System.Text.RegularExpressions;
using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Sbom;
using Standards.Sdk.Checks.Release.Versioning;

namespace Standards.Tool.Tests;

/// <summary>
/// Every JSON format Standards.Sdk and the tool read (<see cref="JsonFormats.All"/>), each through every reader of it,
/// against every malformation: each gives that format's coded finding with the file and line, never an exception and
/// never a silent pass (a duplicate "total" appended to the coverage ratchet used to lower it without a word).
/// </summary>
public sealed class JsonFormatsTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>One reader of one format: a valid sample (one top-level key per line) and the key the malformations change.</summary>
    public sealed record Reader(JsonFormat Format, string Name, string Path, string Sample, string Key, string[] Codes, Func<string, string, IReadOnlyList<Finding>> Read)
    {
        public override string ToString() => Name;
    }

    /// <summary>A malformation of a sample: the text, and the line its finding must name (null: any line in the file).</summary>
    public sealed record Malformation(string Name, Func<Reader, (string Text, int? Line)> Apply)
    {
        public override string ToString() => Name;
    }

    /// <summary>Formats whose readers report nothing by design: a damaged file is recomputed, never trusted.</summary>
    private static readonly JsonFormat[] Recomputed = [JsonFormats.VersionCache];

    public static readonly Reader[] Readers =
    [
        new(JsonFormats.Policy, "standards.json (build)", "standards.json", "{\n  \"profile\": \"default\",\n  \"rules\": {}\n}", "profile", ["STD0001", "STD0002"],
            (path, text) => PolicyLoader.Load(path, text, Today).Findings),
        new(JsonFormats.Policy, "standards.json (release section)", "standards.json", "{\n  \"profile\": \"default\",\n  \"release\": { \"sbom\": { \"format\": \"spdx\" } }\n}", "release", ["STD0001", "STD0002"],
            (path, text) => PolicyLoader.Load(path, text, Today).Findings),
        new(JsonFormats.Policy, "standards.json (coverage section)", "standards.json", "{\n  \"profile\": \"default\",\n  \"coverage\": { \"line\": 80, \"exclude\": [\"gen/**\"] }\n}", "coverage", ["STD0001", "STD0002"],
            (path, text) => Section(path, text, (policy, findings) => CoverageSettings.Read(policy, findings))),
        new(JsonFormats.Policy, "standards.json (budgets section)", "standards.json", "{\n  \"profile\": \"default\",\n  \"budgets\": { \"regression\": 10, \"sizes\": { \"Lib\": { \"assembly\": \"64 KiB\" } } }\n}", "budgets", ["STD0001", "STD0002"],
            (path, text) => Section(path, text, (policy, findings) => BudgetSettings.Read(policy, findings))),
        new(JsonFormats.Policy, "standards.json (dependencies section)", "standards.json", "{\n  \"profile\": \"default\",\n  \"dependencies\": { \"licenses\": { \"allow\": [\"MIT\"] } }\n}", "dependencies", ["STD0001", "STD0002"],
            (path, text) => Section(path, text, (policy, findings) => findings.AddRange(LicensePolicy.From(policy).Problems))),
        new(JsonFormats.Policy, "standards.json (adopt edits coverage)", CoverageMinimums.PolicyFile, "{\n  \"profile\": \"default\",\n  \"coverage\": {}\n}", "coverage", ["STD7505"],
            (_, text) => Tool(() => CoverageMinimums.Apply(text, new Dictionary<string, double> { ["line"] = 50 }))),
        new(JsonFormats.GlobalJson, "global.json (build)", "global.json", "{\n  \"sdk\": { \"version\": \"10.0.401\", \"rollForward\": \"latestFeature\" }\n}", "sdk", ["STD2008", "STD2009"],
            (path, text) => GlobalJsonCheck.Run(path, text, _ => Severity.Error)),
        new(JsonFormats.GlobalJson, "global.json (adopt pins the SDK)", GlobalJsonEditor.FileName, "{\n  \"sdk\": { \"version\": \"10.0.401\" },\n  \"msbuild-sdks\": { \"Standards.Sdk\": \"1.0.0\" }\n}", "msbuild-sdks", ["STD7505"],
            (_, text) => Tool(() => GlobalJsonEditor.Pin(text, "1.0.0", out _))),
        new(JsonFormats.VersionJson, "version.json", "version.json", "{\n  \"version\": \"1.0\"\n}", "version", ["STD6001", "STD6002"],
            (path, text) => Collect(findings => VersionFile.Read(path, "version.json", text, findings))),
        new(JsonFormats.PackagesLock, "packages.lock.json", "src/App/packages.lock.json", "{\n  \"version\": 1,\n  \"dependencies\": {}\n}", "dependencies", ["STD2006"],
            (path, text) => PackagesLockFile.Parse(path, text, "dotnet restore").Problems),
        new(JsonFormats.ProjectAssets, "project.assets.json (licences)", "obj/project.assets.json", "{\n  \"version\": 3,\n  \"targets\": {},\n  \"libraries\": {}\n}", "libraries", ["STD2011"],
            (path, text) => LicenseCheck.Run("App.csproj", text, _ => null, LicensePolicy.From(StandardsPolicy.Default).Policy, _ => Severity.Error, null, path)),
        new(JsonFormats.ProjectAssets, "project.assets.json (SBOM)", "obj/project.assets.json", "{\n  \"version\": 3,\n  \"targets\": {},\n  \"libraries\": {}\n}", "libraries", ["STD6020"],
            (path, text) => Collect(findings => RestoreGraph.Read(path, text, findings))),
        new(JsonFormats.AdoptionBaseline, "standards-baseline.json", "standards-baseline.json", "{\n  \"version\": 1,\n  \"findings\": []\n}", "findings", ["STD3901"],
            (path, text) => BaselineFile.Parse(path, text).Problems),
        new(JsonFormats.CodeBaseline, "standards-code-baseline.json", CodeBaselineDocument.FileName, "{\n  \"version\": 1,\n  \"diagnostics\": []\n}", "diagnostics", ["STD7504"],
            (_, text) => Tool(() => CodeBaselineDocument.Read(text))),
        new(JsonFormats.CoverageBaseline, "standards-coverage-baseline.json", "standards-coverage-baseline.json", "{\n  \"version\": 1,\n  \"total\": { \"line\": 100, \"branch\": 100 },\n  \"projects\": {}\n}", "total", ["STD4006"],
            (path, text) => CoverageBaseline.Parse(path, text).Problems),
        new(JsonFormats.BenchmarkBaseline, "standards-benchmarks-baseline.json", "bench/standards-benchmarks-baseline.json", "{\n  \"version\": 1,\n  \"benchmarks\": { \"A.B\": { \"median\": 1.5 } }\n}", "benchmarks", ["STD5007"],
            (path, text) => BenchmarkBaseline.Parse(path, text).Problems),
        new(JsonFormats.BenchmarkResults, "BenchmarkDotNet report", "results/A-report-full.json", "{\n  \"Benchmarks\": [ { \"FullName\": \"A.B\", \"Statistics\": { \"Median\": 1, \"Mean\": 1 } } ]\n}", "Benchmarks", ["STD5001"],
            (path, text) => BenchmarkResultReader.Read(path, text).Problem is { } problem ? [problem] : []),
        new(JsonFormats.ToolManifest, "dotnet-tools.json (upgrade moves the tool)", ".config/dotnet-tools.json", "{\n  \"version\": 1,\n  \"tools\": {}\n}", "tools", ["STD7505"],
            (path, text) => Tool(() => VersionMoves.Apply(file => file == path ? text : null, NuGet.Versioning.NuGetVersion.Parse("2.0.0"), new ChangeSet(), []))),
        new(JsonFormats.RuleCatalog, "catalog/rules.json (upgrade's policy changelog)", "catalog/rules.json", "{\n  \"formatVersion\": 1,\n  \"rules\": []\n}", "rules", ["STD7510"],
            (path, text) => Tool(() => Standards.Adoption.Upgrade.RuleCatalogDocument.Read(path, text))),
        new(JsonFormats.Compliance, "compliance.json (dotnet standards report)", "builds/1/compliance.json", ComplianceSample, "findings", ["STD7520"],
            (path, text) => Standards.Sdk.Checks.Reports.Compliance.ComplianceDocument.Read(text).Problem is { } p ? [new Finding(p.Code, Severity.Error, p.Message, path, p.Line)] : []),
        new(JsonFormats.TemplateRecord, ".standards/template-record.json (update's template record)", Standards.Adoption.Update.TemplateRecord.FileName,
            "{\n  \"formatVersion\": 1,\n  \"template\": \"std-lib\",\n  \"version\": \"1.0.0\",\n  \"generatedOn\": \"2026-01-02\",\n  \"options\": { \"name\": \"Acme.Text\" }\n}", "options", ["STD7531"],
            (_, text) => Tool(() => Standards.Adoption.Update.TemplateRecord.Read(text))),
        new(JsonFormats.CompilerErrorLog, "compiler error log (compliance.json)", "obj/standards/findings/compiler.net10.0.sarif", "{\n  \"version\": \"2.1.0\",\n  \"runs\": []\n}", "runs", ["STD0007"],
            (path, text) => Standards.Sdk.Checks.Reports.Compliance.CompilerErrorLog.Read(path, text).Problem is { } p ? [p] : []),
    ];

    private const string ComplianceSample = "{\n  \"schemaVersion\": 1,\n  \"repo\": \"org/app\",\n  \"commit\": null,\n  \"date\": \"2026-11-21T10:00:00Z\",\n"
        + "  \"sdkVersion\": \"1.0.0\",\n  \"repoKind\": \"library\",\n  \"version\": null,\n"
        + "  \"findings\": { \"scope\": \"repository-checks\", \"errors\": 0, \"warnings\": 0, \"infos\": 0, \"baselined\": 0, \"byRule\": [] },\n"
        + "  \"baselines\": { \"repo\": 0, \"code\": 0 },\n  \"exceptions\": [],\n  \"coverage\": null,\n  \"sbom\": { \"enabled\": true, \"format\": \"spdx\" }\n}";

    /// <summary>A key written twice: a malformation in a file people write, what another tool writes in its own files.</summary>
    public static readonly Malformation[] Duplicates =
    [
        new("a duplicate key appended at the end", r => (r.Sample[..r.Sample.LastIndexOf('\n')] + $",\n  \"{r.Key}\": {ValueOf(r)}\n}}", LineCount(r.Sample))),
        new("a duplicate key written first", r => (Insert(r.Sample, $"  \"{r.Key}\": {ValueOf(r)},"), LineOfKey(r) + 1)),
    ];

    public static readonly Malformation[] Malformations =
    [
        .. Duplicates,
        new("an escaped lone surrogate in a value", r => (Insert(r.Sample, "  \"$comment\": \"a\\ud800b\","), 2)),
        new("an escaped lone surrogate in a key", r => (Insert(r.Sample, "  \"k\\udc00\": 1,"), 2)),
        new("a lone surrogate in the text", r => (Insert(r.Sample, "  \"$comment\": \"a\ud800b\","), 2)),
        new("a value of the wrong type", r => (Regex.Replace(r.Sample, $"(\"{r.Key}\": )[^\\n]*?(,?)\\n", "${1}true${2}\n"), LineOfKey(r))),
        new("a missing value", r => (Insert(r.Sample, "  \"x\": ,"), 2)),
        new("a truncated file", r => (r.Sample[..(r.Sample.Length / 2)], null)),
        new("an array at the top level", _ => ("[\n  1\n]", 1)),
        new("an empty file", _ => (string.Empty, 1)),
    ];

    public static TheoryData<Reader, Malformation> Cases()
    {
        var data = new TheoryData<Reader, Malformation>();
        foreach (var reader in Readers)
        {
            foreach (var malformation in Malformations.Where(m => !JsonFormats.ToolWritten.Contains(reader.Format) || !Duplicates.Contains(m)))
            {
                data.Add(reader, malformation);
            }
        }

        return data;
    }

    public static TheoryData<Reader, Malformation> ToolWrittenDuplicates()
    {
        var data = new TheoryData<Reader, Malformation>();
        foreach (var reader in Readers.Where(r => JsonFormats.ToolWritten.Contains(r.Format)))
        {
            foreach (var duplicate in Duplicates)
            {
                data.Add(reader, duplicate);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ToolWrittenDuplicates))]
    public void A_file_another_tool_writes_reads_with_a_key_written_twice_as_that_tool_reads_it(Reader reader, Malformation duplicate)
    {
        // NuGet writes a package source configured twice twice into project.assets.json; refusing the file failed every build.
        var (text, _) = duplicate.Apply(reader);
        Assert.NotEqual(reader.Sample, text);

        Assert.Empty(reader.Read(reader.Path, text));
    }

    public static TheoryData<Reader> EachReader() => [.. Readers];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_malformation_is_the_formats_coded_finding_with_file_and_line(Reader reader, Malformation malformation)
    {
        var (text, line) = malformation.Apply(reader);
        Assert.NotEqual(reader.Sample, text);

        var findings = reader.Read(reader.Path, text);

        Assert.True(
            findings.Any(f => reader.Codes.Contains(f.Code) && f.File == reader.Path && (line is { } l ? f.Line == l : f.Line >= 1 && f.Line <= LineCount(text))),
            $"expected {string.Join("/", reader.Codes)} at {reader.Path}:{line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any line"}; got: "
            + string.Join(" | ", findings.Select(f => $"{f.Code} {f.File}:{f.Line} {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(EachReader))]
    public void The_sample_and_the_sample_after_a_BOM_read_without_a_finding(Reader reader)
    {
        Assert.Empty(reader.Read(reader.Path, reader.Sample));
        Assert.Empty(reader.Read(reader.Path, "\uFEFF" + reader.Sample));
    }

    [Theory]
    [MemberData(nameof(EachReader))]
    public void Comments_and_trailing_commas_are_read_or_refused_as_the_format_says(Reader reader)
    {
        var commented = Insert(reader.Sample, "  // a note");
        var trailing = reader.Sample[..reader.Sample.LastIndexOf('\n')] + ",\n}";
        if (reader.Format.Options.AllowComments)
        {
            Assert.Empty(reader.Read(reader.Path, commented));
            Assert.Empty(reader.Read(reader.Path, trailing));
        }
        else
        {
            Assert.Contains(reader.Read(reader.Path, commented), f => reader.Codes.Contains(f.Code) && f.Line == 2);
            Assert.Contains(reader.Read(reader.Path, trailing), f => reader.Codes.Contains(f.Code) && f.Line >= LineCount(reader.Sample) - 1);
        }
    }

    [Fact]
    public void A_second_total_appended_to_the_coverage_ratchet_cannot_lower_it()
    {
        const string text = "{\n  \"version\": 1,\n  \"total\": { \"line\": 100, \"branch\": 100 },\n  \"projects\": {},\n  \"total\": { \"line\": 0, \"branch\": 0 }\n}";

        var (baseline, problems) = CoverageBaseline.Parse("standards-coverage-baseline.json", text);

        var problem = Assert.Single(problems);
        Assert.Equal(("STD4006", 5), (problem.Code, problem.Line));
        Assert.Contains("\"total\" is written twice in the same object (first at line 3)", problem.Message, StringComparison.Ordinal);
        Assert.Empty(baseline.Entries);
    }

    [Fact]
    public void Every_format_has_a_reader_here()
    {
        Assert.Equal(
            JsonFormats.All.Select(f => f.Name).Order(StringComparer.Ordinal),
            Readers.Select(r => r.Format).Concat(Recomputed).Distinct().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_code_reads_JSON_except_through_a_format()
    {
        // The entry point itself, and the tool's editors (they load a file into System.Text.Json's mutable tree only
        // after its format read it). The analyzers are not searched: the compiler loads them without System.Text.Json.
        string[] allowed = ["src/Standards.Sdk.Checks/Json/", "tool/Standards.Adoption/EditableJson.cs"];
        var reads = new Regex(@"PositionedJsonParser\.Parse\(|JsonDocument\.Parse|JsonNode\.Parse|new Utf8JsonReader|JsonSerializer\.Deserialize|JsonElement\.Parse", RegexOptions.CultureInvariant);
        var root = RepoRoot();
        var offenders = new[] { "src/Standards.Sdk.Checks", "src/Standards.Sdk.Tasks", "tool" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => !allowed.Any(a => file.StartsWith(a, StringComparison.Ordinal)))
            .Where(file => reads.IsMatch(File.ReadAllText(Path.Combine(root, file))))
            .ToList();
        Assert.Empty(offenders);
    }

    private static IReadOnlyList<Finding> Tool(Action action)
    {
        try
        {
            action();
            return [];
        }
        catch (ToolException ex)
        {
            return [new Finding(ex.Code, Severity.Error, ex.Message, ex.File, ex.Line)];
        }
    }

    /// <summary>standards.json as the build reads it, then one section by the check that owns it.</summary>
    private static List<Finding> Section(string path, string text, Action<StandardsPolicy, List<Finding>> read)
    {
        var loaded = PolicyLoader.Load(path, text, Today);
        var findings = new List<Finding>(loaded.Findings);
        read(loaded.Policy, findings);
        return findings;
    }

    private static List<Finding> Collect(Action<List<Finding>> read)
    {
        var findings = new List<Finding>();
        read(findings);
        return findings;
    }

    private static string Insert(string sample, string line) => sample.Insert(sample.IndexOf('\n', StringComparison.Ordinal) + 1, line + "\n");

    private static int LineCount(string text) => text.Split('\n').Length;

    private static int LineOfKey(Reader reader) =>
        Array.FindIndex(reader.Sample.Split('\n'), l => l.TrimStart().StartsWith($"\"{reader.Key}\":", StringComparison.Ordinal)) + 1;

    private static string ValueOf(Reader reader) =>
        reader.Sample.Split('\n')[LineOfKey(reader) - 1].Split(':', 2)[1].Trim().TrimEnd(',');

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Standards.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Standards.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
