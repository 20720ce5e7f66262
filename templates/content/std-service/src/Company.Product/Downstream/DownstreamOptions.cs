using System.ComponentModel.DataAnnotations;

namespace CompanyProduct.Downstream;

/// <summary>Where the downstream API lives (configuration section <c>Downstream</c>).</summary>
public sealed class DownstreamOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Downstream";

    /// <summary>Gets or sets the absolute base address of the downstream API, ending with a slash.</summary>
    [Required]
    public Uri? BaseAddress { get; set; }
}
