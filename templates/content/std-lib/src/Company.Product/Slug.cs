using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CompanyProduct;

/// <summary>
/// A URL-safe identifier derived from text: lower-case ASCII letters and digits, words separated by a single
/// separator, no separator at either end.
/// </summary>
public readonly struct Slug : IEquatable<Slug>
{
    // A span search rather than LINQ over the string: the string's enumerator is allocated or not depending on the
    // JIT's escape analysis, which made the benchmark's allocation figure differ between runs.
    private static readonly SearchValues<char> SlugCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private readonly string? _value;

    private Slug(string value) => _value = value;

    /// <summary>Gets the text of the slug; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the number of characters of the slug.</summary>
    public int Length => Value.Length;

    /// <summary>Compares two slugs for equality.</summary>
    /// <param name="left">The first slug.</param>
    /// <param name="right">The second slug.</param>
    /// <returns><see langword="true"/> when both have the same text.</returns>
    public static bool operator ==(Slug left, Slug right) => left.Equals(right);

    /// <summary>Compares two slugs for inequality.</summary>
    /// <param name="left">The first slug.</param>
    /// <param name="right">The second slug.</param>
    /// <returns><see langword="true"/> when the texts differ.</returns>
    public static bool operator !=(Slug left, Slug right) => !left.Equals(right);

    /// <summary>Creates the slug of a text.</summary>
    /// <param name="text">The text, for example a title.</param>
    /// <param name="options">The options; <see cref="SlugOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The slug.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> has no letter or digit.</exception>
    public static Slug Create(string text, SlugOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryCreate(text, out Slug slug, options)
            ? slug
            : throw new ArgumentException("The text has no letter or digit to build a slug from.", nameof(text));
    }

    /// <summary>Creates the slug of a text, unless the text has no letter or digit.</summary>
    /// <param name="text">The text.</param>
    /// <param name="slug">The slug when the method returns <see langword="true"/>.</param>
    /// <param name="options">The options; <see cref="SlugOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when a slug could be created.</returns>
    public static bool TryCreate([NotNullWhen(true)] string? text, out Slug slug, SlugOptions? options = null)
    {
        options ??= SlugOptions.Default;
        slug = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string words = ToWords(text, options.Separator);
        if (words.Length == 0)
        {
            return false;
        }

        slug = new Slug(Truncate(words, options.MaxLength, options.Separator));
        return true;
    }

    /// <summary>Accepts a string that already is a slug (with the default separator).</summary>
    /// <param name="value">The candidate.</param>
    /// <param name="slug">The slug when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid slug of at most <see cref="SlugOptions.MaxLengthLimit"/> characters.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out Slug slug)
    {
        slug = default;
        if (string.IsNullOrEmpty(value) || value.Length > SlugOptions.MaxLengthLimit || value[0] == '-' || value[^1] == '-'
            || value.Contains("--", StringComparison.Ordinal) || value.AsSpan().ContainsAnyExcept(SlugCharacters))
        {
            return false;
        }

        slug = new Slug(value);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Slug other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Slug other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    private static string ToWords(string text, char separator)
    {
        string decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        bool pendingSeparator = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append(separator);
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSeparator = false;
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return builder.ToString();
    }

    private static string Truncate(string words, int maxLength, char separator)
    {
        if (words.Length <= maxLength)
        {
            return words;
        }

        int cut = words.LastIndexOf(separator, maxLength);
        return cut > 0 ? words[..cut] : words[..maxLength];
    }
}
