using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.Hosting;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed (configuration section
/// <c>ForwardedHeaders</c>). Empty by default: the remote address is the TCP peer, and a client cannot choose it by
/// sending the header. Behind a load balancer or ingress, list its addresses or networks.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Gets or sets the IP addresses of trusted proxies, e.g. <c>10.0.0.12</c>.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Gets or sets the networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    /// <summary>Gets or sets how many proxy hops are read from the end of <c>X-Forwarded-For</c>.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (string proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (string network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR network.", [nameof(KnownNetworks)]);
        }
    }
}

/// <summary>Registers forwarded-header handling restricted to the configured trusted proxies.</summary>
public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Adds <see cref="TrustedProxyOptions"/> and configures <see cref="ForwardedHeadersOptions"/> from it; the
    /// framework's default trust of loopback is removed, so only the listed proxies count.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TrustedProxyOptions>(configuration, TrustedProxyOptions.SectionName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>(static (options, trusted) =>
        {
            TrustedProxyOptions settings = trusted.Value;

            // The middleware believes every sender when its lists are empty, and trusts loopback by default: so with
            // no trusted proxy configured it reads no header at all, and otherwise only the configured proxies count.
            options.ForwardedHeaders = settings.KnownProxies.Count + settings.KnownNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable CS0618, ASPDEPR005
            options.KnownNetworks.Clear();
#pragma warning restore CS0618, ASPDEPR005
            foreach (string proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (string network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
