namespace Standards.Sdk.IntegrationTests.Harness;

/// <summary>
/// The harness runs MSBuild commands on one node unless a test names a node count
/// (<see cref="DotnetCommand.OnOneNodeUnlessAsked"/>): a test that asks for <c>-m:2</c> must get two nodes, and
/// dotnet test and the tool must get their arguments unchanged.
/// </summary>
public sealed class NodeCountTests
{
    [Theory]
    [InlineData("build")]
    [InlineData("build x.sln -v:n")]
    [InlineData("pack -c Release")]
    [InlineData("msbuild -t:Restore")]
    [InlineData("restore")]
    [InlineData("publish")]
    [InlineData("clean")]
    public void An_msbuild_command_without_a_node_count_runs_on_one_node(string command) =>
        Assert.Equal([.. command.Split(' '), "-m:1"], DotnetCommand.OnOneNodeUnlessAsked(command.Split(' ')));

    [Theory]
    [InlineData("build -m:2")]
    [InlineData("build -m")]
    [InlineData("build /m:4")]
    [InlineData("build -maxcpucount:2")]
    [InlineData("build --maxcpucount")]
    [InlineData("build -M:2")]
    [InlineData("build -graph -isolate -m:2")]
    [InlineData("test")]
    [InlineData("test --no-build")]
    [InlineData("standards adopt")]
    [InlineData("new std-lib")]
    public void A_named_node_count_dotnet_test_and_other_commands_are_left_as_they_are(string command) =>
        Assert.Equal(command.Split(' '), DotnetCommand.OnOneNodeUnlessAsked(command.Split(' ')));

    [Fact]
    public void The_switch_goes_before_what_belongs_to_the_application() =>
        Assert.Equal(["build", "-c", "Release", "-m:1", "--", "-m"], DotnetCommand.OnOneNodeUnlessAsked(["build", "-c", "Release", "--", "-m"]));

    [Fact]
    public void No_arguments_stay_none() => Assert.Empty(DotnetCommand.OnOneNodeUnlessAsked([]));
}
