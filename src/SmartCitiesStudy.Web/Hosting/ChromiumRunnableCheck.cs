using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartCitiesStudy.Infrastructure.Reports;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// Readiness: the Chromium that prints the PDFs exists and runs (<c>chromium --version</c>). Probes never launch a
/// browser: the answer is kept for <see cref="Reuse"/>, and concurrent probes share one run.
/// </summary>
internal sealed class ChromiumRunnableCheck(ChromiumOptions chromium, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Reuse = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private Task<(bool Runs, string Description)>? _probe;
    private DateTimeOffset _probedAt;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<(bool Runs, string Description)> probe;
        lock (_gate)
        {
            if (_probe is null || (_probe.IsCompleted && time.GetUtcNow() - _probedAt > Reuse))
            {
                _probedAt = time.GetUtcNow();
                _probe = ProbeAsync(chromium.ExecutablePath);
            }

            probe = _probe;
        }

        var (runs, description) = await probe.WaitAsync(cancellationToken);
        return runs ? HealthCheckResult.Healthy(description) : new HealthCheckResult(context.Registration.FailureStatus, description);
    }

    private static async Task<(bool Runs, string Description)> ProbeAsync(string path)
    {
        if (!File.Exists(path))
        {
            return (false, $"no Chromium at {path} (Reports:ChromiumPath): the PDFs cannot print");
        }

        try
        {
            var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--version");
            using var process = Process.Start(start)!;
            var version = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(RunTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (false, $"{path} --version did not answer within {RunTimeout.TotalSeconds:0} s");
            }

            return process.ExitCode == 0
                ? (true, (await version).Trim())
                : (false, $"{path} --version exited with code {process.ExitCode}");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (false, $"{path} cannot run: {ex.Message}");
        }
    }
}
