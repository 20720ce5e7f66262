using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Sbom;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Writes the SBOM of a pack or a publish (SPDX 2.3 and/or CycloneDX 1.6 JSON) from the project's restore graph,
/// into <see cref="OutputDirectory"/> under the paths the package or publish folder uses (_manifest/...), and lists
/// them in <see cref="ListFile"/> for the targets that add them to the package. Files are rewritten only when
/// their content changes. All logic lives in Standards.Sdk.Checks (Release/Sbom).
/// </summary>
public sealed class GenerateStandardsSbom : ProjectPolicyTask
{
    /// <summary>project.assets.json.</summary>
    [Required]
    public string ProjectAssetsFile { get; set; } = string.Empty;

    /// <summary>The package id (pack) or assembly name (publish).</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>The package version (pack) or version (publish).</summary>
    [Required]
    public string Version { get; set; } = string.Empty;

    /// <summary>Company.</summary>
    public string? Company { get; set; }

    /// <summary>Authors.</summary>
    public string? Authors { get; set; }

    /// <summary>PackageLicenseExpression.</summary>
    public string? License { get; set; }

    /// <summary>True for a publish of an application.</summary>
    public bool IsApplication { get; set; }

    /// <summary>The target frameworks described (';'-separated aliases).</summary>
    public string? TargetFrameworks { get; set; }

    /// <summary>The runtime identifier of a publish.</summary>
    public string? RuntimeIdentifier { get; set; }

    /// <summary>Referenced projects with their package version (metadata ProjectVersion).</summary>
    public ITaskItem[] ProjectReferences { get; set; } = [];

    /// <summary>StandardsSbomFormat: spdx, cyclonedx or both; empty for standards.json's choice (default spdx).</summary>
    public string? Format { get; set; }

    /// <summary>Where the _manifest folder is written.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The file listing what was written (one path per line: file|package path).</summary>
    [Required]
    public string ListFile { get; set; } = string.Empty;

    /// <summary>SOURCE_DATE_EPOCH, when set.</summary>
    public string? SourceDateEpoch { get; set; }

    /// <summary>The commit date of HEAD (Unix seconds), from versioning.</summary>
    public string? CommitTime { get; set; }

    /// <summary>Standards.Sdk's version, named as the SBOM's tool.</summary>
    public string? ToolVersion { get; set; }

    /// <summary>The prefix of SPDX document namespaces.</summary>
    public string? NamespaceBase { get; set; }

    /// <summary>The files written, with PackagePath metadata.</summary>
    [Output]
    public ITaskItem[] Files { get; set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var findings = new List<Finding>();
        var formats = ResolveFormats(policy.Release, findings);
        var notWritten = new List<string>();
        if (formats == SbomFormats.None || findings.Count > 0)
        {
            WriteList([], notWritten);
            return Report(findings, notWritten, policy, today);
        }

        var graph = RestoreGraph.Read(ProjectAssetsFile, ReadOrNull(ProjectAssetsFile), findings);
        if (graph is null)
        {
            WriteList([], notWritten);
            return Report(findings, notWritten, policy, today);
        }

        var supplier = !string.IsNullOrWhiteSpace(Company) ? Company! : !string.IsNullOrWhiteSpace(Authors) ? Authors! : Name;
        var subject = new SbomSubject
        {
            Name = Name,
            Version = Version,
            Supplier = supplier,
            License = string.IsNullOrWhiteSpace(License) ? null : License,
            IsApplication = IsApplication,
            TargetFrameworks = [.. (TargetFrameworks ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            RuntimeIdentifier = string.IsNullOrWhiteSpace(RuntimeIdentifier) ? null : RuntimeIdentifier,
            ProjectVersions = ProjectReferences
                .Where(p => !string.IsNullOrEmpty(p.GetMetadata("ProjectVersion")))
                .GroupBy(p => Path.GetFileNameWithoutExtension(p.ItemSpec), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().GetMetadata("ProjectVersion"), StringComparer.OrdinalIgnoreCase),
        };
        var document = SbomBuilder.Build(graph, subject, new PackageFolder(graph.PackageFolders, ReadOrNull), Timestamp(), ToolVersion ?? "0.0.0", ProjectAssetsFile, findings);

        var written = WriteDocuments(formats, document, notWritten);
        WriteList(written, notWritten);
        Files = [.. written.Select(w =>
        {
            var item = new TaskItem(w.File);
            item.SetMetadata("PackagePath", w.PackagePath);
            return (ITaskItem)item;
        })];
        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: SBOM of {0} {1} ({2} packages) written to {3}.",
            Name, Version, document.Components.Count, string.Join(", ", written.Select(w => w.File)));
        return Report(findings, notWritten, policy, today);
    }

    // STD6021 (a package without a hash) takes its severity and exceptions from standards.json (docs/rules/STD6021.md);
    // the SBOM's inputs cache records today's date, so an exception that expires makes the SBOM again.
    private bool Report(List<Finding> findings, List<string> notWritten, StandardsPolicy policy, DateOnly today)
    {
        if (notWritten.Count > 0)
        {
            findings.Add(NotWritten(notWritten, $"the SBOM of {Name} {Version}, which the package or publish folder must carry", IntermediateFolderFix, OutputDirectory));
        }

        return LogFindings(policy, today, findings, ReleaseRuleIds.SbomHashMissing);
    }

    private SbomFormats ResolveFormats(ReleaseSettings release, List<Finding> findings)
    {
        if (string.IsNullOrWhiteSpace(Format) && !release.SbomEnabled)
        {
            return SbomFormats.None;
        }

        var word = string.IsNullOrWhiteSpace(Format) ? release.SbomFormat ?? "spdx" : Format!.Trim();
        switch (word.ToLowerInvariant())
        {
            case "spdx":
                return SbomFormats.Spdx;
            case "cyclonedx":
                return SbomFormats.CycloneDx;
            case "both":
                return SbomFormats.Spdx | SbomFormats.CycloneDx;
            default:
                var where = LocateProperty("StandardsSbomFormat");
                findings.Add(new Finding(ReleaseRuleIds.SbomSetting, Severity.Error,
                    $"StandardsSbomFormat is '{word}'; it must be spdx, cyclonedx or both.", where.File, where.Line));
                return SbomFormats.None;
        }
    }

    /// <summary>SOURCE_DATE_EPOCH, else the commit date, else now (then the file is not reproducible, and the log says so).</summary>
    private DateTimeOffset Timestamp()
    {
        foreach (var candidate in new[] { SourceDateEpoch, CommitTime })
        {
            if (long.TryParse(candidate, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: neither SOURCE_DATE_EPOCH nor a git commit date is available; the SBOM timestamp is the current time, so rebuilding it gives a different file.");
        return DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    // A file that could not be written is not listed, so the package or publish folder never carries a stale SBOM.
    private List<(string File, string PackagePath)> WriteDocuments(SbomFormats formats, SbomDocument document, List<string> notWritten)
    {
        var written = new List<(string File, string PackagePath)>();
        if (formats.HasFlag(SbomFormats.Spdx) && Write(SbomWriters.SpdxPath, SbomWriters.Spdx(document, string.IsNullOrWhiteSpace(NamespaceBase) ? "https://spdx.org/spdxdocs/standards-sdk" : NamespaceBase!), notWritten) is { } spdx)
        {
            written.Add(spdx);
        }

        if (formats.HasFlag(SbomFormats.CycloneDx) && Write(SbomWriters.CycloneDxPath, SbomWriters.CycloneDx(document), notWritten) is { } cycloneDx)
        {
            written.Add(cycloneDx);
        }

        return written;
    }

    private (string File, string PackagePath)? Write(string relative, string content, List<string> notWritten)
    {
        var file = Path.GetFullPath(Path.Combine(OutputDirectory, relative));
        var before = notWritten.Count;
        StateWriter.TryWriteIfChanged(file, content, notWritten);
        return notWritten.Count == before ? (file, relative[..(relative.LastIndexOf('/') + 1)]) : null;
    }

    private void WriteList(List<(string File, string PackagePath)> written, List<string> notWritten) =>
        StateWriter.TryWriteIfChanged(ListFile, string.Concat(written.Select(w => $"{w.File}|{w.PackagePath}\n")), notWritten);
}
