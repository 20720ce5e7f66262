using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for the tests: a new cluster (<c>initdb</c>) in a temp folder, started with
/// <c>pg_ctl</c> on a free loopback port (its Unix socket in that folder too), password authentication. initdb and
/// pg_ctl refuse to run as root, so as root they run as the <c>postgres</c> user. The server stops when the test stops
/// it, when the test process exits, and — through a watchdog process that polls the test process — when the test
/// process dies without stopping it. The binaries come from eng/setup.sh (Debian's postgresql package).
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private static readonly Lazy<PrivatePostgres> SharedServer = new(() => Start("shared"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;
    private bool _stopped;

    private PrivatePostgres(string bin, string folder, int port, string password, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        Password = password;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>The server shared by the tests of this run (each test uses its own databases).</summary>
    public static PrivatePostgres Shared => SharedServer.Value;

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>The password of the superuser <c>postgres</c>.</summary>
    public string Password { get; }

    /// <summary>An Npgsql connection string for a database of this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database}";

    /// <summary>Creates and starts a new server; <paramref name="purpose"/> names its temp folder.</summary>
    public static PrivatePostgres Start(string purpose)
    {
        var bin = FindBinaries();
        var folder = PackedSdk.NewTempDirectory("pg-" + purpose);
        var asPostgresUser = Environment.UserName == "root";
        var password = Guid.NewGuid().ToString("N");
        File.WriteAllText(Path.Combine(folder, "pwfile"), password);
        if (asPostgresUser)
        {
            // The postgres user owns the cluster; the parents of the temp folder are world-traversable.
            Run("chown", ["-R", "postgres", folder], folder).EnsureSuccess("chown " + folder);
        }

        var port = FreeLoopbackPort();
        var server = new PrivatePostgres(bin, folder, port, password, asPostgresUser);
        server.Pg("initdb", ["-D", server.Data, "-U", "postgres", "--auth=scram-sha-256", "--pwfile", Path.Combine(folder, "pwfile"), "-E", "UTF8", "--no-locale"])
            .EnsureSuccess("initdb");
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        server.Pg("pg_ctl", ["-D", server.Data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"])
            .EnsureSuccess("pg_ctl start");
        server.StartWatchdog();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>Creates a database and returns its connection string.</summary>
    public string CreateDatabase(string name)
    {
        Psql($"CREATE DATABASE \"{name}\"").EnsureSuccess("CREATE DATABASE " + name);
        return ConnectionString(name);
    }

    /// <summary>Runs SQL with psql (unaligned, tuples only) and returns its output.</summary>
    public ProcessResult Psql(string sql, string database = "postgres") =>
        ProcessRunner.Run(
            Path.Combine(_bin, "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
            _folder,
            new Dictionary<string, string?> { ["PGPASSWORD"] = Password },
            TimeSpan.FromMinutes(1));

    /// <summary>Stops the server (fast shutdown) and deletes its folder.</summary>
    public void Dispose()
    {
        lock (_folder)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        Pg("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "-t", "30", "stop"]);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private string Data => Path.Combine(_folder, "data");

    private ProcessResult Pg(string tool, IEnumerable<string> arguments)
    {
        var executable = Path.Combine(_bin, tool);
        return _asPostgresUser
            ? Run("runuser", ["-u", "postgres", "--", executable, .. arguments], _folder)
            : Run(executable, arguments, _folder);
    }

    // If this process dies (a crash, a kill), the watchdog stops the server and removes its folder.
    private void StartWatchdog()
    {
        var stop = _asPostgresUser
            ? $"runuser -u postgres -- '{_bin}/pg_ctl' -D '{Data}' -m immediate stop"
            : $"'{_bin}/pg_ctl' -D '{Data}' -m immediate stop";
        var script = string.Create(
            CultureInfo.InvariantCulture,
            $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} 2>/dev/null && [ -d '{Data}' ]; do sleep 2; done; [ -d '{Data}' ] && {{ {stop}; rm -rf '{_folder}'; }}; exit 0");
        var info = new ProcessStartInfo("setsid", ["bash", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var watchdog = Process.Start(info);
    }

    private static ProcessResult Run(string fileName, IEnumerable<string> arguments, string folder) =>
        ProcessRunner.Run(fileName, arguments, folder, timeout: TimeSpan.FromMinutes(2));

    private static string FindBinaries()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("STANDARDS_POSTGRES_BIN");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "initdb")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or STANDARDS_POSTGRES_BIN. Run bash eng/setup.sh (it installs Debian's postgresql package).");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
