using System.Text.RegularExpressions;
using CsCheck;
using Standards.Adoption;
using Standards.Adoption.Update;
using Standards.Sdk.Checks.Tests.Properties;

namespace Standards.Tool.Tests.Properties;

/// <summary>
/// .standards/template-record.json is repo input that `dotnet standards update` turns into a `dotnet new` command line: whatever
/// it holds, the result is a record or STD7531 naming the file and a line, never another exception, never a hang; and a
/// record that reads can only regenerate the template into the folder the tool chose, under a name that is one file
/// name (no `..`, no separator, no root, no device), with options that are the template's and not `dotnet new`'s own.
/// </summary>
public sealed partial class TemplateRecordProperties
{
    private static readonly string[] Keys =
        ["formatVersion", "template", "version", "generatedOn", "options", "name", "owner", "ci", "sdk-version", "sdk-feed", "tracing", "no-restore", "output", "$comment"];

    private const string Skeleton = """
        {
          "$comment": "What generated this repo",
          "formatVersion": §,
          "template": §,
          "version": §,
          "generatedOn": §,
          "options": { "name": §, "owner": §, "tracing": §, §: § }
        }
        """;

    private static readonly string[] Valid = ["1", "\"std-service\"", "\"1.2.0\"", "\"2026-03-04\"", "\"Acme.Orders\"", "\"@acme/orders\"", "false", "\"ci\"", "\"github\""];

    [Fact]
    public void Random_files_are_a_record_or_STD7531_with_the_file_and_a_line() =>
        HostileJson.Document(Keys).Sample(AssertTotal, iter: 300, threads: 1);

    [Fact]
    public void Hostile_values_in_a_valid_record_are_a_safe_record_or_STD7531_with_the_file_and_a_line() =>
        HostileJson.Skeleton(Skeleton, Keys, Valid).Sample(AssertTotal, iter: 300, threads: 1);

    [Fact]
    public void A_record_that_reads_writes_back_to_the_same_record() =>
        HostileJson.Skeleton(Skeleton, Keys, Valid).Sample(text =>
        {
            if (TryRead(text) is { } record)
            {
                var again = TemplateRecord.Read(record.ToJson());
                Assert.Equal((record.Template, record.Version, record.GeneratedOn), (again.Template, again.Version, again.GeneratedOn));
                Assert.Equal(record.Options, again.Options);
            }
        }, iter: 300, threads: 1);

    [Theory]
    [InlineData(10_000, false)]
    [InlineData(10_000, true)]
    public void Nesting_ten_thousand_levels_deep_is_STD7531(int depth, bool objects)
    {
        var error = Assert.Throws<ToolException>(() => TemplateRecord.Read("{\"options\": " + HostileJson.Nest(depth, objects, closed: true) + "}"));
        Assert.Equal(("STD7531", TemplateRecord.FileName, 1), (error.Code, error.File, error.Line));
    }

    /// <summary>Each case read as the record as it was: it passed, and `dotnet new` would have been given it.</summary>
    [Theory]
    [InlineData("\"owner\": \"@acme/orders\"", "\"output\": \"/tmp/elsewhere\"", "not an option of the template")]
    [InlineData("\"owner\": \"@acme/orders\"", "\"force\": true", "not an option of the template")]
    [InlineData("\"owner\": \"@acme/orders\"", "\"allow-scripts\": \"yes\"", "not an option of the template")]
    [InlineData("\"owner\": \"@acme/orders\"", "\"debug:custom-hive\": \"/tmp/hive\"", "not an option of the template")]
    [InlineData("\"owner\": \"@acme/orders\"", "\"Owner\": \"x\"", "not an option of the template")]
    [InlineData("\"owner\": \"@acme/orders\"", "\"owner\": \"a\\u0000b\"", "control character")]
    [InlineData("\"name\": \"Acme.Orders\"", "\"name\": \"../../outside\"", "it is a path")]
    [InlineData("\"name\": \"Acme.Orders\"", "\"name\": \"/tmp/Acme\"", "it is a path")]
    [InlineData("\"name\": \"Acme.Orders\"", "\"name\": \"\\\\?\\\\C:\\\\Acme\"", "it is a path")]
    [InlineData("\"name\": \"Acme.Orders\"", "\"name\": \"C:Acme\"", "it is a path")]
    [InlineData("\"name\": \"Acme.Orders\"", "\"name\": \"CON\"", "device name")]
    [InlineData("\"name\": \"Acme.Orders\"", "\"name\": \"nul.Orders\"", "device name")]
    [InlineData("\"name\": \"Acme.Orders\"", "\"name\": \" \"", "white space")]
    [InlineData("\"template\": \"std-service\"", "\"template\": \"std-../../x\"", "not the short name")]
    public void A_record_that_would_leave_the_output_folder_or_set_an_option_of_dotnet_new_is_STD7531(string from, string to, string message)
    {
        var parts = Skeleton.Split('§');
        var text = parts[0] + string.Concat(Valid.Select((value, i) => value + parts[i + 1]));
        Assert.Contains(from, text, StringComparison.Ordinal);
        var error = Assert.Throws<ToolException>(() => TemplateRecord.Read(text.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal(("STD7531", TemplateRecord.FileName), (error.Code, error.File));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static void AssertTotal(string text)
    {
        if (TryRead(text) is { } record)
        {
            AssertSafe(record);
        }
    }

    /// <summary>The record, or null when the reader refused it with STD7531 at a line of the file; any other outcome fails.</summary>
    private static TemplateRecord? TryRead(string text)
    {
        try
        {
            return TemplateRecord.Read(text);
        }
        catch (ToolException error)
        {
            Assert.Equal(("STD7531", TemplateRecord.FileName), (error.Code, error.File));
            Assert.True(error.Line >= 1, $"STD7531 without a line: {error.Message}");
            HostileJson.AssertShown(error.Message);
            return null;
        }
    }

    /// <summary>What a record that reads may make `dotnet new` do: generate this template into "out", under a plain name.</summary>
    private static void AssertSafe(TemplateRecord record)
    {
        Assert.Matches("^std-[a-z0-9]+(-[a-z0-9]+)*$", record.Template);
        var name = record.Option("name")!;
        Assert.False(name.Contains('/') || name.Contains('\\') || name.Contains(':') || name.Split('.').Contains(string.Empty) || Path.IsPathRooted(name), $"the name '{name}' is a path");
        Assert.DoesNotMatch("^(?i:con|prn|aux|nul|com[0-9]|lpt[0-9])(\\.|$)", name);
        var arguments = record.Arguments("out", followSdkVersion: false);
        Assert.Equal(["-n", name, "-o", "out"], arguments.Take(4));
        Assert.All(arguments.Skip(4), argument =>
        {
            Assert.Matches(OptionArgument(), argument);
            Assert.DoesNotContain(argument.Split('=')[0][2..], DotnetNewOptions);
            Assert.False(argument.Any(char.IsControl), $"a control character in {argument}");
        });
    }

    /// <summary>Options of `dotnet new` itself, which a record must not set (they would move the output, install, run scripts).</summary>
    private static readonly string[] DotnetNewOptions = ["output", "o", "name", "n", "force", "dry-run", "install", "uninstall", "project", "language", "lang", "type", "allow-scripts", "add-source", "nuget-source", "interactive", "no-update-check", "diagnostics", "verbosity", "help"];

    [GeneratedRegex("^--[a-z][a-z0-9]*(-[a-z0-9]+)*=", RegexOptions.CultureInvariant)]
    private static partial Regex OptionArgument();
}
