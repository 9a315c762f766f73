using Microsoft.Extensions.Logging;

namespace SmartCitiesStudy.Cli;

/// <summary>Writes log lines (one per entry, no stack traces) to the CLI's error stream.</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
            }
        }
    }
}
