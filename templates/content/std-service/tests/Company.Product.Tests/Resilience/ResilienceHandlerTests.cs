using System.Net;
using CompanyProduct.Resilience;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CompanyProduct.Tests.Resilience;

public sealed class ResilienceHandlerTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();

    public void Dispose() => _meters.Dispose();

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
        var telemetry = new ResilienceTelemetry(_meters, NullLogger<ResilienceTelemetry>.Instance);
        var handler = new ResilienceHandler(HttpResiliencePipeline.Create("test", options, TimeProvider.System, telemetry)) { InnerHandler = stub };
        return new HttpClient(handler) { BaseAddress = new Uri("http://downstream.test/") };
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
    }

    [Fact]
    public async Task Retries_server_errors_until_success()
    {
        var stub = new StubHandler((call, _) => Task.FromResult(
            new HttpResponseMessage(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK)));
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, stub.Calls);
    }

    [Fact]
    public async Task Gives_up_after_the_maximum_number_of_attempts()
    {
        var stub = StubHandler.Always(HttpStatusCode.InternalServerError);
        using HttpClient client = CreateClient(stub, FastOptions(maxAttempts: 4));

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative));

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

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative));

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

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative));

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

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative));

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

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetAsync(new Uri("status", UriKind.Relative)));
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
            using HttpResponseMessage failed = await client.GetAsync(new Uri("status", UriKind.Relative));
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(new Uri("status", UriKind.Relative)));
        Assert.Equal(4, stub.Calls);
    }

    [Fact]
    public async Task Reports_each_retry_as_a_resilience_event()
    {
        var stub = new StubHandler((call, _) => Task.FromResult(new HttpResponseMessage(call < 3 ? HttpStatusCode.BadGateway : HttpStatusCode.OK)));
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.GetAsync(new Uri("status", UriKind.Relative));

        Assert.Equal(2, _meters.Total(ResilienceTelemetry.EventsInstrument));
    }

    [Fact]
    public async Task Never_retries_a_post_without_an_idempotency_key()
    {
        var stub = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using HttpClient client = CreateClient(stub, FastOptions());

        using HttpResponseMessage response = await client.PostAsync(new Uri("orders", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task Retries_a_post_with_an_idempotency_key_sending_a_fresh_request_each_time()
    {
        var seen = new List<(HttpRequestMessage Request, string Body, string Key)>();
        var stub = new RecordingHandler(async (request, call) =>
        {
            seen.Add((request, await request.Content!.ReadAsStringAsync(), request.Headers.GetValues(HttpResiliencePipeline.IdempotencyKeyHeader).Single()));
            return new HttpResponseMessage(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Created);
        });
        using HttpClient client = CreateClient(stub, FastOptions());
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{\"n\":1}") };
        request.Headers.Add(HttpResiliencePipeline.IdempotencyKeyHeader, "key-1");

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Same(request, response.RequestMessage);
        Assert.Equal(3, seen.Count);
        Assert.Equal(3, seen.Select(s => s.Request).Distinct().Count());
        Assert.All(seen, s => Assert.Equal(("{\"n\":1}", "key-1"), (s.Body, s.Key)));
    }

    [Fact]
    public async Task A_request_can_turn_retries_off()
    {
        var stub = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using HttpClient client = CreateClient(stub, FastOptions());
        using var request = new HttpRequestMessage(HttpMethod.Get, "status");
        request.Options.Set(HttpResiliencePipeline.NoRetries, true);

        using HttpResponseMessage response = await client.SendAsync(request);

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

        Assert.Equal(retryable, HttpResiliencePipeline.CanRetry(request));
    }

    private sealed class RecordingHandler(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            respond(request, Interlocked.Increment(ref _calls));
    }
}
