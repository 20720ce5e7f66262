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

        if (input.Description is { Length: > DescriptionMaxLength })
        {
            errors["description"] = [$"The description must be at most {DescriptionMaxLength} characters long."];
        }

        return errors;
    }
}
