using System.Diagnostics;
using System.Diagnostics.Metrics;
using CompanyProduct.Messaging;

namespace CompanyProduct.Diagnostics;

/// <summary>Metrics of message processing.</summary>
public sealed class MessagingMetrics
{
    private readonly Counter<long> _messages;
    private readonly Histogram<double> _duration;

    /// <summary>Initializes a new instance of the <see cref="MessagingMetrics"/> class.</summary>
    /// <param name="meterFactory">The factory that owns the meter.</param>
    public MessagingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(ProductTelemetry.Name);
        _messages = meter.CreateCounter<long>("messages.processed", unit: "{message}", description: "Messages taken from the transport, by outcome.");
        _duration = meter.CreateHistogram<double>("messages.process.duration", unit: "s", description: "Time to process a message, retries included.");
    }

    /// <summary>Records the outcome and duration of one message.</summary>
    /// <param name="messageType">The message type.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="duration">The processing time.</param>
    public void Record(string messageType, ProcessingOutcome outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "messaging.message.type", messageType },
            { "outcome", outcome.ToString() },
        };
        _messages.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }
}
