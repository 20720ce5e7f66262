using CsCheck;
using Standards.Adoption;
using Standards.Sdk.Checks.Tests.Properties;

namespace Standards.Tool.Tests.Properties;

/// <summary>
/// The tool reads standards-code-baseline.json strictly (adopt, upgrade): whatever the file holds, the result is its
/// entries or STD7504 naming the file and a line, never another exception, never a hang; what the tool writes reads
/// back as the same entries.
/// </summary>
public sealed class CodeBaselineDocumentProperties
{
    private static readonly string[] Keys = ["version", "diagnostics", "id", "file", "hash", "reason", "expires", "$comment"];

    private const string Skeleton = """
        {
          "version": §,
          "diagnostics": [
            { "id": §, "file": §, "hash": §, "reason": §, "expires": § },
            { "id": "CS0618", "file": "", "hash": "" }
          ]
        }
        """;

    private static readonly string[] Valid = ["1", "\"CA1502\"", "\"src/A.cs\"", "\"3f2a\"", "\"1.4.0 -> 1.5.0\"", "\"2027-01-01\""];

    [Fact]
    public void Random_files_are_entries_or_STD7504_with_the_file_and_a_line() =>
        HostileJson.Document(Keys).Sample(AssertTotal, iter: 300, threads: 1);

    [Fact]
    public void Hostile_values_in_a_valid_file_are_entries_or_STD7504_with_the_file_and_a_line() =>
        HostileJson.Skeleton(Skeleton, Keys, Valid).Sample(AssertTotal, iter: 300, threads: 1);

    [Fact]
    public void What_the_tool_writes_reads_back_as_the_same_entries() =>
        Gen.Select(Gen.OneOf("CA1502", "CS0618", "IDE0005", "STD1001", "CA2000"), Text, Text, Gen.OneOf<string?>(Gen.Const((string?)null), Text.Select(t => (string?)t)), Gen.OneOf<DateOnly?>(Gen.Const((DateOnly?)null), Gen.DateOnly.Select(d => (DateOnly?)d)))
            .Select((id, file, hash, reason, expires) => new CodeEntry(id, file, hash, reason, expires))
            .Array[0, 6]
            .Sample(entries =>
            {
                var read = CodeBaselineDocument.Read(CodeBaselineDocument.Write(entries));
                var expected = entries.Distinct().OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Hash, StringComparer.Ordinal).ToList();
                Assert.Equal(expected.Select(e => (e.Id, e.File, e.Hash, e.Reason, e.Expires)), read.Select(e => (e.Id, e.File, e.Hash, e.Reason, e.Expires)));
            }, iter: 200, threads: 1);

    [Theory]
    [InlineData(10_000, false)]
    [InlineData(10_000, true)]
    public void Nesting_ten_thousand_levels_deep_is_STD7504(int depth, bool objects)
    {
        var error = Assert.Throws<ToolException>(() => CodeBaselineDocument.Read("{\"version\": 1, \"diagnostics\": " + HostileJson.Nest(depth, objects, closed: true) + "}"));
        Assert.Equal(("STD7504", CodeBaselineDocument.FileName, 1), (error.Code, error.File, error.Line));
    }

    /// <summary>Strings the tool can be given to write: any text, the hostile ones, but whole characters (a lone surrogate is no file's text).</summary>
    private static Gen<string> Text { get; } = Gen.OneOf<string>(Gen.OneOf(HostileJson.Strings), Gen.String).Where(s => !s.Any(char.IsSurrogate) || s == "\ud83d\ude00");

    private static void AssertTotal(string text)
    {
        try
        {
            var entries = CodeBaselineDocument.Read(text);
            Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Id)));
        }
        catch (ToolException error)
        {
            Assert.Equal(("STD7504", CodeBaselineDocument.FileName), (error.Code, error.File));
            Assert.True(error.Line >= 1, $"STD7504 without a line: {error.Message}");
            HostileJson.AssertShown(error.Message);
        }
    }
}
