using System.Diagnostics;

namespace CompanyProduct.Diagnostics;

/// <summary>Names and sources for the traces and metrics this service emits.</summary>
public static class ProductTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the meter of this service.</summary>
    public const string Name = "Company.Product";

    /// <summary>Gets the source for the spans of this service's own operations.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);
}
