namespace CompanyProduct.Downstream;

/// <summary>Where the downstream API lives (configuration section <c>Downstream</c>).</summary>
public sealed class DownstreamOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Downstream";

    /// <summary>
    /// Gets or sets the absolute base address of the downstream API, ending with a slash. Unset, the API is not
    /// configured: readiness does not check it, and calls through <see cref="DownstreamClient"/> fail.
    /// </summary>
    public Uri? BaseAddress { get; set; }
}
