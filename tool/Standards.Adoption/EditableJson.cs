using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// A JSON file the tool edits (standards.json, global.json): read through its <see cref="JsonFormat"/> first, so a
/// duplicate key, a lone surrogate or bad syntax is STD7505 with the line, never an exception; then loaded into
/// System.Text.Json's mutable tree, which writes it back.
/// </summary>
internal static class EditableJson
{
    /// <summary>What the formats accepted already (comments, trailing commas), so the tree reads what they read.</summary>
    private static readonly JsonDocumentOptions CheckedTextOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The top-level object of <paramref name="text"/> to edit, and the same object with positions (for messages about
    /// a value the edit cannot keep); <paramref name="hint"/> ends each message.
    /// </summary>
    public static (JsonObject Root, JsonObjectNode Positions) Load(JsonFormat format, string fileName, string text, string hint)
    {
        var parsed = format.ParseForEdit(text);
        if (!parsed.Succeeded)
        {
            throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"{fileName} is not valid JSON: {parsed.Error} {hint}", fileName, parsed.ErrorLine);
        }

        if (parsed.Root is not JsonObjectNode positions)
        {
            throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"{fileName} must be a JSON object, not {parsed.Root!.Kind}. {hint}", fileName, parsed.Root.Line);
        }

        return ((JsonObject)JsonNode.Parse(text.TrimStart('\uFEFF'), documentOptions: CheckedTextOptions)!, positions);
    }

    /// <summary>
    /// A read-only System.Text.Json document of a text its format has already read without an error (the caller
    /// checked <see cref="JsonFormat.Parse"/>), for readers that walk many values by name.
    /// </summary>
    public static JsonDocument Document(string checkedText) =>
        JsonDocument.Parse(checkedText.TrimStart('\uFEFF'), CheckedTextOptions);
}
