namespace Standards.Tool.Tests;

/// <summary>What `--help` tells a user who has the tool and not the repo: every command, and docs they can open.</summary>
public class HelpTextTests
{
    private static string Help(params string[] args)
    {
        var output = new StringWriter();
        Assert.Equal(0, CommandLine.Run([.. args, "--help"], output, TextWriter.Null, new Standards.Adoption.ProcessCommandRunner()));
        return output.ToString();
    }

    [Fact]
    public void The_root_help_describes_each_of_the_five_commands_in_one_line()
    {
        var help = Help();
        var description = help[..help.IndexOf("Usage:", StringComparison.Ordinal)];
        foreach (var command in new[] { "adopt", "survey", "upgrade", "update", "report" })
        {
            Assert.Single(description.Split('\n'), line => line.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData]
    [InlineData("adopt")]
    [InlineData("survey")]
    [InlineData("upgrade")]
    [InlineData("update")]
    [InlineData("report")]
    public void Help_points_to_the_docs_online_not_to_a_path_of_the_repo(params string[] command)
    {
        var help = Help(command);
        Assert.DoesNotContain("docs/cli.md", help.Replace(CommandLine.DocsUrl, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Docs: https://", help, StringComparison.Ordinal);
        Assert.EndsWith("/docs/cli.md", CommandLine.DocsUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_help_names_the_template_options_instead_of_the_parsers_default_text()
    {
        var help = Help("update");
        Assert.DoesNotContain("Arguments passed to the application that is being run", help, StringComparison.Ordinal);
        Assert.DoesNotContain("<additional arguments>", help, StringComparison.Ordinal);
        Assert.Contains("Template options (with --init):", help, StringComparison.Ordinal);
    }
}
