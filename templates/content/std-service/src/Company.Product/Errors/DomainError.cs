namespace CompanyProduct.Errors;

/// <summary>The category of a <see cref="DomainError"/>; the HTTP host maps each kind to a status code.</summary>
public enum ErrorKind
{
    /// <summary>The input is invalid (HTTP 400).</summary>
    Validation,

    /// <summary>The addressed resource does not exist (HTTP 404).</summary>
    NotFound,
}

/// <summary>An expected failure of a use case, reported to the caller instead of thrown.</summary>
/// <param name="Kind">The category of the failure.</param>
/// <param name="Code">The stable error code, one of <see cref="ErrorCodes"/>.</param>
/// <param name="Detail">A human-readable explanation of this occurrence.</param>
/// <param name="Fields">For validation failures: the messages per invalid field.</param>
public sealed record DomainError(
    ErrorKind Kind,
    string Code,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Fields = null)
{
    /// <summary>Creates a validation failure with the given messages per field.</summary>
    /// <param name="fields">The messages per invalid field; must not be empty.</param>
    /// <param name="code">The error code; <see cref="ErrorCodes.ValidationFailed"/> unless a more specific one applies.</param>
    /// <returns>The error.</returns>
    public static DomainError Validation(IReadOnlyDictionary<string, string[]> fields, string code = ErrorCodes.ValidationFailed)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new DomainError(ErrorKind.Validation, code, "One or more fields are invalid.", fields);
    }

    /// <summary>Creates a not-found failure.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="detail">A human-readable explanation.</param>
    /// <returns>The error.</returns>
    public static DomainError NotFound(string code, string detail) => new(ErrorKind.NotFound, code, detail);
}
