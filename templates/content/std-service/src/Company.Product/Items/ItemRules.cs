namespace CompanyProduct.Items;

/// <summary>Validation rules for items.</summary>
public static class ItemRules
{
    /// <summary>The maximum length of <see cref="Item.Name"/>.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The maximum length of <see cref="Item.Description"/>.</summary>
    public const int DescriptionMaxLength = 1000;

    /// <summary>Validates the input for a new item.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The messages per invalid field (camel-case field names); empty when the input is valid.</returns>
    public static IReadOnlyDictionary<string, string[]> Validate(NewItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string name = input.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors["name"] = ["The name is required."];
        }
        else if (name.Length > NameMaxLength)
        {
            errors["name"] = [$"The name must be at most {NameMaxLength} characters long."];
        }
        else if (!IsStorableText(name, allowLineBreaks: false))
        {
            errors["name"] = ["The name must not contain control characters or unpaired surrogates."];
        }

        if (input.Description is { Length: > DescriptionMaxLength })
        {
            errors["description"] = [$"The description must be at most {DescriptionMaxLength} characters long."];
        }
        else if (input.Description is not null && !IsStorableText(input.Description, allowLineBreaks: true))
        {
            errors["description"] = ["The description must not contain control characters other than line breaks and tabs, or unpaired surrogates."];
        }

        return errors;
    }

    /// <summary>
    /// Tells whether a client's text can be stored and shown as it is: no control characters (NUL, which PostgreSQL
    /// rejects, escapes, DEL, C1 controls; tab, CR and LF only when <paramref name="allowLineBreaks"/>) and no unpaired
    /// UTF-16 surrogate (which has no UTF-8 encoding).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="allowLineBreaks">Whether tab, carriage return and line feed are allowed.</param>
    /// <returns><see langword="true"/> when the text is storable.</returns>
    public static bool IsStorableText(string text, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\r' or '\n')))
            {
                return false;
            }
        }

        return true;
    }
}
