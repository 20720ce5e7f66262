using System.Text;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>
/// The inputs-cache write compares a cache's bytes with the text it would write, not its text read back. Only
/// the exact bytes File.WriteAllText writes count as holding the text: anything else is written again, so a cache can
/// never keep an older content and let a check skip.
/// </summary>
public sealed class StateFileTextTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "standards-tests", "state-file-" + Guid.NewGuid().ToString("N"));

    public StateFileTextTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("tasks=1\ntoday=2026-11-25 override=\n")]
    [InlineData("compile=/repo/src/Ünïcödé/Straße.cs\ncontent=ABC /repo/standards.json\n")]
    public void A_file_written_with_the_text_holds_it(string text)
    {
        var path = Write(text);
        Assert.True(StateFileText.Holds(path, text));
    }

    [Theory]
    [InlineData("tasks=1\nline\n", "tasks=1\nlinf\n")]      // same length, one byte differs
    [InlineData("tasks=1\nline\n", "tasks=1\nline")]        // shorter
    [InlineData("tasks=1\nline\n", "tasks=1\nline\n\n")]    // longer
    [InlineData("a=ß\n", "a=ss\n")]                         // same characters count, other bytes
    [InlineData("", "x")]
    public void A_file_with_any_other_bytes_does_not_hold_the_text(string written, string text)
    {
        var path = Write(written);
        Assert.False(StateFileText.Holds(path, text));
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_does_not_hold_the_text_and_is_written_again()
    {
        var path = Path.Combine(folder, "bom.inputs");
        File.WriteAllText(path, "tasks=1\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.False(StateFileText.Holds(path, "tasks=1\n"));
    }

    [Fact]
    public void A_missing_file_or_folder_does_not_hold_any_text()
    {
        Assert.False(StateFileText.Holds(Path.Combine(folder, "missing.inputs"), string.Empty));
        Assert.False(StateFileText.Holds(Path.Combine(folder, "no-such-folder", "missing.inputs"), "tasks=1\n"));
    }

    [Fact]
    public void A_folder_where_the_file_should_be_does_not_hold_the_text()
    {
        var path = Path.Combine(folder, "a-folder.inputs");
        Directory.CreateDirectory(path);
        Assert.False(StateFileText.Holds(path, string.Empty));
    }

    [Fact]
    public void A_text_longer_than_a_pooled_buffer_is_compared_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"compile=/repo/src/File{i}.cs\n"));
        var path = Write(text);
        Assert.True(StateFileText.Holds(path, text));
        Assert.False(StateFileText.Holds(path, text[..^2] + "x\n"));
    }

    private string Write(string text)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".inputs");
        File.WriteAllText(path, text);
        return path;
    }
}
