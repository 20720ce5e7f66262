using System.Diagnostics.Metrics;

namespace CompanyProduct.Worker.IntegrationTests;

/// <summary>A minimal <see cref="IMeterFactory"/> for tests that build services by hand.</summary>
internal sealed class TestMeters : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(meter => meter.Dispose());
}
