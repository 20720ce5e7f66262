using System.Net;
using System.Text;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>A downstream API for a generated service: answers <c>{"status":"ok"}</c> to every request, on loopback.</summary>
public sealed class StubHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public StubHttpServer()
    {
        var port = RunningApp.FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the loop.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes("{\"status\":\"ok\"}");
            context.Response.ContentType = "application/json";
            context.Response.OutputStream.Write(body);
            context.Response.Close();
        }
    }
}
