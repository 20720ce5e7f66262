using Standards.Adoption;

namespace Standards.Tool.Tests;

public class CommandLineTests
{
    [Fact]
    public void Adopt_options_parse()
    {
        var options = CommandLine.ParseAdopt(["repo", "--dry-run", "--allow-dirty", "--sdk-version", "1.2.3"]);
        Assert.Equal(new AdoptOptions("repo", "1.2.3", DryRun: true, AllowDirty: true), options);
        Assert.Equal(CommandLine.ToolVersion, CommandLine.ParseAdopt([]).SdkVersion);
    }

    [Theory]
    [InlineData("adopt", "--force")]
    [InlineData("adopt", "--sdk-version")]
    [InlineData("adopt", "a", "b")]
    [InlineData("publish")]
    public void A_wrong_command_line_is_STD7508_and_exit_code_2(params string[] args)
    {
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(args, TextWriter.Null, error, new ProcessCommandRunner()));
        Assert.Contains("error STD7508:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_STD7508()
    {
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["adopt", "/no/such/folder"], TextWriter.Null, error, new ProcessCommandRunner()));
        Assert.Contains("error STD7508: /no/such/folder is not a folder", error.ToString(), StringComparison.Ordinal);
    }
}
