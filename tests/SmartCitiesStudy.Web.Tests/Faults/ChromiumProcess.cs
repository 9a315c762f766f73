using System.Diagnostics;
using SmartCitiesStudy.Infrastructure.Reports;

namespace SmartCitiesStudy.Web.Tests.Faults;

/// <summary>
/// A Chromium a test can find and kill: a wrapper script that starts the real browser with a marker argument unique
/// to this instance, so a look through /proc finds exactly the processes of the printer under test.
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

    /// <summary>The ids of the running processes whose command line has this wrapper's marker (from /proc).</summary>
    public IReadOnlyList<int> Find()
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id) || id == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(_marker, StringComparison.Ordinal))
                {
                    found.Add(id);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return found;
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
