using System.Text.Json.Nodes;
using Standards.Sdk.DocsGenerator;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// The merge rules that compose a repo template's template.json and dotnetcli.host.json from their layers
/// (templates/template-config/): objects
/// merge key by key, the top-level sources and postActions add up, anything else is replaced, and a blank (null) a
/// shared layer leaves must be filled by the template's own layer.
/// </summary>
public sealed class TemplateConfigWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "template-config-" + Guid.NewGuid().ToString("N"));

    public TemplateConfigWriterTests() => Directory.CreateDirectory(Path.Combine(_root, TemplateConfigWriter.LayersFolder));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Objects_merge_key_by_key_and_keep_the_order_of_the_first_layer()
    {
        var merged = TemplateConfigWriter.Merge(
            JsonNode.Parse("""{ "a": 1, "symbols": { "x": { "type": "derived", "valueTransform": "identity" } }, "b": 2 }"""),
            JsonNode.Parse("""{ "c": 3, "symbols": { "x": { "valueTransform": "baseName", "fileRename": "X" } }, "a": 10 }"""));

        Assert.Equal(
            """{"a":10,"symbols":{"x":{"type":"derived","valueTransform":"baseName","fileRename":"X"}},"b":2,"c":3}""",
            merged!.ToJsonString());
    }

    [Fact]
    public void Sources_and_post_actions_add_up_and_other_arrays_are_replaced()
    {
        var merged = TemplateConfigWriter.Merge(
            JsonNode.Parse("""{ "sources": [{ "source": "../_shared/repo/" }], "postActions": [1], "classifications": ["Standards"], "forms": { "chain": { "steps": ["a", "b"] } } }"""),
            JsonNode.Parse("""{ "sources": [{ "exclude": ["**/bin/**"] }], "postActions": [2], "classifications": ["Library"], "forms": { "chain": { "steps": ["c"] } } }"""));

        Assert.Equal(
            """{"sources":[{"source":"../_shared/repo/"},{"exclude":["**/bin/**"]}],"postActions":[1,2],"classifications":["Library"],"forms":{"chain":{"steps":["c"]}}}""",
            merged!.ToJsonString());
    }

    [Fact]
    public void A_template_composes_its_layers_in_the_order_it_lists_them()
    {
        Layer("repo.template.json", """{ "shortName": null, "symbols": { "kind": { "type": "generated", "parameters": { "value": null } } }, "sources": [{ "source": "../_shared/repo/" }] }""");
        Layer("host.template.json", """{ "symbols": { "hostKind": { "type": "generated" } }, "sources": [{ "source": "../_shared/host/" }] }""");
        Layer("std-x.template.json", """{ "$extends": ["repo", "host"], "shortName": "std-x", "symbols": { "kind": { "parameters": { "value": "x" } } }, "sources": [{ "exclude": ["**/bin/**"] }] }""");

        var text = TemplateConfigWriter.Write(_root, "std-x", "template.json");

        Assert.Equal(
            """{"shortName":"std-x","symbols":{"kind":{"type":"generated","parameters":{"value":"x"}},"hostKind":{"type":"generated"}},"sources":[{"source":"../_shared/repo/"},{"source":"../_shared/host/"},{"exclude":["**/bin/**"]}]}""",
            JsonNode.Parse(text)!.ToJsonString());
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_the_template_leaves_unfilled_is_an_error_that_names_it()
    {
        Layer("repo.template.json", """{ "shortName": "std-x", "symbols": { "kind": { "parameters": { "value": null } } } }""");
        Layer("std-x.template.json", """{ "$extends": ["repo"] }""");

        var error = Assert.Throws<InvalidDataException>(() => TemplateConfigWriter.Write(_root, "std-x", "template.json"));

        Assert.Contains("/symbols/kind/parameters/value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_layer_without_its_list_of_shared_layers_is_an_error()
    {
        Layer("std-x.template.json", """{ "shortName": "std-x" }""");

        var error = Assert.Throws<InvalidDataException>(() => TemplateConfigWriter.Write(_root, "std-x", "template.json"));

        Assert.Contains("$extends", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_keeps_quotes_and_angle_brackets_readable()
    {
        Layer("std-x.template.json", """{ "$extends": [], "value": "(ci == \"github\") <sdk-version> isn't \\p{L}" }""");

        Assert.Equal("{\n  \"value\": \"(ci == \\\"github\\\") <sdk-version> isn't \\\\p{L}\"\n}\n", TemplateConfigWriter.Write(_root, "std-x", "template.json"));
    }

    private void Layer(string name, string json) => File.WriteAllText(Path.Combine(_root, TemplateConfigWriter.LayersFolder, name), json);
}
