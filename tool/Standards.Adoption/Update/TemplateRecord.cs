using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Update;

/// <summary>
/// What generated a repo, as the repo templates write it at generation (<c>.standards/template.json</c>, like
/// copier's answers file): the template's short name, the pack version, the generation date and every option with
/// its value. <c>dotnet new</c> given the same record and version writes byte-identical files
/// (<see cref="Arguments"/>). A file that is not a record is STD7531 with its line, never a guess.
/// </summary>
public sealed partial record TemplateRecord(string Template, string Version, string GeneratedOn, IReadOnlyList<KeyValuePair<string, string>> Options)
{
    /// <summary>Where the record is, relative to the repo root.</summary>
    public const string FileName = ".standards/template.json";

    /// <summary>The newest format this tool reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The option <c>dotnet new</c> takes the generation date from.</summary>
    public const string DateOption = "generated-on";

    private const string Hint = "Fix the value (the record is written by `dotnet new` and documented in docs/upgrading.md#the-template-record), or record it again with `dotnet standards update --init`.";

    /// <summary>The value of an option, or null when the record has none.</summary>
    public string? Option(string name) => Options.FirstOrDefault(o => o.Key == name).Value;

    /// <summary>Reads a record; STD7531 naming the line of what is wrong.</summary>
    public static TemplateRecord Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = JsonFormats.TemplateRecord.Parse(text);
        if (!parsed.Succeeded)
        {
            throw Malformed(Math.Max(parsed.ErrorLine, 1), $"it is not valid JSON ({parsed.Error})");
        }

        if (parsed.Root is not JsonObjectNode root)
        {
            throw Malformed(parsed.Root?.Line ?? 1, "it must be a JSON object");
        }

        if (root.Get("formatVersion") is not JsonNumberNode format || !format.TryGetInt32(out var version) || version < 1)
        {
            throw Malformed(root.Get("formatVersion")?.Line ?? root.Line, "\"formatVersion\" must be a positive whole number");
        }

        if (version > FormatVersion)
        {
            throw Malformed(format.Line, $"its format {version} is newer than this tool reads ({FormatVersion}); run the command with the tool of the newer version");
        }

        var template = Text(root, "template");
        if (!template.StartsWith("std-", StringComparison.Ordinal) || !IsKebabName(template))
        {
            throw Malformed(root.Get("template")!.Line, $"\"template\" is '{JsonText.Shown(template)}', not the short name of a Standards template (std-service, std-worker, std-lib)");
        }

        var packVersion = Text(root, "version");
        if (!NuGet.Versioning.NuGetVersion.TryParse(packVersion, out _))
        {
            throw Malformed(root.Get("version")!.Line, $"\"version\" is '{JsonText.Shown(packVersion)}', not a package version");
        }

        var date = Text(root, "generatedOn");
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw Malformed(root.Get("generatedOn")!.Line, $"\"generatedOn\" is '{JsonText.Shown(date)}', not a date written yyyy-MM-dd");
        }

        return new TemplateRecord(template, packVersion, date, ReadOptions(root));
    }

    private static List<KeyValuePair<string, string>> ReadOptions(JsonObjectNode root)
    {
        if (root.Get("options") is not JsonObjectNode options)
        {
            throw Malformed(root.Get("options")?.Line ?? root.Line, "\"options\" must be an object of option names and values");
        }

        var result = new List<KeyValuePair<string, string>>();
        foreach (var option in options.Properties)
        {
            var value = option.Value switch
            {
                JsonStringNode s => s.Value,
                JsonBooleanNode b => b.Value ? "true" : "false",
                _ => throw Malformed(option.Line, $"the option \"{JsonText.Shown(option.Name)}\" must be a string or true/false, not {option.Value.Kind}"),
            };
            if (OptionProblem(option.Name, value) is { } problem)
            {
                throw Malformed(option.Line, problem);
            }

            result.Add(new(option.Name, value));
        }

        if (!result.Any(o => o.Key == "name"))
        {
            throw Malformed(options.Line, "\"options\" has no \"name\" (the -n value the repo was generated with)");
        }

        return result;
    }

    /// <summary>
    /// Why an option cannot be passed to <c>dotnet new</c>, or null. The record is repo content that becomes a command
    /// line: a name must be one of the template's options (kebab-case, not one of <c>dotnet new</c>'s own, which would
    /// move the output, install a package or run scripts), no value may hold a control character, and the
    /// <c>-n</c> value becomes folder and file names, so it must be one file name that stays in the output folder.
    /// </summary>
    private static string? OptionProblem(string name, string value)
    {
        if (!IsKebabName(name) || name == DateOption || (name != "name" && DotnetNewOptions.Contains(name)))
        {
            return $"\"{JsonText.Shown(name)}\" is not an option of the template (the long name without --, in lower case with dashes; not an option of `dotnet new` itself such as output or force; the date is \"generatedOn\")";
        }

        if (value.Any(char.IsControl))
        {
            return $"the option \"{name}\" holds a control character ('{JsonText.Shown(value)}')";
        }

        return name == "name" && NameProblem(value) is { } problem
            ? $"\"name\" is '{JsonText.Shown(value)}': {problem}; the -n value names the repo's folders and files, so it must be one file name such as Acme.Orders"
            : null;
    }

    /// <summary>Why the -n value is not one file name that stays inside the output folder on every platform, or null.</summary>
    private static string? NameProblem(string value)
    {
        if (value.Trim().Length != value.Length || value.Length == 0)
        {
            return "it is empty or starts or ends with white space";
        }

        if (value.IndexOfAny(['/', '\\', ':', '<', '>', '"', '|', '?', '*']) >= 0 || value.Split('.').Contains(string.Empty))
        {
            return "it is a path (a separator, a drive, '..', or a leading or trailing dot)";
        }

        return DeviceNames.Contains(value.Split('.')[0].TrimEnd(), StringComparer.OrdinalIgnoreCase) ? "it is a Windows device name" : null;
    }

    private static bool IsKebabName(string name) => KebabName().IsMatch(name);

    /// <summary>The options of <c>dotnet new</c> itself: a record naming one would change what the command does, not what the template writes.</summary>
    private static readonly string[] DotnetNewOptions =
        ["output", "o", "name", "n", "force", "dry-run", "install", "i", "uninstall", "u", "project", "language", "lang", "type", "allow-scripts",
         "add-source", "nuget-source", "interactive", "no-update-check", "diagnostics", "d", "verbosity", "v", "help", "h"];

    private static readonly string[] DeviceNames =
        ["CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "CONIN$", "CONOUT$"];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KebabName();

    private static string Text(JsonObjectNode root, string key) => root.Get(key) switch
    {
        JsonStringNode { Value.Length: > 0 } s => s.Value,
        null => throw Malformed(root.Line, $"it has no \"{key}\""),
        var other => throw Malformed(other.Line, $"\"{key}\" must be a non-empty string"),
    };

    /// <summary>
    /// The <c>dotnet new &lt;template&gt;</c> arguments that regenerate the repo into <paramref name="output"/>: every
    /// option as <c>--name=value</c> (so a value starting with @ is not read as a response file), the recorded date,
    /// and no restore (lock files are restored in the repo afterwards). An empty value is left out: the CLI takes no
    /// empty value, and every option whose value can be empty defaults to empty.
    /// </summary>
    /// <param name="output">The folder to generate into.</param>
    /// <param name="followSdkVersion">Leave out sdk-version when it is the recorded pack's own (the default then
    /// follows the pack being generated, as it did at generation).</param>
    public IReadOnlyList<string> Arguments(string output, bool followSdkVersion)
    {
        var arguments = new List<string> { "-n", Option("name")!, "-o", output };
        foreach (var (name, value) in Options)
        {
            var skip = name == "name" || value.Length == 0 || name == "no-restore"
                || (followSdkVersion && name == "sdk-version" && value == Version);
            if (!skip)
            {
                arguments.Add($"--{name}={value}");
            }
        }

        if (Options.Any(o => o.Key == "no-restore"))
        {
            arguments.Add("--no-restore=true");
        }

        arguments.Add($"--{DateOption}={GeneratedOn}");
        return arguments;
    }

    /// <summary>The record's text in the layout the templates write (two-space indentation, LF, final newline).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$comment", "What generated this repo: dotnet standards update regenerates the template from it (docs/upgrading.md#the-template-record). Keep it committed; edit it only to record options the repo has since changed by hand.");
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("template", Template);
            writer.WriteString("version", Version);
            writer.WriteString("generatedOn", GeneratedOn);
            writer.WriteStartObject("options");
            foreach (var (name, value) in Options)
            {
                if (value is "true" or "false")
                {
                    writer.WriteBoolean(name, value == "true");
                }
                else
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static ToolException Malformed(int line, string why) =>
        new(ToolRuleIds.TemplateRecordMalformed, $"{FileName} cannot be read as the template record: {why}. {Hint}", FileName, line);
}
