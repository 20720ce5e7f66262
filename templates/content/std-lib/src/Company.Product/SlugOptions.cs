namespace CompanyProduct;

/// <summary>Options for creating a <see cref="Slug"/>.</summary>
public sealed class SlugOptions
{
    /// <summary>The largest allowed <see cref="MaxLength"/>.</summary>
    public const int MaxLengthLimit = 1024;

    private int _maxLength = 64;
    private char _separator = '-';

    /// <summary>Gets the default options: at most 64 characters, words separated by <c>-</c>.</summary>
    public static SlugOptions Default { get; } = new();

    /// <summary>Gets or sets the maximum length of a slug, from 1 to <see cref="MaxLengthLimit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public int MaxLength
    {
        get => _maxLength;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxLengthLimit);
            _maxLength = value;
        }
    }

    /// <summary>Gets or sets the character between words: <c>-</c>, <c>_</c> or <c>.</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the allowed separators.</exception>
    public char Separator
    {
        get => _separator;
        set
        {
            if (value is not ('-' or '_' or '.'))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The separator must be '-', '_' or '.'.");
            }

            _separator = value;
        }
    }
}
