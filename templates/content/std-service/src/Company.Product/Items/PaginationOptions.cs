using System.ComponentModel.DataAnnotations;

namespace CompanyProduct.Items;

/// <summary>Limits of list endpoints (configuration section <c>Pagination</c>).</summary>
public sealed class PaginationOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pagination";

    /// <summary>Gets or sets the page size used when a request gives no <c>limit</c>.</summary>
    [Range(1, 1000)]
    public int DefaultLimit { get; set; } = 20;

    /// <summary>Gets or sets the largest <c>limit</c> a request may ask for.</summary>
    [Range(1, 1000)]
    public int MaxLimit { get; set; } = 100;
}
