using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CompanyProduct.HostKind.Observability;

/// <summary>
/// Writes one JSON object per log entry with the fields <c>timestamp</c>, <c>level</c>, <c>service</c>,
/// <c>trace_id</c>, <c>span_id</c>, <c>message</c> and <c>category</c>, then <c>event_id</c>, <c>exception</c> and
/// the structured values in <c>attributes</c> when present. Secrets are masked (see <see cref="LogRedaction"/>).
/// </summary>
// Hand-written: the built-in JsonConsoleFormatter (Microsoft.Extensions.Logging.Console) was weighed; it cannot rename
// fields to the profile's names (timestamp, level, trace_id, span_id), add the service name or mask secrets.
public sealed class JsonConsoleFormatter : ConsoleFormatter, IDisposable
{
    /// <summary>The name to select this formatter with (<c>Logging:Console:FormatterName</c>).</summary>
    public const string FormatterName = "standards-json";

    private const string OriginalFormatKey = "{OriginalFormat}";

    // Keys already written as trace_id and span_id (ASP.NET Core's request scope repeats them), and the connection-based
    // RequestId of that scope: the request's id is request_id (X-Request-ID), one id per line.
    private static readonly string[] EnvelopeKeys = [OriginalFormatKey, "TraceId", "SpanId", "ParentId", "RequestId"];

    // Log lines are never embedded in HTML, so only what JSON requires is escaped (quotes, control characters):
    // non-ASCII text and characters such as '+' or '<' stay readable.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TimeProvider _timeProvider;
    private readonly IDisposable? _optionsReloadToken;
    private JsonConsoleFormatterOptions _options;

    /// <summary>Initializes a new instance of the <see cref="JsonConsoleFormatter"/> class.</summary>
    /// <param name="options">The formatter options.</param>
    /// <param name="timeProvider">The clock for the <c>timestamp</c> field.</param>
    public JsonConsoleFormatter(IOptionsMonitor<JsonConsoleFormatterOptions> options, TimeProvider timeProvider)
        : base(FormatterName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _options = options.CurrentValue;
        _optionsReloadToken = options.OnChange(updated => _options = updated);
    }

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception) ?? string.Empty;
        if (message.Length == 0 && logEntry.Exception is null)
        {
            return;
        }

        var fields = logEntry.State as IReadOnlyList<KeyValuePair<string, object?>>;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteEnvelope(writer, logEntry.LogLevel);
            writer.WriteString("message", LogRedaction.RedactMessage(message, fields));
            writer.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                writer.WriteNumber("event_id", logEntry.EventId.Id);
            }

            if (logEntry.Exception is not null)
            {
                writer.WriteString("exception", logEntry.Exception.ToString());
            }

            WriteAttributes(writer, fields, _options.IncludeScopes ? scopeProvider : null);
            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    /// <inheritdoc />
    public void Dispose() => _optionsReloadToken?.Dispose();

    /// <summary>Gets the <c>level</c> field value of a log level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>trace, debug, info, warn, error or critical.</returns>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };

    private void WriteEnvelope(Utf8JsonWriter writer, LogLevel level)
    {
        writer.WriteString(
            "timestamp",
            _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("level", LevelName(level));
        writer.WriteString("service", _options.ServiceName);
        Activity? activity = Activity.Current;
        if (activity is null)
        {
            writer.WriteNull("trace_id");
            writer.WriteNull("span_id");
            return;
        }

        writer.WriteString("trace_id", activity.TraceId.ToHexString());
        writer.WriteString("span_id", activity.SpanId.ToHexString());
    }

    private static void WriteAttributes(
        Utf8JsonWriter writer,
        IReadOnlyList<KeyValuePair<string, object?>>? fields,
        IExternalScopeProvider? scopeProvider)
    {
        var written = new HashSet<string>(EnvelopeKeys, StringComparer.Ordinal);
        var pending = new List<KeyValuePair<string, object?>>();
        if (fields is not null)
        {
            pending.AddRange(fields);
        }

        scopeProvider?.ForEachScope(
            static (scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs);
                }
            },
            pending);

        bool started = false;
        foreach ((string key, object? value) in pending)
        {
            if (!written.Add(key))
            {
                continue;
            }

            if (!started)
            {
                writer.WriteStartObject("attributes");
                started = true;
            }

            writer.WritePropertyName(key);
            WriteValue(writer, LogRedaction.IsSensitive(key) ? LogRedaction.Mask : value);
        }

        if (started)
        {
            writer.WriteEndObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
