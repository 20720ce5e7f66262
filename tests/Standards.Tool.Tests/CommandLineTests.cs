using Standards.Adoption;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

public class CommandLineTests
{
    [Fact]
    public void Adopt_options_parse()
    {
        var options = CommandLine.ParseAdopt(["repo", "--dry-run", "--allow-dirty", "--sdk-version", "1.2.3"]);
        Assert.Equal(new AdoptOptions("repo", "1.2.3", DryRun: true, AllowDirty: true), options);
        Assert.Equal(CommandLine.ToolVersion, CommandLine.ParseAdopt([]).SdkVersion);
        Assert.Equal(".", CommandLine.ParseAdopt([]).Path);
    }

    [Theory]
    [InlineData("adopt", "--force")]
    [InlineData("adopt", "--sdk-version")]
    [InlineData("adopt", "a", "b")]
    [InlineData("publish")]
    [InlineData("survey", "--dry-run")]
    [InlineData("survey", "-v", "loud")]
    [InlineData("adopt", "--format", "xml")]
    [InlineData]
    public void A_wrong_command_line_is_STD7508_and_exit_code_2(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(args, output, error, new ProcessCommandRunner()));
        Assert.StartsWith("error STD7508:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--help`.", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("adopt --dyr-run", "error STD7508: Unrecognized command or argument '--dyr-run'. Did you mean '--dry-run'? See `dotnet standards adopt --help`.")]
    [InlineData("survey --chek", "error STD7508: Unrecognized command or argument '--chek'. Did you mean '--check'? See `dotnet standards survey --help`.")]
    [InlineData("adpot", "error STD7508: Unrecognized command or argument 'adpot'. Did you mean 'adopt'? See `dotnet standards --help`.")]
    [InlineData("survey --verbostiy q", "error STD7508: Unrecognized command or argument '--verbostiy'. Did you mean '--verbosity'? See `dotnet standards survey --help`.")]
    public void A_typo_names_the_closest_command_or_option(string line, string expected)
    {
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(line.Split(' '), TextWriter.Null, error, new ProcessCommandRunner()));
        Assert.Contains(expected + " See https://", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_starting_with_at_is_a_value_not_a_response_file()
    {
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["adopt", "@team"], TextWriter.Null, error, new ProcessCommandRunner()));
        Assert.StartsWith("error STD7508: @team is not a folder.", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", "dotnet standards [command] [options]", "dotnet standards survey --check")]
    [InlineData("-h", "dotnet standards [command] [options]", "dotnet standards adopt --dry-run")]
    [InlineData("adopt --help", "dotnet standards adopt [<path>] [options]", "dotnet standards adopt path/to/repo --sdk-version 1.2.0")]
    [InlineData("adopt -h", "--allow-dirty", "--dry-run")]
    [InlineData("survey --help", "dotnet standards survey [<path>] [options]", "dotnet standards survey --check --format json")]
    [InlineData("survey -?", "-o, --output <folder>", "--check")]
    public void Help_on_every_command_shows_usage_options_defaults_and_examples(string line, string usage, string example)
    {
        var output = new StringWriter();
        Assert.Equal(0, CommandLine.Run(line.Split(' '), output, TextWriter.Null, new ProcessCommandRunner()));
        var text = output.ToString();
        Assert.Contains(usage, text, StringComparison.Ordinal);
        Assert.Contains(example, text, StringComparison.Ordinal);
        Assert.Contains("-v, --verbosity <level>", text, StringComparison.Ordinal);
        Assert.Contains("[default: normal]", text, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 success, 1 findings (see the command), 2 usage or input error, 130 cancelled.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("testhost", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_the_tool_version()
    {
        var output = new StringWriter();
        Assert.Equal(0, CommandLine.Run(["--version"], output, TextWriter.Null, new ProcessCommandRunner()));
        Assert.Equal(CommandLine.ToolVersion, output.ToString().Trim());
    }

    [Fact]
    public void A_missing_folder_is_STD7508()
    {
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["adopt", "/no/such/folder"], TextWriter.Null, error, new ProcessCommandRunner()));
        Assert.Contains("error STD7508: /no/such/folder is not a folder", error.ToString(), StringComparison.Ordinal);
    }
}
