using CompanyProduct.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompanyProduct.Api.Items;

/// <summary>Maps domain errors to problem details results.</summary>
public static class ApiProblems
{
    /// <summary>Creates the 400 validation problem of a validation error, with the error's <c>code</c>.</summary>
    /// <param name="error">The error (of kind <see cref="ErrorKind.Validation"/>).</param>
    /// <returns>The problem.</returns>
    public static ValidationProblem Validation(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.ValidationProblem(
            error.Fields ?? new Dictionary<string, string[]>(),
            detail: error.Detail,
            title: "The request is invalid.",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }

    /// <summary>Creates the problem of a domain error: 400 for validation, 404 for not found, with the error's <c>code</c>.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult From(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        (int status, string title) = error.Kind switch
        {
            ErrorKind.Validation => (StatusCodes.Status400BadRequest, "The request is invalid."),
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "The resource was not found."),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unknown error kind."),
        };
        return TypedResults.Problem(detail: error.Detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
