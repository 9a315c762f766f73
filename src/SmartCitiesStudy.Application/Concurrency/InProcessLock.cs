using System.Collections.Concurrent;
using SmartCitiesStudy.Application.Abstractions;

namespace SmartCitiesStudy.Application.Concurrency;

/// <summary>
/// One semaphore per key, in this process only: enough where there is a single process (SQLite), and the first,
/// cheap gate in front of a cross-instance lock. Keys are never forgotten, so use it for a bounded set of keys.
/// </summary>
public sealed class InProcessLock : IDistributedLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
