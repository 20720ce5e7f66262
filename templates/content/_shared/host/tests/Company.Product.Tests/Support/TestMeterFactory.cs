using System.Diagnostics.Metrics;

namespace CompanyProduct.Tests.Support;

/// <summary>An <see cref="IMeterFactory"/> that records what the meters it created measure.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _totals = [];

    public TestMeterFactory()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_totals)
            {
                _totals[instrument.Name] = _totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public long Total(string instrumentName)
    {
        _listener.RecordObservableInstruments();
        lock (_totals)
        {
            return _totals.GetValueOrDefault(instrumentName);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (Meter meter in _meters)
        {
            meter.Dispose();
        }
    }
}
