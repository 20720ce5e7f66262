using System.Text.Json;
using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// The record a repo template writes (.standards/template-record.json): it names the template, the pack version, the date
/// and every option, and generating again from it alone (as <c>dotnet standards update</c> does) gives the same
/// files, byte for byte.
/// </summary>
public sealed class TemplateRecordTests
{
    [Theory]
    [InlineData("std-service", "Acme.Orders", "--owner=@acme/orders --ci gitlab --auth none --tracing false --no-restore true")]
    [InlineData("std-worker", "Acme.Billing.Worker", "--ci azure --no-restore true")]
    [InlineData("std-lib", "Acme.Text", "--ci none --owner acme/text")]
    public void Generating_again_from_the_record_gives_byte_identical_files(string template, string name, string options)
    {
        var repo = GeneratedRepo.Generate(template, name, options.Split(' '));
        var again = Path.Combine(Path.GetDirectoryName(repo.Root)!, "again");
        try
        {
            using var record = JsonDocument.Parse(repo.Read(".standards/template-record.json"));
            var root = record.RootElement;
            Assert.Equal(template, root.GetProperty("template").GetString());
            Assert.Equal(TemplateHive.Instance.Sdk.Version, root.GetProperty("version").GetString());
            var recorded = root.GetProperty("options").EnumerateObject().ToDictionary(o => o.Name, o => o.Value.ValueKind == JsonValueKind.String ? o.Value.GetString()! : o.Value.GetRawText());
            Assert.Equal(name, recorded["name"]);
            Assert.Equal(options.Contains("--ci gitlab", StringComparison.Ordinal) ? "gitlab" : options.Contains("--ci azure", StringComparison.Ordinal) ? "azure" : "none", recorded["ci"]);
            Assert.Equal(TemplateHive.Instance.Sdk.Version, recorded["sdk-version"]);

            // Only the record: the name, each option as --name=value (an empty value is the default), the date.
            string[] arguments =
            [
                "-n", recorded["name"], "-o", again,
                .. recorded.Where(o => o.Key != "name" && o.Value.Length > 0).Select(o => $"--{o.Key}={o.Value}"),
                $"--generated-on={root.GetProperty("generatedOn").GetString()}",
            ];
            TemplateHive.Instance.New(Path.GetDirectoryName(repo.Root)!, template, arguments).EnsureSuccess($"dotnet new {template} from the record");

            var files = repo.Files();
            Assert.Equal(files, Files(again));
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(repo.PathOf(file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))), $"{file} differs when generated again from the record.");
            }
        }
        finally
        {
            repo.Delete();
        }
    }

    [Fact]
    public void The_generation_date_is_an_option_and_dates_every_dated_file()
    {
        var repo = GeneratedRepo.Generate("std-service", "Acme.Dated", "--no-restore", "true", "--generated-on", "2001-02-03");
        try
        {
            Assert.Contains("\"generatedOn\": \"2001-02-03\"", repo.Read(".standards/template-record.json"), StringComparison.Ordinal);
            Assert.Contains("2001-02-03", repo.Read("CHANGELOG.md"), StringComparison.Ordinal);
            Assert.Contains("Date: 2001-02-03", repo.Read("docs/adr/0001-record-architecture-decisions.md"), StringComparison.Ordinal);
        }
        finally
        {
            repo.Delete();
        }
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
