using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>A project's inputs caches: what each records, that an unchanged cache is not rewritten, and an unwritable one.</summary>
public sealed class InputsCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("standards-inputs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IReadOnlyDictionary<string, string> Hashes(IEnumerable<string> files) =>
        files.ToDictionary(f => f, f => "h" + Path.GetFileName(f), StringComparer.Ordinal);

    private InputsCacheRequest Request(params InputsCacheSection[] sections) =>
        new(["tasks=1", "today=2026-11-22 override="], [Path.Combine(_root, "standards.json")], sections, "Make obj/ writable.");

    [Fact]
    public void Each_cache_holds_the_header_its_lines_and_the_hash_of_every_file_common_ones_first()
    {
        var policy = Path.Combine(_root, "obj", "policy.cache");
        var lockFile = Path.Combine(_root, "packages.lock.json");
        var hashed = new List<string>();

        var finding = InputsCache.Write(
            Request(new InputsCacheSection(policy, ["setting=1"], [lockFile, Path.Combine(_root, "standards.json")])),
            files => { var list = files.ToList(); hashed.AddRange(list); return Hashes(list); });

        Assert.Null(finding);
        Assert.Equal(
            $"tasks=1\ntoday=2026-11-22 override=\nsetting=1\ncontent=hstandards.json {_root}/standards.json\ncontent=hpackages.lock.json {lockFile}\n",
            File.ReadAllText(policy).Replace('\\', '/'));
        Assert.Equal(2, hashed.Count);
    }

    [Fact]
    public void An_unchanged_cache_is_not_rewritten()
    {
        var cache = Path.Combine(_root, "obj", "sizes.cache");
        var section = new InputsCacheSection(cache, ["size=1"], []);
        InputsCache.Write(Request(section), Hashes);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(cache, written);

        InputsCache.Write(Request(section), Hashes);
        Assert.Equal(written, File.GetLastWriteTimeUtc(cache));

        InputsCache.Write(Request(section with { Lines = ["size=2"] }), Hashes);
        Assert.NotEqual(written, File.GetLastWriteTimeUtc(cache));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_is_STD0008_with_the_fix()
    {
        var blocked = Path.Combine(_root, "blocked");
        File.WriteAllText(blocked, "a file where the folder should be");
        var cache = Path.Combine(blocked, "policy.cache");

        var finding = InputsCache.Write(Request(new InputsCacheSection(cache, [], [])), Hashes);

        Assert.NotNull(finding);
        Assert.Equal(PolicyRuleIds.StateNotWritable, finding.Code);
        Assert.Equal(cache, finding.File);
        Assert.EndsWith(": the record of what its checks read. Make obj/ writable.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_cache_records_the_compiler_inputs_and_leaves_out_the_generated_config()
    {
        var generated = Path.Combine(_root, "obj", "Standards.globalconfig");
        var editorconfig = Path.Combine(_root, ".editorconfig");
        var compiler = new PolicyCompilerInputs(["/src/A.cs"], [generated, editorconfig], ["Analyzer"], ["/src/x.txt"]);

        var section = InputsCache.PolicySection("policy.cache", "a=1\nb=2", compiler, [editorconfig, generated], generated);

        Assert.Equal(["a=1 b=2", "compile=/src/A.cs", $"analyzerconfig={generated}", $"analyzerconfig={editorconfig}", "analyzer=Analyzer", "additional=/src/x.txt"], section.Lines);
        Assert.Equal([editorconfig], section.ContentFiles);
    }
}
