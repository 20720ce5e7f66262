using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// A built service or worker started with <c>dotnet &lt;dll&gt; --urls http://127.0.0.1:&lt;free port&gt;</c> (from
/// its output folder, which is its content root), probed over HTTP and stopped with SIGTERM; every wait is bounded
/// and the process tree is killed when it does not stop.
/// </summary>
public sealed class RunningApp : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningApp(Process process, Uri baseAddress)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>A client whose base address is the app.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the app printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app and waits (at most <paramref name="timeout"/>) until <c>/health</c> answers.</summary>
    public static RunningApp Start(string dllPath, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null, int? port = null)
    {
        var info = StartInfo(dllPath, port ?? FreeLoopbackPort(), environment, out var baseAddress);
        var process = new Process { StartInfo = info };
        var app = new RunningApp(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        app.WaitUntilServing(timeout);
        return app;
    }

    /// <summary>Runs the app's entry point with arguments (a command such as <c>migrate</c>) to completion.</summary>
    public static ProcessResult RunCommand(string dllPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>());
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS" })
        {
            env.TryAdd(name, null);
        }

        return ProcessRunner.Run("dotnet", [dllPath, .. arguments], Path.GetDirectoryName(dllPath)!, env, TimeSpan.FromMinutes(2));
    }

    private static ProcessStartInfo StartInfo(string dllPath, int port, IReadOnlyDictionary<string, string?>? environment, out Uri baseAddress)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dllPath);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var name in new[] { "CI", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        baseAddress = new Uri($"http://127.0.0.1:{port}/");
        return info;
    }

    /// <summary>GET a path; returns status, content type and body.</summary>
    public (HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Response) Get(string path) =>
        Send(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Sends a request; returns status, content type and body.</summary>
    public (HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Response) Send(HttpRequestMessage request)
    {
        var response = Client.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, reader.ReadToEnd(), response);
    }

    /// <summary>Sends SIGTERM without waiting: the app begins its graceful shutdown.</summary>
    public void Terminate() =>
        ProcessRunner.Run("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Path.GetTempPath(), timeout: TimeSpan.FromSeconds(10));

    /// <summary>
    /// Stops the app with SIGTERM (graceful shutdown) and waits at most <paramref name="timeout"/>; kills the
    /// process tree after that. Returns the exit code, or null when it had to be killed.
    /// </summary>
    public int? Stop(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }

        if (!OperatingSystem.IsWindows())
        {
            ProcessRunner.Run("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Path.GetTempPath(), timeout: TimeSpan.FromSeconds(10));
            if (_process.WaitForExit(timeout))
            {
                _process.WaitForExit();
                return _process.ExitCode;
            }
        }

        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(TimeSpan.FromSeconds(10));
        return null;
    }

    /// <summary>Kills the app at once (SIGKILL: no shutdown, nothing settled) and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(15));
        Client.Dispose();
        _process.Dispose();
    }

    /// <summary>A free loopback port.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilServing(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (stopwatch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                using var response = probe.GetAsync(new Uri("health", UriKind.Relative)).GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(200);
            }
            catch (TaskCanceledException)
            {
                Thread.Sleep(200);
            }
        }

        Stop(TimeSpan.FromSeconds(5));
        throw new TimeoutException($"The app did not answer /health within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
