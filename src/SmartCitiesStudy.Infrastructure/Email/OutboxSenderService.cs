using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartCitiesStudy.Infrastructure.Email;

/// <summary>
/// Every few seconds (<c>Email:Outbox:PollSeconds</c>, default 10) renders queued attachments
/// (<see cref="OutboxAttachmentRenderer"/>), then runs <see cref="OutboxSender"/>.
/// </summary>
internal sealed partial class OutboxSenderService(OutboxAttachmentRenderer attachments, OutboxSender sender, IConfiguration configuration, ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Email:Outbox:PollSeconds", 10)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await attachments.RenderDueAsync(stoppingToken);
                await sender.SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the next round tries again.
                LogRoundFailed(logger, ex);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender failed; it will try again.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
