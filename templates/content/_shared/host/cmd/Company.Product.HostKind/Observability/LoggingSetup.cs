using CompanyProduct.HostKind.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompanyProduct.HostKind.Observability;

/// <summary>Configures structured JSON logs on standard output.</summary>
public static class LoggingSetup
{
    /// <summary>
    /// Replaces the default providers with the console provider writing <see cref="JsonConsoleFormatter"/> lines,
    /// stamped with the service name from <see cref="ServiceOptions"/>.
    /// </summary>
    /// <param name="logging">The logging builder.</param>
    /// <returns>The same builder.</returns>
    public static ILoggingBuilder AddStructuredConsole(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddConsole(options => options.FormatterName = JsonConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<JsonConsoleFormatter, JsonConsoleFormatterOptions>();
        logging.Services.AddOptions<JsonConsoleFormatterOptions>()
            .Configure<IOptions<ServiceOptions>>((formatter, service) => formatter.ServiceName = service.Value.Name);
        return logging;
    }
}
