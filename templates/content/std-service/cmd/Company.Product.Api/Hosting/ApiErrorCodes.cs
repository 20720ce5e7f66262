using Microsoft.AspNetCore.Http;

namespace CompanyProduct.Api.Hosting;

/// <summary>
/// Stable error codes raised by the HTTP layer itself (the domain's codes are in <c>ErrorCodes</c>).
/// </summary>
public static class ApiErrorCodes
{
    /// <summary>The request is malformed (unreadable body, wrong parameter types).</summary>
    public const string BadRequest = "request.invalid";

    /// <summary>The request has no valid bearer token.</summary>
    public const string Unauthenticated = "auth.unauthenticated";

    /// <summary>The caller's token lacks the scope the endpoint requires.</summary>
    public const string Forbidden = "auth.forbidden";

    /// <summary>No endpoint matches the request path.</summary>
    public const string RouteNotFound = "route.not_found";

    /// <summary>The endpoint exists but not for this HTTP method.</summary>
    public const string MethodNotAllowed = "request.method_not_allowed";

    /// <summary>The request body is larger than the endpoint accepts.</summary>
    public const string PayloadTooLarge = "request.too_large";

    /// <summary>The body has a media type the endpoint does not accept.</summary>
    public const string UnsupportedMediaType = "request.unsupported_media_type";

    /// <summary>The <c>type</c> of the 429 problem: the definition of the status code (RFC 6585 §4).</summary>
    public const string RateLimitedType = "https://tools.ietf.org/html/rfc6585#section-4";

    /// <summary>The client exceeded its rate limit.</summary>
    public const string RateLimited = "rate_limit.exceeded";

    /// <summary>An unexpected server error; details are in the logs under the trace id.</summary>
    public const string InternalError = "internal.error";

    /// <summary>The service cannot handle the request now.</summary>
    public const string Unavailable = "service.unavailable";

    /// <summary>Gets the code for a problem that was raised without one, from its status code.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns>The error code.</returns>
    public static string ForStatus(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 500 => InternalError,
        _ => $"http.{statusCode}",
    };
}
