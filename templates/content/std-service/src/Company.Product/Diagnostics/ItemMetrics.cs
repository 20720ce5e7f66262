using System.Diagnostics.Metrics;

namespace CompanyProduct.Diagnostics;

/// <summary>Business metrics of the items feature.</summary>
public sealed class ItemMetrics
{
    private readonly Counter<long> _created;

    /// <summary>Initializes a new instance of the <see cref="ItemMetrics"/> class.</summary>
    /// <param name="meterFactory">The factory that owns the meter (disposed with the service provider).</param>
    public ItemMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(ProductTelemetry.Name);
        _created = meter.CreateCounter<long>("items.created", unit: "{item}", description: "Number of items created.");
    }

    /// <summary>Records that an item was created.</summary>
    public void ItemCreated() => _created.Add(1);
}
