using System.Text.Json.Nodes;
using Standards.Adoption;

namespace Standards.Tool.Tests;

/// <summary>
/// `--format json` is one JSON document on standard output for every outcome of every command (docs/cli.md): a
/// coded input error and a usage error included, each with its code.
/// </summary>
public sealed class JsonOutcomeTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "no-such-repo-" + Guid.NewGuid().ToString("N"));

    private static (int Exit, JsonNode Document) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = CommandLine.Run(args, output, TextWriter.Null, new ProcessCommandRunner());
        return (exit, JsonNode.Parse(output.ToString())!);
    }

    [Theory]
    [InlineData("adopt")]
    [InlineData("survey")]
    [InlineData("upgrade")]
    [InlineData("update")]
    public void A_path_that_is_not_a_folder_is_one_error_document_with_its_code(string command)
    {
        var (exit, document) = Run(command, Missing, "--format", "json");
        Assert.Equal((2, "error", command, "STD7508"), (exit, (string?)document["status"], (string?)document["command"], (string?)document["error"]!["code"]));
    }

    [Fact]
    public void A_report_without_inputs_is_one_error_document_with_its_code()
    {
        var (exit, document) = Run("report", "-o", Missing, "--format", "json");
        Assert.Equal((2, "error", "report", "STD7508"), (exit, (string?)document["status"], (string?)document["command"], (string?)document["error"]!["code"]));
    }

    [Theory]
    [InlineData("adopt")]
    [InlineData("survey")]
    [InlineData("upgrade")]
    [InlineData("update")]
    [InlineData("report")]
    public void A_usage_error_is_one_error_document_with_its_code(string command)
    {
        var (exit, document) = Run(command, "--no-such-option", "--format", "json");
        Assert.Equal((2, "error", "STD7508"), (exit, (string?)document["status"], (string?)document["error"]!["code"]));
    }
}
