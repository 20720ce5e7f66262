using Microsoft.Extensions.Logging.Console;

namespace CompanyProduct.HostKind.Observability;

/// <summary>Options of <see cref="JsonConsoleFormatter"/>.</summary>
public sealed class JsonConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>Gets or sets the value of the <c>service</c> field.</summary>
    public string ServiceName { get; set; } = string.Empty;
}
