using Standards.Adoption;
using Standards.Sdk.Testing;
using Standards.Tool.Commands.Report;

namespace Standards.Tool.Tests.Fleet;

/// <summary>
/// The fleet page opened from a crafted link: whatever the URL hash holds (a selector breaker, a bad % escape, a
/// prototype name, markup), the page's script still runs and shows every repo; nothing from the hash reaches the markup.
/// </summary>
/// <remarks>Full tier only (Tier=Full): it needs Chromium from eng/setup.sh.</remarks>
[Collection(nameof(ReportCommandTests))]
[Trait("Tier", "Full")]
public sealed class FleetHostileHashTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string page;

    public FleetHostileHashTests()
    {
        ReportCommand.Today = () => FleetSamples.Today;
        var builds = ReportCommandTests.WriteFleet(folder.Path, 3);
        var output = Path.Combine(folder.Path, "out");
        Assert.Equal(0, CommandLine.Run(["report", builds, "-o", output], TextWriter.Null, TextWriter.Null, new ProcessCommandRunner()));
        page = new Uri(Path.Combine(output, "index.html")).AbsoluteUri;
    }

    public void Dispose()
    {
        ReportCommand.Today = () => DateOnly.FromDateTime(DateTime.UtcNow);
        folder.Dispose();
    }

    [Theory]
    [InlineData("#sort=%22%5D%20x")]
    [InlineData("#sort=\"]")]
    [InlineData("#q=%E0%A4%A")]
    [InlineData("#q=%")]
    [InlineData("#constructor=1&__proto__=x&toString=1&hasOwnProperty=1")]
    [InlineData("#status=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")]
    [InlineData("#dir=%3Cb%3E&status=ok%22")]
    public void A_crafted_hash_leaves_the_script_running_with_every_repo_shown(string hash)
    {
        var dom = HeadlessChromium.DumpDom(page + hash);

        Assert.Contains("3 of 3 repos shown", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", dom, StringComparison.Ordinal);
        Assert.Contains("data-key=\"repo\" aria-sort=\"ascending\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_part_of_a_crafted_hash_still_applies()
    {
        var dom = HeadlessChromium.DumpDom(page + "#q=%&sort=coverage&dir=desc");

        Assert.Contains("data-key=\"coverage\" aria-sort=\"descending\"", dom, StringComparison.Ordinal);
        Assert.Contains("3 of 3 repos shown", dom, StringComparison.Ordinal);
    }
}
