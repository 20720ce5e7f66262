using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Polly;

namespace CompanyProduct.Resilience;

/// <summary>
/// Reports resilience events (retries, timeouts, circuit state changes) as logs and as the metric
/// <c>resilience.polly.strategy.events</c> of the meter <c>Polly</c>, with the instrument, tag and event names of
/// Polly's own telemetry (https://www.pollydocs.org/advanced/telemetry.html), so dashboards and alerts built for
/// Polly work unchanged.
/// </summary>
public sealed partial class ResilienceTelemetry
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Polly";

    /// <summary>The counter of events.</summary>
    public const string EventsInstrument = "resilience.polly.strategy.events";

    private readonly Counter<long> _events;
    private readonly ILogger<ResilienceTelemetry> _logger;

    /// <summary>Initializes a new instance of the <see cref="ResilienceTelemetry"/> class.</summary>
    /// <param name="meterFactory">The factory that owns the meter.</param>
    /// <param name="logger">The logger.</param>
    public ResilienceTelemetry(IMeterFactory meterFactory, ILogger<ResilienceTelemetry> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _events = meterFactory.Create(MeterName).CreateCounter<long>(EventsInstrument, unit: "{event}", description: "Resilience events: retries, timeouts, circuit breaker state changes.");
        _logger = logger;
    }

    /// <summary>Records a retry.</summary>
    /// <param name="pipeline">The pipeline name (the client name).</param>
    /// <param name="attempt">The number of the attempt that failed, from 0.</param>
    /// <param name="delay">The delay before the next attempt.</param>
    /// <param name="outcome">The outcome of the failed attempt.</param>
    public void Retry(string pipeline, int attempt, TimeSpan delay, Outcome<HttpResponseMessage> outcome)
    {
        Count(pipeline, "OnRetry", "Warning", outcome);
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            LogRetry(_logger, pipeline, attempt, delay.TotalMilliseconds, Describe(outcome));
        }
    }

    /// <summary>Records an attempt that timed out.</summary>
    /// <param name="pipeline">The pipeline name.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    public void Timeout(string pipeline, TimeSpan timeout)
    {
        Count(pipeline, "OnTimeout", "Error", default);
        LogTimeout(_logger, pipeline, timeout.TotalMilliseconds);
    }

    /// <summary>Records a change of circuit state: <c>OnCircuitOpened</c>, <c>OnCircuitHalfOpened</c> or <c>OnCircuitClosed</c>.</summary>
    /// <param name="pipeline">The pipeline name.</param>
    /// <param name="eventName">The event.</param>
    /// <param name="outcome">The outcome that caused the change, if any.</param>
    public void Circuit(string pipeline, string eventName, Outcome<HttpResponseMessage> outcome)
    {
        LogLevel level = eventName == "OnCircuitOpened" ? LogLevel.Error : eventName == "OnCircuitHalfOpened" ? LogLevel.Warning : LogLevel.Information;
        Count(pipeline, eventName, level.ToString(), outcome);

        // Circuit changes are rare: the description is computed whether or not the level is enabled.
        string result = Describe(outcome);
        LogCircuit(_logger, level, eventName, pipeline, result);
    }

    private void Count(string pipeline, string eventName, string severity, Outcome<HttpResponseMessage> outcome)
    {
        var tags = new TagList
        {
            { "event.name", eventName },
            { "event.severity", severity },
            { "pipeline.name", pipeline },
        };
        if (outcome.Exception is { } error)
        {
            tags.Add("exception.type", error.GetType().FullName);
        }
        else if (outcome.Result is { } response)
        {
            tags.Add("http.response.status_code", (int)response.StatusCode);
        }

        _events.Add(1, tags);
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? (outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none");

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Resilience event occurred. EventName: 'OnRetry', Source: '{PipelineName}', Attempt: {Attempt}, Delay: {DelayMs} ms, Result: '{Result}'")]
    private static partial void LogRetry(ILogger logger, string pipelineName, int attempt, double delayMs, string result);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Resilience event occurred. EventName: 'OnTimeout', Source: '{PipelineName}', Timeout: {TimeoutMs} ms")]
    private static partial void LogTimeout(ILogger logger, string pipelineName, double timeoutMs);

    [LoggerMessage(EventId = 2103, Message = "Resilience event occurred. EventName: '{EventName}', Source: '{PipelineName}', Result: '{Result}'")]
    private static partial void LogCircuit(ILogger logger, LogLevel level, string eventName, string pipelineName, string result);
}
