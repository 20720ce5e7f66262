using CompanyProduct.Errors;

namespace CompanyProduct.Tests.Errors;

public sealed class DomainErrorTests
{
    [Fact]
    public void Validation_uses_the_generic_code_unless_told_otherwise()
    {
        var fields = new Dictionary<string, string[]> { ["name"] = ["required"] };

        Assert.Equal(ErrorCodes.ValidationFailed, DomainError.Validation(fields).Code);
        Assert.Equal(ErrorCodes.InvalidCursor, DomainError.Validation(fields, ErrorCodes.InvalidCursor).Code);
    }

    [Fact]
    public void Failure_requires_an_error() =>
        Assert.Throws<ArgumentNullException>(() => Result.Failure<int>(null!));

    [Fact]
    public void Success_has_a_value_and_no_error()
    {
        Result<int> result = Result.Success(42);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal(42, result.Value);
    }
}
