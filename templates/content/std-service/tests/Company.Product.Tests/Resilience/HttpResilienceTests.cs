using System.Diagnostics.Metrics;
using System.Net;
using CompanyProduct.Resilience;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CompanyProduct.Tests.Resilience;

/// <summary>The profile's rules on Microsoft.Extensions.Http.Resilience's standard handler, with a stub as the primary handler.</summary>
public sealed class HttpResilienceTests : IDisposable
{
    private readonly ServiceCollection _services = new();
    private readonly string _clientName = "test-" + Guid.NewGuid().ToString("N");
    private ServiceProvider? _provider;

    public void Dispose() => _provider?.Dispose();

    private static HttpResilienceOptions FastOptions(int maxAttempts = 5) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        MinimumThroughput = 100,
    };

    private HttpClient CreateClient(HttpMessageHandler stub, HttpResilienceOptions options)
    {
        _services.AddHttpClient(_clientName, static client => client.BaseAddress = new Uri("http://downstream.test/"))
            .AddProfileResilience(_ => options)
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        _provider = _services.BuildServiceProvider();
        return _provider.GetRequiredService<IHttpClientFactory>().CreateClient(_clientName);
    }

    [Fact]
    public void Defaults_follow_the_standard()
    {
        var options = new HttpResilienceOptions();

        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.Equal(0.5, options.FailureRatio);
        Assert.Equal(10, options.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), options.BreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(60), options.SamplingDuration);
    }

    [Fact]
    public async Task Retries_server_errors_until_success()
    {
        var stub = new StubHandler((call, _) => Task.FromResult(
            new HttpResponseMessage(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK)));
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, stub.Calls);
    }

    [Fact]
    public async Task Gives_up_after_the_maximum_number_of_attempts()
    {
        var stub = StubHandler.Always(HttpStatusCode.InternalServerError);
        using HttpClient client = CreateClient(stub, FastOptions(maxAttempts: 4));

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(4, stub.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Never_retries_client_errors(HttpStatusCode status)
    {
        var stub = StubHandler.Always(status);
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Retries_network_errors()
    {
        var stub = new StubHandler((call, _) => call == 1
            ? throw new HttpRequestException("connection refused")
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Times_out_slow_attempts_and_retries_them()
    {
        var stub = new StubHandler(async (call, token) =>
        {
            if (call == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        HttpResilienceOptions options = FastOptions();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using HttpClient client = CreateClient(stub, options);

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task Throws_a_timeout_when_every_attempt_is_too_slow()
    {
        var stub = new StubHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        HttpResilienceOptions options = FastOptions(maxAttempts: 2);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(20);
        using HttpClient client = CreateClient(stub, options);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Opens_the_circuit_when_half_of_the_calls_fail()
    {
        var stub = StubHandler.Always(HttpStatusCode.BadGateway);
        HttpResilienceOptions options = FastOptions(maxAttempts: 1);
        options.MinimumThroughput = 4;
        using HttpClient client = CreateClient(stub, options);

        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage failed = await client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(4, stub.Calls);
    }

    [Fact]
    public async Task Reports_each_retry_as_a_resilience_event()
    {
        var retries = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = static (instrument, l) =>
        {
            if (instrument.Meter.Name == "Polly" && instrument.Name == "resilience.polly.strategy.events")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Count(value, tags));
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Count((int)value, tags));
        listener.Start();
        void Count(int value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (Has(tags, "event.name", "OnRetry") && HasPrefix(tags, "pipeline.name", _clientName))
            {
                Interlocked.Add(ref retries, value);
            }
        }

        var stub = new StubHandler((call, _) => Task.FromResult(new HttpResponseMessage(call < 3 ? HttpStatusCode.BadGateway : HttpStatusCode.OK)));
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, retries);
    }

    [Fact]
    public async Task Never_retries_a_post_without_an_idempotency_key()
    {
        var stub = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.PostAsync(new Uri("orders", UriKind.Relative), new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Retries_a_post_with_an_idempotency_key_sending_the_same_body_and_key_each_time()
    {
        var seen = new List<(string Body, string Key)>();
        var stub = new RecordingHandler(async (request, call) =>
        {
            seen.Add((await request.Content!.ReadAsStringAsync(), request.Headers.GetValues(HttpResilience.IdempotencyKeyHeader).Single()));
            return new HttpResponseMessage(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Created);
        });
        using HttpClient client = CreateClient(stub, FastOptions());
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{\"n\":1}") };
        request.Headers.Add(HttpResilience.IdempotencyKeyHeader, "key-1");

        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal(("{\"n\":1}", "key-1"), s));
    }

    [Fact]
    public async Task A_request_can_turn_retries_off()
    {
        var stub = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using HttpClient client = CreateClient(stub, FastOptions());
        using var request = new HttpRequestMessage(HttpMethod.Get, "status");
        request.Options.Set(HttpResilience.NoRetries, true);

        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(1, stub.Calls);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("HEAD", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Only_idempotent_methods_may_be_retried(string method, bool retryable)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://x.test/");

        Assert.Equal(retryable, HttpResilience.CanRetry(request));
    }

    [Fact]
    public async Task Retries_a_put_and_a_delete()
    {
        var stub = new StubHandler((call, _) => Task.FromResult(new HttpResponseMessage(call % 2 == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NoContent)));
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage put = await client.PutAsync(new Uri("orders/1", UriKind.Relative), new StringContent("{}"), TestContext.Current.CancellationToken);
        using HttpResponseMessage delete = await client.DeleteAsync(new Uri("orders/1", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (put.StatusCode, delete.StatusCode));
        Assert.Equal(4, stub.Calls);
    }

    [Fact]
    public void The_profile_defaults_pass_the_standard_handlers_validation()
    {
        _services.AddHttpClient(_clientName).AddProfileResilience(static _ => new HttpResilienceOptions());
        _provider = _services.BuildServiceProvider();

        using HttpClient client = _provider.GetRequiredService<IHttpClientFactory>().CreateClient(_clientName);

        Assert.NotNull(client);
    }

    private static bool Has(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPrefix(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string prefix)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == key && tag.Value is string text && text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class RecordingHandler(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            respond(request, Interlocked.Increment(ref _calls));
    }
}
