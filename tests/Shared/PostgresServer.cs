using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartCitiesStudy.Testing;

/// <summary>
/// A throwaway PostgreSQL server that a test owns and may stop and start: initdb into a temporary folder (as the
/// <c>postgres</c> OS user when the tests run as root), pg_ctl on a free port, socket in that folder. Disposing stops
/// it (fast, then a kill) and deletes the folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(40);
    private readonly string _bin;
    private readonly string _folder;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    /// <summary>Why a test that needs a server of its own is skipped when <see cref="CanStart"/> is false.</summary>
    public const string SkipReason = "PostgreSQL only: needs SCS_TEST_DATABASE=Postgres and the server's binaries in /usr/lib/postgresql/*/bin (the test starts and stops a server of its own).";

    /// <summary>Whether this run tests PostgreSQL and the machine has the server's binaries.</summary>
    public static bool CanStart => TestDatabase.ProviderUnderTest == SmartCitiesStudy.Infrastructure.Persistence.DatabaseProvider.Postgres && FindBinaries() is not null;

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string to <paramref name="database"/> with short timeouts, so an outage is seen fast.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=3;Command Timeout=5";

    /// <summary>The binaries of the newest installed PostgreSQL, or null when none is installed.</summary>
    /// <summary>The web app's settings for a demo-seeded database on this server, migrated at start, no PDFs on publish.</summary>
    public IReadOnlyDictionary<string, string?> DemoAppSettings() => new Dictionary<string, string?>
    {
        [SmartCitiesStudy.Infrastructure.Persistence.DatabaseSettings.ProviderKey] = "Postgres",
        ["ConnectionStrings:" + SmartCitiesStudy.Infrastructure.Persistence.DatabaseSettings.ConnectionStringName] = ConnectionString(),
        ["Database:MigrateOnStart"] = "true",
        ["Database:SeedDemoData"] = "true",
        ["Reports:GenerateOnPublish"] = "false",
    };

    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql/*/bin.");
        // The server runs as the postgres user, who must reach the folder: a private TMPDIR (./test.sh gives each run
        // one, mode 700, owned by root) would refuse it, so as root the folder goes straight under /tmp.
        var parent = IsRoot && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        var folder = Path.Combine(parent, "scs-faults-pg." + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(bin, folder, FreePort());
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", ["postgres:", folder], asPostgres: false, cancellationToken);
            }

            await server.PgAsync("initdb", ["-D", server.DataFolder, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"], cancellationToken);
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        PgAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"], cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) =>
        PgAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "30", "stop"], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await StopAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            KillPostmaster();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying server; the temporary folder is cleaned by the OS eventually.
        }
    }

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataFolder, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    private Task PgAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(_bin, tool), arguments, IsRoot, cancellationToken, _folder);

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {CommandTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error} {await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
