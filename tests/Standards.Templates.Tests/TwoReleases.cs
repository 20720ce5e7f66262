using System.Text;
using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// Two releases of Standards.Sdk, Standards.Tool and Standards.Templates in one feed: the run's pack (A) and a
/// second one (B, a higher version) packed once per run (the collection <see cref="TwoReleasesCollectionDefinition"/>) from a temporary copy of the sources with a real rule
/// change (STD1001's default limit lowered from 50 to <see cref="StricterMaxLines"/> lines, in the declaration and in
/// the catalog the package ships) and a real template change (SECURITY.md: a changed line and a new one;
/// docs/design/TEMPLATE.md: a changed line).
/// </summary>
public sealed class TwoReleases
{
    /// <summary>STD1001's default limit in release B.</summary>
    public const int StricterMaxLines = 5;

    /// <summary>SECURITY.md's line that B changes, as A has it.</summary>
    public const string AcknowledgementA = "You get an acknowledgement within 2 working days";

    /// <summary>That line as B has it.</summary>
    public const string AcknowledgementB = "You get an acknowledgement within 1 working day";

    /// <summary>The line B adds to SECURITY.md.</summary>
    public const string AddedLine = "Security fixes are announced in CHANGELOG.md under Security.";

    /// <summary>docs/design/TEMPLATE.md's line that B changes, as A has it.</summary>
    public const string CopyLineA = "Copy this file to `docs/design/<kebab-case-title>.md` and open it as a pull request.";

    /// <summary>That line as B has it.</summary>
    public const string CopyLineB = "Copy this file to `docs/design/<yyyy>-<kebab-case-title>.md` and open it as a pull request.";

    private const string SecurityMd = "templates/content/_shared/repo/SECURITY.md";
    private const string DesignTemplateMd = "templates/content/_shared/repo/docs/design/TEMPLATE.md";
    private const string SupportedLine = "Only the latest release and the `main` branch receive security fixes.\n";

    /// <summary>
    /// Packs release B into a feed that also holds release A, once per version of A: the feed is a fixed folder named
    /// after A's version, so a run that reuses A's pack (STANDARDS_TEST_FEED and STANDARDS_TEST_VERSION) reuses B's
    /// too when all three packages of B are there.
    /// </summary>
    public TwoReleases()
    {
        A = PackedSdk.Instance;
        VersionB = A.Version + ".1";
        Feed = Path.Combine(Path.GetTempPath(), "standards-tests", "feed-two-releases-" + A.Version);
        if (!IsPacked(Feed, VersionB))
        {
            PackB();
        }

        foreach (var package in Directory.EnumerateFiles(A.Feed, $"Standards.*.{A.Version}.nupkg"))
        {
            File.Copy(package, Path.Combine(Feed, Path.GetFileName(package)), overwrite: true);
        }
    }

    /// <summary>Release A: the run's pack.</summary>
    public PackedSdk A { get; }

    /// <summary>Release B's version, higher than A's.</summary>
    public string VersionB { get; }

    /// <summary>A feed serving both releases.</summary>
    public string Feed { get; }

    /// <summary>True when <paramref name="feed"/> holds Standards.Sdk, Standards.Tool and Standards.Templates of <paramref name="version"/>.</summary>
    private static bool IsPacked(string feed, string version) =>
        new[] { "Standards.Sdk", "Standards.Tool", "Standards.Templates" }.All(id => File.Exists(Path.Combine(feed, $"{id}.{version}.nupkg")));

    /// <summary>Release B packed from a changed copy of the sources into <see cref="Feed"/>, emptied first.</summary>
    private void PackB()
    {
        if (Directory.Exists(Feed))
        {
            Directory.Delete(Feed, recursive: true);
        }

        Directory.CreateDirectory(Feed);
        var sources = PackedSdk.NewTempDirectory("sources-b");
        try
        {
            CopySources(sources);
            ChangeRule(sources);
            ChangeTemplates(sources);
            ProcessRunner.Run(
                    "bash",
                    ["-c", "source eng/common.sh && pack_all \"$1\" \"$2\"", "pack", Feed, VersionB],
                    sources,
                    new Dictionary<string, string?> { ["UseSharedCompilation"] = "true" },
                    TimeSpan.FromMinutes(40))
                .EnsureSuccess($"Packing release {VersionB} from the changed copy of the sources");
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }

    /// <summary>Replaces <paramref name="from"/> (which must occur once) in a file of the copy.</summary>
    private static void Replace(string root, string file, string from, string to, int startAt = 0)
    {
        var path = Path.Combine(root, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, startAt, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} no longer has '{from}': the release B change of this test must be updated.");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)), new UTF8Encoding(false));
    }

    /// <summary>Every file git knows of in the working tree, as it is on disk, committed in a fresh repo (the pack reads git).</summary>
    private static void CopySources(string target)
    {
        var files = ProcessRunner.Run("git", ["ls-files", "-z"], RepoPaths.Root).EnsureSuccess("git ls-files").Output
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files.Where(f => File.Exists(Path.Combine(RepoPaths.Root, f))))
        {
            var copy = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(RepoPaths.Root, file), copy);
        }

        GeneratedRepo.Git(target, "init", "-q", "-b", "main");
        GeneratedRepo.Git(target, "add", "-A");
        GeneratedRepo.Git(target, "commit", "-q", "-m", "Release B");
    }

    /// <summary>STD1001's default limit lowered, in its declaration (what the analyzer uses) and in the shipped catalog.</summary>
    private static void ChangeRule(string root)
    {
        Replace(root, "src/Standards.Sdk.Checks/Rules/StandardsAnalyzerRules.cs", "\"maxLines\", 50,", $"\"maxLines\", {StricterMaxLines},");
        var catalog = File.ReadAllText(Path.Combine(root, "sdk/catalog/rules.json"));
        Replace(root, "sdk/catalog/rules.json", "\"default\": \"50\"", $"\"default\": \"{StricterMaxLines}\"", catalog.IndexOf("\"id\": \"STD1001\"", StringComparison.Ordinal));
    }

    private static void ChangeTemplates(string root)
    {
        Replace(root, SecurityMd, AcknowledgementA, AcknowledgementB);
        Replace(root, SecurityMd, SupportedLine, SupportedLine + AddedLine + "\n");
        Replace(root, DesignTemplateMd, CopyLineA, CopyLineB);
    }
}

/// <summary>The test classes that use <see cref="TwoReleases"/>: one instance, packed once, its classes one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class TwoReleasesCollectionDefinition : ICollectionFixture<TwoReleases>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Two releases";
}
