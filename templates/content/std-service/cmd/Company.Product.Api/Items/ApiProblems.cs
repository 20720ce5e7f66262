using CompanyProduct.Errors;
using Microsoft.AspNetCore.Http;

namespace CompanyProduct.Api.Items;

/// <summary>Maps domain errors to problem details results.</summary>
public static class ApiProblems
{
    /// <summary>Creates the problem details result for a domain error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>A 400 validation problem or a 404 problem, with the error's <c>code</c>.</returns>
    public static IResult From(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        return error.Kind switch
        {
            ErrorKind.Validation => TypedResults.ValidationProblem(
                error.Fields ?? new Dictionary<string, string[]>(),
                detail: error.Detail,
                title: "The request is invalid.",
                extensions: extensions),
            ErrorKind.NotFound => TypedResults.Problem(
                detail: error.Detail,
                statusCode: StatusCodes.Status404NotFound,
                title: "The resource was not found.",
                extensions: extensions),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unknown error kind."),
        };
    }
}
