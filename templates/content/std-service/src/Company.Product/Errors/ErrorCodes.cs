namespace CompanyProduct.Errors;

/// <summary>
/// Stable, machine-readable error codes, returned to clients in the <c>code</c> member of RFC 9457 problem details.
/// </summary>
/// <remarks>Clients branch on these values: never change or reuse a code once it has been released.</remarks>
public static class ErrorCodes
{
    /// <summary>The request failed validation; the problem details carry the failing fields in <c>errors</c>.</summary>
    public const string ValidationFailed = "validation.failed";

    /// <summary>The requested item does not exist.</summary>
    public const string ItemNotFound = "items.not_found";

    /// <summary>The pagination cursor is malformed or was not issued by this service.</summary>
    public const string InvalidCursor = "pagination.invalid_cursor";
}
