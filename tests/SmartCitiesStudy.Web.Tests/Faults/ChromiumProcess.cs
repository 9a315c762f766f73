using System.Diagnostics;
using SmartCitiesStudy.Infrastructure.Reports;

namespace SmartCitiesStudy.Web.Tests.Faults;

/// <summary>
/// A Chromium a test can find and kill: a wrapper script that starts the real browser with a marker argument unique
/// to this instance, so <c>pgrep -f</c> finds exactly the processes of the printer under test.
/// </summary>
internal sealed class ChromiumProcess : IDisposable
{
    private readonly string _marker = "--scs-fault-test=" + Guid.NewGuid().ToString("N");

    public ChromiumProcess()
    {
        var real = ChromiumOptions.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).ExecutablePath;
        WrapperPath = Path.Combine(Path.GetTempPath(), "scs-chromium-" + Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(WrapperPath, $"#!/bin/sh\nexec \"{real}\" {_marker} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(WrapperPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string WrapperPath { get; }

    /// <summary>The ids of the running processes started through this wrapper (the browser, not its children).</summary>
    public IReadOnlyList<int> Find()
    {
        var start = new ProcessStartInfo("pgrep", ["-f", "--", _marker]) { RedirectStandardOutput = true };
        using var pgrep = Process.Start(start) ?? throw new InvalidOperationException("Could not run pgrep.");
        var output = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Where(id => id != Environment.ProcessId)];
    }

    /// <summary>Kills every process started through this wrapper with its children; returns how many were found.</summary>
    public int KillAll()
    {
        var ids = Find();
        foreach (var id in ids)
        {
            try
            {
                using var process = Process.GetProcessById(id);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Exited on its own (e.g. a child that died with its parent).
            }
        }

        return ids.Count;
    }

    public void Dispose()
    {
        KillAll();
        File.Delete(WrapperPath);
    }
}
