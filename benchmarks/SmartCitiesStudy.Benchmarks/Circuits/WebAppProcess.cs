using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartCitiesStudy.Benchmarks.Circuits;

/// <summary>
/// The real web app as a child process (the build next to this one, same configuration) on a free loopback port,
/// against the database the benchmark uses: its memory can then be read apart from the load generator's.
/// </summary>
internal sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebAppProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<WebAppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var web = WebProjectFolder();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // …/bin/Release/net10.0/
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "SmartCitiesStudy.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the web app first (dotnet build -c {configuration}).", dll);
        }

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        start.Environment["RateLimiting__Enabled"] = "false";
        start.Environment["Database__SeedDemoData"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebAppProcess(process, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web app stopped at start (exit code {process.ExitCode}).");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The web app did not become healthy within a minute.");
    }

    /// <summary>The process's resident memory and its anonymous (heap) part, from /proc, in KiB.</summary>
    public (long ResidentKiB, long AnonymousKiB) Memory()
    {
        long Field(string[] lines, string name) =>
            lines.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Select(l => long.Parse(l[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        var status = File.ReadAllLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status");
        return (Field(status, "VmRSS"), Field(status, "RssAnon"));
    }

    /// <summary>CPU time the process has used so far (user and system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("  web| " + line);
        }
    }

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var web = Path.Combine(folder.FullName, "src", "SmartCitiesStudy.Web");
            if (Directory.Exists(web))
            {
                return web;
            }
        }

        throw new DirectoryNotFoundException("src/SmartCitiesStudy.Web not found above the benchmark's folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
