namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>
/// A lock shared by every instance of the app on one database: while one caller holds a key, any other caller, in
/// this process or another instance, waits for it. For work that must run once across instances (rendering a PDF).
/// </summary>
public interface IDistributedLock
{
    /// <summary>Waits until <paramref name="key"/> is free and takes it; disposing the result releases it.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled while waiting (nothing is held).</exception>
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default);
}
