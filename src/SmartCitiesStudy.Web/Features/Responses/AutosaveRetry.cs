namespace SmartCitiesStudy.Web.Features.Responses;

/// <summary>
/// Sends again, by itself, the answers whose save failed while the circuit stayed connected (the database was
/// unreachable, say): after 2 s, then twice as long each time up to 30 s, until nothing has failed. Without it they
/// waited in the browser until the page was reloaded or the connection dropped and came back.
/// </summary>
public sealed class AutosaveRetry(Autosaver saver, Func<Func<Task>, Task> onDispatcher, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private int _running;

    /// <summary>Call on the circuit's dispatcher after each save attempt: starts retrying if something failed.</summary>
    public void Check()
    {
        if (_stop.IsCancellationRequested || saver.Status != AutosaveStatus.Offline || Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        _ = RetryAsync(_stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        var failed = true;
        try
        {
            while (failed)
            {
                await Task.Delay(delay, clock, cancellationToken);
                await onDispatcher(async () =>
                {
                    await saver.RetryFailedAsync();
                    failed = saver.Status == AutosaveStatus.Offline;
                });
                delay = delay * 2 > LongestDelay ? LongestDelay : delay * 2;
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
