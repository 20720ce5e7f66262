using Standards.Sdk.Checks.Release.Versioning;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>
/// The fast slice of the Nerdbank.GitVersioning comparison: one history (a version.json per step, two commits each),
/// with the answers NBGV 3.10.94's GetBuildVersion target gave for the same history (the parts that depend on the
/// commit id written as {id10} and {bits}, the id's first 16 bits). The integration tests' NerdbankDifferentialTests
/// recompute such answers with the real package. Differences are the ones docs/release.md lists, asserted as exactly those.
/// </summary>
public sealed class NerdbankAnswersTests : IDisposable
{
    private readonly ScriptedGitRepo repo = ScriptedGitRepo.Init();

    public NerdbankAnswersTests() => VersionEngine.ClearCaches();

    public void Dispose() => repo.Dispose();

    // version.json; NBGV's NuGetPackageVersion, AssemblyFileVersion, BuildVersion, AssemblyInformationalVersion,
    // AssemblyVersion, GitVersionHeight at the step's second commit (not a public release).
    private static readonly (string Version, string[] Nbgv)[] Steps =
    [
        ("1.2.3-beta.{height}", ["1.2.3-beta-0002-g{id10}", "1.2.3", "1.2.3", "1.2.3-beta.2+{id10}", "1.2.0.0", "2"]),
        ("1.2.3.4", ["1.2.3-g{id10}", "1.2.3.4", "1.2.3.4", "1.2.3+{id10}", "1.2.0.0", "0"]),
        ("1.2", ["1.2.2-g{id10}", "1.2.2.{bits}", "1.2.2.{bits}", "1.2.2+{id10}", "1.2.0.0", "2"]),
        ("1.2-beta", ["1.2.4-beta-g{id10}", "1.2.4.{bits}", "1.2.4.{bits}", "1.2.4-beta+{id10}", "1.2.0.0", "4"]),
        ("1.2.3", ["1.2.3-g{id10}", "1.2.3.2", "1.2.3.2", "1.2.3.2+{id10}", "1.2.0.0", "2"]),
    ];

    private static readonly string[] Names = ["NuGetPackageVersion", "AssemblyFileVersion", "BuildVersion", "AssemblyInformationalVersion", "AssemblyVersion", "GitVersionHeight"];

    [Fact]
    public void Every_version_property_equals_nerdbank_gitversionings_answer_except_the_documented_differences()
    {
        var differences = new List<string>();
        var step = 0;
        foreach (var (version, nbgv) in Steps)
        {
            repo.CommitFile("version.json", $$"""{ "version": "{{version}}" }""");
            repo.CommitFile("step.txt", $"{step++}\n");
            var head = repo.Head;
            var computed = VersionEngine.Compute(new VersionRequest { ProjectDirectory = repo.Root, PublicReleaseOverride = false }).Version!;
            string[] ours = [computed.NuGetPackageVersion, computed.FileVersion, computed.BuildVersion, computed.InformationalVersion, computed.AssemblyVersion, computed.VersionHeight.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            var bits = Math.Min(0xFFFE, Convert.ToInt32(head[..4], 16)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < Names.Length; i++)
            {
                var expected = nbgv[i].Replace("{id10}", head[..10], StringComparison.Ordinal).Replace("{bits}", bits, StringComparison.Ordinal);
                if (ours[i] != expected)
                {
                    differences.Add($"{version} {Names[i]}: ours {ours[i].Replace(head[..10], "{id10}", StringComparison.Ordinal)}, NBGV {nbgv[i]}");
                }
            }
        }

        Assert.Equal(Array.Empty<string>(), differences);
    }
}
