using Standards.Adoption;
using Standards.Adoption.Update;
using Standards.Tool.Commands;
using Standards.Tool.Commands.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>The update command line: its usage errors and coded input errors, exit codes and what it prints.</summary>
public sealed class UpdateCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-update-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public UpdateCommandTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(["update", .. args], output, error, new ProcessCommandRunner());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Updating_a_repo_without_a_record_is_STD7530_with_the_way_to_record_it()
    {
        var (exit, _, error) = Run(root);
        Assert.Equal(2, exit);
        Assert.Contains("STD7530", error, StringComparison.Ordinal);
        Assert.Contains("dotnet standards update --init --template", error, StringComparison.Ordinal);
    }

    /// <summary>An adopted repo has no template record: the fleet's `update --check` job passes on it and says why.</summary>
    [Theory]
    [InlineData("--check")]
    [InlineData("--dry-run")]
    public void A_read_only_run_on_a_repo_without_a_record_has_nothing_to_update(string mode)
    {
        var (exit, output, error) = Run(root, mode);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("nothing to update", output, StringComparison.Ordinal);
        Assert.Contains("update --init", output, StringComparison.Ordinal);

        var (jsonExit, json, _) = Run(root, mode, "--format", "json");
        var document = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal((0, "ok", false, false), (jsonExit, (string?)document["status"], (bool?)document["result"]!["recorded"], (bool?)document["result"]!["behind"]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public void A_malformed_record_is_STD7531_with_file_and_line()
    {
        Directory.CreateDirectory(Path.Combine(root, ".standards"));
        File.WriteAllText(Path.Combine(root, TemplateRecord.FileName), "{\n  \"formatVersion\": 1,\n  \"template\": 3\n}\n");
        var (exit, _, error) = Run(root);
        Assert.Equal(2, exit);
        Assert.Contains(".standards/template-record.json(3", error, StringComparison.Ordinal);
        Assert.Contains("STD7531", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_takes_the_template_options_that_follow_it_even_without_a_path()
    {
        var commands = new CommandTree();
        var parse = commands.Root(ToolConsole.Redirected(TextWriter.Null, TextWriter.Null, new ProcessCommandRunner()))
            .Parse(["update", "--init", "--template", "std-lib", "--from", "1.0.0", "--name=Acme.Text", "--ci", "none"]);
        var request = commands.Update.UpdateRequest(parse);
        Assert.Empty(parse.Errors);
        Assert.Equal((".", true, "std-lib", "1.0.0"), (request.Options.Path, request.Init, request.Template, request.From));
        Assert.Equal(["--name=Acme.Text", "--ci", "none"], request.TemplateOptions);
    }

    /// <summary>update merges the template and keeps the SDK pin; its JSON says which pin it kept and which command moves it.</summary>
    [Fact]
    public void The_json_names_the_sdk_pin_kept_and_the_upgrade_that_moves_it()
    {
        foreach (var (path, text) in TemplateUpdaterTests.Versions["3.0.0"])
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text.Replace("{sdk}", "3.0.0", StringComparison.Ordinal));
        }

        Directory.CreateDirectory(Path.Combine(root, ".standards"));
        File.WriteAllText(Path.Combine(root, TemplateRecord.FileName), TemplateUpdaterTests.Record.Replace("1.0.0", "3.0.0", StringComparison.Ordinal));
        var packs = UpdateCommand.Packs;
        UpdateCommand.Packs = _ => new Packs(["3.0.0", "4.0.0"]);
        try
        {
            var output = new StringWriter();
            var exit = CommandLine.Run(["update", root, "--format", "json"], output, new StringWriter(), new ScriptedDotnet(TemplateUpdaterTests.Versions));
            var result = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!["result"]!;
            Assert.Equal(0, exit);
            Assert.Equal(("3.0.0", "dotnet standards upgrade --to 4.0.0", "4.0.0"), ((string?)result["sdkPin"], (string?)result["sdkUpgrade"], (string?)result["to"]));
            Assert.Contains("\"Standards.Sdk\": \"3.0.0\"", File.ReadAllText(Path.Combine(root, "global.json")), StringComparison.Ordinal);
        }
        finally
        {
            UpdateCommand.Packs = packs;
        }
    }

    [Theory]
    [InlineData("--init --template std-lib", "--init needs --template <short name> and --from <version>.")]
    [InlineData("--template std-lib", "--template and --from go with --init only.")]
    [InlineData("--owner=x", "Unrecognized command or argument '--owner=x'")]
    public void Usage_errors_are_STD7508(string line, string message)
    {
        var (exit, _, error) = Run([root, .. line.Split(' ')]);
        Assert.Equal(2, exit);
        Assert.Contains("STD7508", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
