using Standards.Adoption;
using Standards.Adoption.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>The template record: read, written back, and turned into the <c>dotnet new</c> arguments that regenerate the repo.</summary>
public class TemplateRecordTests
{
    private const string Service = """
        {
          "$comment": "What generated this repo",
          "formatVersion": 1,
          "template": "std-service",
          "version": "1.2.0",
          "generatedOn": "2026-03-04",
          "options": {
            "name": "Acme.Orders",
            "owner": "@acme/orders",
            "sdk-version": "1.2.0",
            "sdk-feed": "",
            "tracing": false,
            "no-restore": false
          }
        }
        """;

    [Fact]
    public void Reads_every_value_in_order()
    {
        var record = TemplateRecord.Read(Service);
        Assert.Equal(("std-service", "1.2.0", "2026-03-04"), (record.Template, record.Version, record.GeneratedOn));
        Assert.Equal(["name=Acme.Orders", "owner=@acme/orders", "sdk-version=1.2.0", "sdk-feed=", "tracing=false", "no-restore=false"], record.Options.Select(o => $"{o.Key}={o.Value}"));
    }

    [Fact]
    public void The_arguments_regenerate_with_the_recorded_date_every_option_as_name_equals_value_and_no_restore()
    {
        var record = TemplateRecord.Read(Service);
        Assert.Equal(
            ["-n", "Acme.Orders", "-o", "out", "--owner=@acme/orders", "--sdk-version=1.2.0", "--tracing=false", "--no-restore=true", "--generated-on=2026-03-04"],
            record.Arguments("out", followSdkVersion: false));

        // The newer pack pins its own SDK when the record's pin was the pack's default.
        Assert.DoesNotContain("--sdk-version=1.2.0", record.Arguments("out", followSdkVersion: true));
    }

    [Fact]
    public void What_it_writes_reads_back_the_same()
    {
        var record = TemplateRecord.Read(Service);
        var again = TemplateRecord.Read(record.ToJson());
        Assert.Equal((record.Template, record.Version, record.GeneratedOn), (again.Template, again.Version, again.GeneratedOn));
        Assert.Equal(record.Options, again.Options);
        Assert.EndsWith("}\n", record.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"template\": \"std-service\"", "\"template\": \"webapi\"", 4, "not the short name of a Standards template")]
    [InlineData("\"version\": \"1.2.0\"", "\"version\": \"latest\"", 5, "not a package version")]
    [InlineData("\"generatedOn\": \"2026-03-04\"", "\"generatedOn\": \"4.3.2026\"", 6, "not a date written yyyy-MM-dd")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 9", 3, "its format 9 is newer than this tool reads (1)")]
    [InlineData("\"tracing\": false", "\"tracing\": 0", 12, "the option \"tracing\" must be a string or true/false, not number")]
    [InlineData("\"name\": \"Acme.Orders\",", "", 7, "\"options\" has no \"name\"")]
    [InlineData("\"owner\": \"@acme/orders\",", "\"owner\": \"@acme/orders\",\n\"owner\": \"x\",", 10, "written twice")]
    public void A_malformed_record_is_STD7531_with_its_line(string from, string to, int line, string message)
    {
        var error = Assert.Throws<ToolException>(() => TemplateRecord.Read(Service.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal(("STD7531", ".standards/template-record.json", line), (error.Code, error.File, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
