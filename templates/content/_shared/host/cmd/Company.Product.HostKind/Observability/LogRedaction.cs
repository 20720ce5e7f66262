using System.Globalization;

namespace CompanyProduct.HostKind.Observability;

/// <summary>Masks the values of log fields whose names say they hold secrets.</summary>
public static class LogRedaction
{
    /// <summary>The text written instead of a secret.</summary>
    public const string Mask = "***";

    private static readonly string[] SensitiveFragments =
        ["password", "passwd", "secret", "token", "apikey", "connectionstring", "authorization", "cookie"];

    /// <summary>
    /// Tells whether a field name denotes a secret: it contains, ignoring case and separators, one of password,
    /// passwd, secret, token, apikey, connectionstring, authorization or cookie.
    /// </summary>
    /// <param name="key">The field name.</param>
    /// <returns><see langword="true"/> when the value must not be logged.</returns>
    public static bool IsSensitive(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string normalized = string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        return SensitiveFragments.Any(fragment => normalized.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>Removes the values of sensitive fields from an already formatted message.</summary>
    /// <param name="message">The formatted message.</param>
    /// <param name="fields">The structured fields of the log entry, if any.</param>
    /// <returns>The message with every sensitive value replaced by <see cref="Mask"/>.</returns>
    public static string RedactMessage(string message, IReadOnlyList<KeyValuePair<string, object?>>? fields)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (fields is null)
        {
            return message;
        }

        foreach ((string key, object? value) in fields)
        {
            string? text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(text) && IsSensitive(key))
            {
                message = message.Replace(text, Mask, StringComparison.Ordinal);
            }
        }

        return message;
    }
}
