using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Composes the template.json and dotnetcli.host.json of each repo template (std-lib, std-service, std-worker) from
/// layers in templates/template-config/: the engine has no include mechanism, so what the templates share is written
/// once there and the committed files (which the pack and <c>dotnet new</c> read) are generated from it.
/// <c>templates/template-config/&lt;template&gt;.&lt;file&gt;</c> is the template's own layer of a file; its
/// <c>$extends</c> lists the shared layers it builds on, in order (<c>repo</c> for every repo template, <c>host</c>
/// for the two that take the shared host code), each read from <c>&lt;layer&gt;.&lt;file&gt;</c>. Merge rules, applied
/// layer after layer:
/// <list type="bullet">
/// <item>objects merge key by key (a key keeps the place it has in the first layer that names it);</item>
/// <item>the top-level <c>sources</c> and <c>postActions</c> arrays concatenate: each layer adds its own entries;</item>
/// <item>any other value is replaced by the later layer's;</item>
/// <item>a <c>null</c> in a shared layer is a blank the template's own layer must fill: one left null is an error.</item>
/// </list>
/// The layout is described in templates/content/_shared/README.md.
/// </summary>
public static class TemplateConfigWriter
{
    /// <summary>The folder of the layers, repo-relative.</summary>
    public const string LayersFolder = "templates/template-config";

    /// <summary>The key of a template's own layer that lists the shared layers it builds on.</summary>
    public const string ExtendsKey = "$extends";

    /// <summary>The templates whose configuration is composed.</summary>
    public static IReadOnlyList<string> Templates { get; } = ["std-lib", "std-service", "std-worker"];

    /// <summary>The files of a template's .template.config folder that are composed.</summary>
    public static IReadOnlyList<string> ConfigFiles { get; } = ["template.json", "dotnetcli.host.json"];

    /// <summary>The top-level arrays whose entries every layer adds to rather than replaces.</summary>
    private static readonly HashSet<string> ConcatenatedArrays = ["/sources", "/postActions"];

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        NewLine = "\n",

        // The composed files are read by people: keep ', <, > and + as they are (the text only goes into JSON).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions Input = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The repo-relative path of a template's committed <paramref name="file"/> (template.json, dotnetcli.host.json).</summary>
    public static string ConfigPath(string template, string file) => $"templates/content/{template}/.template.config/{file}";

    /// <summary>The composed text of <paramref name="template"/>'s <paramref name="file"/>, from the layers under <paramref name="root"/>.</summary>
    public static string Write(string root, string template, string file)
    {
        var folder = Path.Combine(root, LayersFolder);
        var name = $"{template}.{file}";
        var own = Read(Path.Combine(folder, name));
        if (own[ExtendsKey] is not JsonArray extends)
        {
            throw new InvalidDataException($"{LayersFolder}/{name}: '{ExtendsKey}' must list the shared layers it builds on (e.g. [\"repo\"]).");
        }

        JsonNode? composed = null;
        foreach (var layer in extends)
        {
            composed = Merge(composed, Read(Path.Combine(folder, $"{layer!.GetValue<string>()}.{file}")));
        }

        own.Remove(ExtendsKey);
        composed = Merge(composed, own);
        var blank = FirstBlank(composed, string.Empty);
        if (blank is not null)
        {
            throw new InvalidDataException($"{LayersFolder}/{name}: '{blank}' is left blank (null) by the shared layers and must be set by the template's own layer.");
        }

        return composed!.ToJsonString(Output) + "\n";
    }

    /// <summary>Merges <paramref name="overlay"/> over <paramref name="baseNode"/> by the rules in the type's summary.</summary>
    public static JsonNode? Merge(JsonNode? baseNode, JsonNode? overlay) => Merge(baseNode, overlay, string.Empty);

    private static JsonNode? Merge(JsonNode? baseNode, JsonNode? overlay, string path)
    {
        if (baseNode is JsonObject baseObject && overlay is JsonObject overlayObject)
        {
            var merged = new JsonObject();
            foreach (var (key, value) in baseObject)
            {
                merged[key] = overlayObject.TryGetPropertyValue(key, out var over) ? Merge(value, over, $"{path}/{key}") : value?.DeepClone();
            }

            foreach (var (key, value) in overlayObject.Where(p => !baseObject.ContainsKey(p.Key)))
            {
                merged[key] = value?.DeepClone();
            }

            return merged;
        }

        if (baseNode is JsonArray baseArray && overlay is JsonArray overlayArray && ConcatenatedArrays.Contains(path))
        {
            return new JsonArray([.. baseArray.Concat(overlayArray).Select(n => n?.DeepClone())]);
        }

        return overlay?.DeepClone();
    }

    /// <summary>The JSON pointer of the first null value in <paramref name="node"/>, or null when there is none.</summary>
    private static string? FirstBlank(JsonNode? node, string path) => node switch
    {
        null => path,
        JsonObject o => o.Select(p => FirstBlank(p.Value, $"{path}/{p.Key}")).FirstOrDefault(b => b is not null),
        JsonArray a => a.Select((n, i) => FirstBlank(n, $"{path}/{i}")).FirstOrDefault(b => b is not null),
        _ => null,
    };

    private static JsonObject Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The template configuration layer {file} does not exist.", file);
        }

        return JsonNode.Parse(File.ReadAllText(file), documentOptions: Input) as JsonObject
            ?? throw new InvalidDataException($"{file}: a template configuration layer must be a JSON object.");
    }
}
