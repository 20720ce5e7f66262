using CompanyProduct.HostKind.Observability;

namespace CompanyProduct.HostKind.IntegrationTests.Observability;

public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("Password")]
    [InlineData("db_password")]
    [InlineData("ClientSecret")]
    [InlineData("access-token")]
    [InlineData("API_KEY")]
    [InlineData("ApiKey")]
    [InlineData("ConnectionStrings:Default")]
    [InlineData("connection_string")]
    [InlineData("Authorization")]
    public void Recognises_secret_names(string key) => Assert.True(LogRedaction.IsSensitive(key));

    [Theory]
    [InlineData("User")]
    [InlineData("ItemId")]
    [InlineData("StatusCode")]
    public void Leaves_other_names_alone(string key) => Assert.False(LogRedaction.IsSensitive(key));

    [Fact]
    public void Leaves_messages_without_fields_alone() =>
        Assert.Equal("plain", LogRedaction.RedactMessage("plain", null));
}
