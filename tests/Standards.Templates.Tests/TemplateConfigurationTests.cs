using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// The template configuration itself: valid against the shared schemas, kebab-case options, the version stamped
/// at pack time, the package shape, and clear errors for bad input. Cheap: no builds.
/// </summary>
public sealed partial class TemplateConfigurationTests
{
    private static readonly string Content = Path.Combine(RepoPaths.Root, "templates", "content");

    /// <summary>The folders under templates/content/ that are templates (content shared between templates is not).</summary>
    private static List<string> TemplateFolders() =>
        [.. Directory.GetDirectories(Content)
            .Where(d => Directory.Exists(Path.Combine(d, ".template.config")))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal)];

    /// <summary>Every template folder under templates/content/.</summary>
    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var folder in TemplateFolders())
        {
            data.Add(folder!);
        }

        return data;
    }

    [Fact]
    public void Every_template_in_the_content_folder_is_known_to_the_tests()
    {
        var folders = TemplateFolders();
        Assert.Equal(TemplateHive.ShortNames.Order(StringComparer.Ordinal), folders);
        foreach (var folder in folders)
        {
            using var template = Json(Path.Combine(Content, folder!, ".template.config", "template.json"));
            Assert.Equal(folder, template.RootElement.GetProperty("shortName").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_json_is_valid_against_the_template_schema(string template)
    {
        var errors = Validate("template.schema.json", Path.Combine(Content, template, ".template.config", "template.json"));
        Assert.True(errors.Count == 0, $"{template}/.template.config/template.json:\n{string.Join('\n', errors)}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Dotnetcli_host_json_is_valid_against_its_schema(string template)
    {
        var errors = Validate("dotnetcli.host.schema.json", Path.Combine(Content, template, ".template.config", "dotnetcli.host.json"));
        Assert.True(errors.Count == 0, $"{template}/.template.config/dotnetcli.host.json:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void The_schema_validator_rejects_what_the_schema_forbids()
    {
        using var template = Json(Path.Combine(Content, "std-adr", ".template.config", "template.json"));
        var broken = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(template.RootElement.GetRawText())!;
        broken["symbols"] = JsonSerializer.SerializeToElement(new { title = new { type = "nope" } });
        broken["tags"] = JsonSerializer.SerializeToElement(new { type = "assembly" });
        var errors = Schema("template.schema.json").Validate(JsonSerializer.SerializeToElement(broken));
        Assert.Contains(errors, e => e.StartsWith("/symbols/title", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/tags/type", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_parameter_has_a_kebab_case_option_name(string template)
    {
        using var config = Json(Path.Combine(Content, template, ".template.config", "template.json"));
        using var host = Json(Path.Combine(Content, template, ".template.config", "dotnetcli.host.json"));
        var symbolInfo = host.RootElement.TryGetProperty("symbolInfo", out var info) ? info : default;
        foreach (var symbol in config.RootElement.GetProperty("symbols").EnumerateObject()
                     .Where(s => s.Value.GetProperty("type").GetString() == "parameter"))
        {
            var option = symbolInfo.ValueKind == JsonValueKind.Object && symbolInfo.TryGetProperty(symbol.Name, out var entry)
                && entry.TryGetProperty("longName", out var longName)
                    ? longName.GetString()!
                    : symbol.Name;
            Assert.True(KebabCase().IsMatch(option), $"{template}: the parameter '{symbol.Name}' is offered as --{option}; give it a kebab-case longName in dotnetcli.host.json.");
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Help_shows_the_kebab_case_options(string template)
    {
        var help = TemplateHive.Instance.Command(RepoPaths.Root, template, "--help").EnsureSuccess($"dotnet new {template} --help");
        using var host = Json(Path.Combine(Content, template, ".template.config", "dotnetcli.host.json"));
        var hidden = host.RootElement.GetProperty("symbolInfo").EnumerateObject()
            .Where(e => e.Value.TryGetProperty("isHidden", out var isHidden) && isHidden.GetBoolean())
            .Select(e => e.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entry in host.RootElement.GetProperty("symbolInfo").EnumerateObject().Where(e => !hidden.Contains(e.Name)))
        {
            var longName = entry.Value.GetProperty("longName").GetString();
            Assert.Contains($"--{longName} ", help.Output, StringComparison.Ordinal);
        }

        // The CLI prefixes an option that collides with one of its own (e.g. --author) with --param:.
        Assert.DoesNotContain("--param:", help.Output, StringComparison.Ordinal);
        var options = HelpOption().Matches(help.Output).Select(m => m.Groups["name"].Value).ToList();
        using var config = Json(Path.Combine(Content, template, ".template.config", "template.json"));
        var parameters = config.RootElement.GetProperty("symbols").EnumerateObject()
            .Count(s => s.Value.GetProperty("type").GetString() == "parameter" && !hidden.Contains(s.Name));
        Assert.True(options.Count == parameters, $"{parameters} parameters but {options.Count} options in:\n{help.Output}");
        Assert.All(options, name => Assert.Matches(KebabCase(), name));
    }

    [Fact]
    public void An_invalid_choice_fails_with_a_message_that_names_the_valid_ones()
    {
        var output = PackedSdk.NewTempDirectory("invalid");
        var result = TemplateHive.Instance.New(output, "std-service", "-n", "Acme.Orders", "--ci", "jenkins");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'jenkins' is not a valid value for --ci", result.Output, StringComparison.Ordinal);
        foreach (var choice in new[] { "github", "gitlab", "azure", "none" })
        {
            Assert.Contains(choice, result.Output, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void A_missing_required_option_fails()
    {
        var output = PackedSdk.NewTempDirectory("required");
        var result = TemplateHive.Instance.New(output, "std-adr");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--title", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void The_package_carries_every_template_with_its_dot_files_and_the_stamped_version()
    {
        var sdk = PackedSdk.Instance;
        using var package = ZipFile.OpenRead(TemplateHive.Instance.Package);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.DoesNotContain(entries, e => e.StartsWith("content/content/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("/bin/", StringComparison.Ordinal) || e.Contains("/obj/", StringComparison.Ordinal));
        foreach (var template in TemplateHive.ShortNames)
        {
            var sources = Directory.EnumerateFiles(Path.Combine(Content, template), "*", SearchOption.AllDirectories)
                .Select(f => "content/" + Path.GetRelativePath(Content, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').Any(s => s is "bin" or "obj"));
            foreach (var source in sources)
            {
                Assert.Contains(source, entries);
            }

            var entry = package.GetEntry($"content/{template}/.template.config/template.json");
            Assert.NotNull(entry);
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            Assert.DoesNotContain("STANDARDS_SDK_VERSION", text, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.GetProperty("symbols").TryGetProperty("sdkVersion", out var sdkVersion))
            {
                Assert.Equal(sdk.Version, sdkVersion.GetProperty("defaultValue").GetString());
            }
        }

        // The content the templates take through their ../_shared/ sources is packed beside them.
        foreach (var shared in Directory.EnumerateFiles(Path.Combine(Content, "_shared"), "*", SearchOption.AllDirectories))
        {
            Assert.Contains("content/" + Path.GetRelativePath(Content, shared).Replace('\\', '/'), entries);
        }

        Assert.Contains("content/_shared/repo/.gitignore", entries);
        Assert.Contains("content/_shared/repo/.editorconfig", entries);
        Assert.Contains("content/_shared/repo/.github/pull_request_template.md", entries);
        using var nuspec = new StreamReader(package.GetEntry("Standards.Templates.nuspec")!.Open());
        var manifest = nuspec.ReadToEnd();
        Assert.Contains("<packageType name=\"Template\" />", manifest, StringComparison.Ordinal);
        Assert.Contains($"<version>{sdk.Version}</version>", manifest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("std-service")]
    [InlineData("std-worker")]
    [InlineData("std-lib")]
    public void A_repo_generated_without_sdk_version_pins_the_sdk_of_the_same_pack(string template)
    {
        var output = Path.Combine(PackedSdk.NewTempDirectory("default-version"), "Acme.Orders");
        // Without the restore the service and worker templates run after generation: this test reads two files.
        string[] noRestore = template == "std-lib" ? [] : ["--no-restore"];
        TemplateHive.Instance.New(Path.GetDirectoryName(output)!, template, ["-n", "Acme.Orders", "-o", output, .. noRestore])
            .EnsureSuccess($"dotnet new {template}");
        using var global = Json(Path.Combine(output, "global.json"));
        Assert.Equal(PackedSdk.Instance.Version, global.RootElement.GetProperty("msbuild-sdks").GetProperty("Standards.Sdk").GetString());
        Assert.False(File.Exists(Path.Combine(output, "nuget.config")), "Without --sdk-feed no nuget.config is generated.");
    }

    [Theory]
    [InlineData("std-service")]
    [InlineData("std-worker")]
    public void No_restore_skips_the_restore_post_action(string template)
    {
        // By default these templates restore the new repo, which writes its lock files (the snapshots list them);
        // --no-restore, as in Microsoft's templates, writes the same sources and restores nothing.
        var repo = GeneratedRepo.Generate(template, "Acme.Orders", "--no-restore");

        Assert.Empty(Directory.EnumerateFiles(repo.Root, "packages.lock.json", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(repo.Root, "project.assets.json", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(repo.Root, "Acme.Orders.slnx")), repo.Generation.Output);
    }

    [Theory]
    [InlineData("/srv/feeds/standards")]
    [InlineData("C:\\feeds\\standards")]
    [InlineData("~/feeds")]
    public void An_absolute_sdk_feed_is_refused_with_a_message_and_never_committed(string feed)
    {
        var output = Path.Combine(PackedSdk.NewTempDirectory("absolute-feed"), "Acme.Text");
        var result = TemplateHive.Instance.New(Path.GetDirectoryName(output)!, "std-lib", "-n", "Acme.Text", "-o", output, "--sdk-feed", feed);

        Assert.Contains("--sdk-feed was not used: it is an absolute path", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "nuget.config")), "No nuget.config with a machine path.");
        Assert.DoesNotContain(
            Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains(feed, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../packages")]
    [InlineData("https://pkgs.example.com/standards/index.json")]
    public void A_relative_folder_or_a_url_is_written_as_given(string feed)
    {
        var output = Path.Combine(PackedSdk.NewTempDirectory("relative-feed"), "Acme.Text");
        TemplateHive.Instance.New(Path.GetDirectoryName(output)!, "std-lib", "-n", "Acme.Text", "-o", output, "--sdk-feed", feed)
            .EnsureSuccess("dotnet new std-lib --sdk-feed " + feed);

        Assert.Contains($"value=\"{feed}\"", File.ReadAllText(Path.Combine(output, "nuget.config")), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Validate(string schemaFile, string documentPath)
    {
        using var document = Json(documentPath);
        return Schema(schemaFile).Validate(document.RootElement);
    }

    private static JsonSchemaValidator Schema(string schemaFile)
    {
        // The schemas live in the shared folder beside the repo; they are read from there, never copied in.
        var path = RepoPaths.Schema(schemaFile);
        Assert.True(File.Exists(path), $"{path} is missing.");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        return new JsonSchemaValidator(schema.RootElement.Clone());
    }

    private static JsonDocument Json(string path) =>
        JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    // Options of the "Template options:" section of `dotnet new <t> --help`: indented by two spaces (wrapped
    // description lines are indented further and may mention options too).
    [GeneratedRegex(@"(?<=Template options:[\s\S]*)^ {2}(?:-[a-zA-Z0-9]+, )?--(?<name>\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HelpOption();
}
