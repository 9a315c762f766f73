using Microsoft.AspNetCore.OutputCaching;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Web.Hosting.HttpCaching;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// With several instances behind a load balancer, a publication on one instance must also clear the reader pages the
/// others cached (<see cref="ReaderCacheEviction"/> only reaches its own instance). Every few seconds
/// (<c>Reader:PublicationCheckSeconds</c>, default 5) this reads a stamp of the editions' row versions and drops every
/// reader page when it changed. One tiny query per interval, whatever the traffic.
/// </summary>
public sealed partial class PublicationWatcher(
    ReadPublicationStamp readStamp,
    IOutputCacheStore store,
    PublicationVersion version,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<PublicationWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Reader:PublicationCheckSeconds", 5)));
        string? last = null;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var stamp = await readStamp.ExecuteAsync(stoppingToken);
                if (last is not null && stamp != last)
                {
                    LogChanged(logger);
                    await store.EvictByTagAsync(ReaderCache.AllTag, stoppingToken);
                }

                version.Set(stamp); // after the eviction: an old page never gets the new ETag
                last = stamp;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment: the next tick tries again; pages expire on their own anyway.
                LogFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An edition changed (here or on another instance): cached reader pages dropped")]
    private static partial void LogChanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for publications: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
