using System.Diagnostics.CodeAnalysis;

namespace CompanyProduct.Errors;

/// <summary>The outcome of a use case: either a value or a <see cref="DomainError"/>.</summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
public sealed class Result<T>
{
    private readonly T? _value;

    internal Result(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Gets the error, or <see langword="null"/> when the operation succeeded.</summary>
    public DomainError? Error { get; }

    /// <summary>Gets a value indicating whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>Gets the value of a successful operation.</summary>
    /// <exception cref="InvalidOperationException">The operation failed.</exception>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The operation failed with '{Error.Code}'; there is no value.");
}

/// <summary>Factory methods for <see cref="Result{T}"/>.</summary>
public static class Result
{
    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static Result<T> Success<T>(T value) => new(value, null);

    /// <summary>Creates a failed result.</summary>
    /// <typeparam name="T">The type the value would have had.</typeparam>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public static Result<T> Failure<T>(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }
}
