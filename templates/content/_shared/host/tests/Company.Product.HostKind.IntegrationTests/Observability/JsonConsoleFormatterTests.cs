using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CompanyProduct.HostKind.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CompanyProduct.HostKind.IntegrationTests.Observability;

public sealed class JsonConsoleFormatterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    private static JsonElement Format<TState>(
        TState state,
        Func<TState, Exception?, string> formatter,
        LogLevel level = LogLevel.Information,
        Exception? exception = null,
        IExternalScopeProvider? scopes = null)
    {
        var options = new JsonConsoleFormatterOptions { ServiceName = "svc", IncludeScopes = scopes is not null };
        using var sut = new JsonConsoleFormatter(new StaticOptionsMonitor(options), new FixedTimeProvider(Now));
        using var output = new StringWriter();
        var entry = new LogEntry<TState>(level, "Tests.Category", new EventId(7, "Seven"), state, exception, formatter);

        sut.Write(in entry, scopes, output);

        string line = output.ToString();
        Assert.EndsWith(Environment.NewLine, line, StringComparison.Ordinal);
        Assert.Single(line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static JsonElement FormatTemplate(string template, params (string Key, object? Value)[] values)
    {
        var state = values
            .Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value))
            .Append(new KeyValuePair<string, object?>("{OriginalFormat}", template))
            .ToList();
        string message = values.Aggregate(
            template,
            (text, pair) => text.Replace("{" + pair.Key + "}", Convert.ToString(pair.Value, CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return Format<IReadOnlyList<KeyValuePair<string, object?>>>(state, (_, _) => message);
    }

    [Fact]
    public void Writes_the_standard_fields()
    {
        JsonElement line = FormatTemplate("Hello {Name}", ("Name", "world"));

        Assert.Equal("2025-03-04T05:06:07.890Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("info", line.GetProperty("level").GetString());
        Assert.Equal("svc", line.GetProperty("service").GetString());
        Assert.Equal("Hello world", line.GetProperty("message").GetString());
        Assert.Equal("Tests.Category", line.GetProperty("category").GetString());
        Assert.Equal(7, line.GetProperty("event_id").GetInt32());
        Assert.Equal("world", line.GetProperty("attributes").GetProperty("Name").GetString());
        Assert.False(line.GetProperty("attributes").TryGetProperty("{OriginalFormat}", out _));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("trace_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("span_id").ValueKind);
    }

    [Fact]
    public void Writes_the_current_trace_and_span()
    {
        using var activity = new Activity("test");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.Start();

        JsonElement line = FormatTemplate("traced");

        Assert.Equal(activity.TraceId.ToHexString(), line.GetProperty("trace_id").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), line.GetProperty("span_id").GetString());
    }

    [Fact]
    public void Masks_secrets_in_attributes_and_message()
    {
        JsonElement line = FormatTemplate(
            "Connecting as {User} with {Password} and {ApiKey}",
            ("User", "alice"),
            ("Password", "hunter2"),
            ("ApiKey", "k-123"));

        Assert.Equal("Connecting as alice with *** and ***", line.GetProperty("message").GetString());
        JsonElement attributes = line.GetProperty("attributes");
        Assert.Equal("alice", attributes.GetProperty("User").GetString());
        Assert.Equal("***", attributes.GetProperty("Password").GetString());
        Assert.Equal("***", attributes.GetProperty("ApiKey").GetString());
        Assert.DoesNotContain("hunter2", line.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_typed_values_and_scopes()
    {
        var scopes = new LoggerExternalScopeProvider();
        using (scopes.Push(new[] { new KeyValuePair<string, object?>("RequestId", "0HN:00000001"), new KeyValuePair<string, object?>("RequestPath", "/x") }))
        using (scopes.Push(new[] { new KeyValuePair<string, object?>("request_id", "r-1") }))
        using (scopes.Push("a plain scope"))
        {
            var state = new List<KeyValuePair<string, object?>>
            {
                new("Count", 3),
                new("Ratio", 0.5),
                new("Flag", true),
                new("Missing", null),
                new("When", Now),
                new("NotANumber", double.NaN),
                new("Amount", 1.25m),
            };
            JsonElement line = Format<IReadOnlyList<KeyValuePair<string, object?>>>(state, (_, _) => "typed", scopes: scopes);

            JsonElement attributes = line.GetProperty("attributes");
            Assert.Equal(3, attributes.GetProperty("Count").GetInt32());
            Assert.Equal(0.5, attributes.GetProperty("Ratio").GetDouble());
            Assert.True(attributes.GetProperty("Flag").GetBoolean());
            Assert.Equal(JsonValueKind.Null, attributes.GetProperty("Missing").ValueKind);
            Assert.Equal("2025-03-04T05:06:07.8900000Z", attributes.GetProperty("When").GetString());
            Assert.Equal("NaN", attributes.GetProperty("NotANumber").GetString());
            Assert.Equal(1.25m, attributes.GetProperty("Amount").GetDecimal());
            Assert.Equal("r-1", attributes.GetProperty("request_id").GetString());
            Assert.False(attributes.TryGetProperty("RequestId", out _), "One request id per line: request_id.");
            Assert.Equal("/x", attributes.GetProperty("RequestPath").GetString());
        }
    }

    [Fact]
    public void Writes_exceptions_and_skips_empty_entries()
    {
        JsonElement line = Format("state", (_, _) => "failed", LogLevel.Error, new InvalidOperationException("boom"));

        Assert.Equal("error", line.GetProperty("level").GetString());
        Assert.Contains("boom", line.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.False(line.TryGetProperty("attributes", out _));

        var options = new JsonConsoleFormatterOptions();
        using var sut = new JsonConsoleFormatter(new StaticOptionsMonitor(options), new FixedTimeProvider(Now));
        using var output = new StringWriter();
        var empty = new LogEntry<string>(LogLevel.Information, "c", default, "s", null, (_, _) => string.Empty);
        sut.Write(in empty, null, output);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Theory]
    [InlineData(LogLevel.Trace, "trace")]
    [InlineData(LogLevel.Debug, "debug")]
    [InlineData(LogLevel.Warning, "warn")]
    [InlineData(LogLevel.Critical, "critical")]
    [InlineData(LogLevel.None, "none")]
    public void Names_levels(LogLevel level, string name) => Assert.Equal(name, JsonConsoleFormatter.LevelName(level));

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class StaticOptionsMonitor(JsonConsoleFormatterOptions value) : IOptionsMonitor<JsonConsoleFormatterOptions>
    {
        public JsonConsoleFormatterOptions CurrentValue => value;

        public JsonConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<JsonConsoleFormatterOptions, string?> listener) => null;
    }
}
