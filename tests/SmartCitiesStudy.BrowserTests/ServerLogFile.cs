using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// Writes the app's log (information and above, plus the test host's own warnings) to a file beside the screenshots,
/// one file per test class fixture, so a browser test that timed out on CI can be read next to what the server did.
/// </summary>
internal sealed class ServerLogFile : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly ConcurrentDictionary<string, Logger> _loggers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ServerLogFile(string path)
    {
        Path = path;
        _writer = new StreamWriter(File.Open(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public string Path { get; }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new Logger(this, name));

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {level,-11} {category}: {message}");
        lock (_gate)
        {
            try
            {
                _writer.WriteLine(line);
                if (exception is not null)
                {
                    _writer.WriteLine(exception.ToString());
                }
            }
            catch (ObjectDisposedException)
            {
                // The fixture is gone; the host is still shutting down.
            }
        }
    }

    private sealed class Logger(ServerLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning ||
            (logLevel >= LogLevel.Information && !category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                file.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
