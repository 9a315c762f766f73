using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Features.Responses;

namespace SmartCitiesStudy.Infrastructure.Events;

/// <summary>
/// Delivers response changes to the circuits of this instance that have the response open. One instance only: with
/// several instances behind a load balancer, replace it by a shared channel (docs/scaling.md).
/// </summary>
public sealed partial class InMemoryResponseEvents(ILogger<InMemoryResponseEvents> logger) : IResponseEvents
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Func<ResponseEvent, Task>>> _subscribers = new();

    public void Publish(ResponseEvent change)
    {
        if (!_subscribers.TryGetValue(change.ResponseId, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            // A slow or broken listener must not hold up the one who saved.
            _ = Task.Run(async () =>
            {
                try
                {
                    await handler(change);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    LogHandlerFailed(logger, ex, change.ResponseId);
                }
            });
        }
    }

    public IDisposable Subscribe(int responseId, Func<ResponseEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(responseId, _ => new()).TryAdd(id, handler);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(responseId, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A listener of response {ResponseId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, int responseId);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
