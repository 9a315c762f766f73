using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Domain.Email;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.Email;

/// <summary>
/// Sends the outbox's due messages. Safe with several senders (web instances): a batch is claimed with one UPDATE
/// that sets <c>locked_until</c> only on rows still unsent and unclaimed (or whose claim has lapsed), so each row is
/// claimed by one sender; only that sender may then mark it sent or failed. Failures are retried with backoff.
/// </summary>
public sealed partial class OutboxSender(IDbContextFactory<StudyDbContext> dbFactory, IEmailTransport transport, TimeProvider clock, ILogger<OutboxSender> logger)
{
    public const int BatchSize = 20;
    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(5);
    private int _warnedUnconfigured;

    /// <returns>How many messages were sent.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        if (!transport.IsConfigured)
        {
            if (Interlocked.Exchange(ref _warnedUnconfigured, 1) == 0)
            {
                LogNotConfigured(logger);
            }

            return 0;
        }

        var now = clock.GetUtcNow();
        var owner = Guid.NewGuid().ToString("N");
        var claimedUntil = now + ClaimTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .Where(m => !m.Attachments.Any(a => a.Content == null)) // still being rendered (OutboxAttachmentRenderer)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // The WHERE is checked again by the database at update time: a row another sender claimed meanwhile is skipped.
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimedUntil).SetProperty(m => m.LockedBy, owner), cancellationToken);
        var claimed = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).Where(m => m.LockedBy == owner && m.SentAt == null).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var message in claimed)
        {
            try
            {
                await transport.SendAsync(message, cancellationToken);
                var done = clock.GetUtcNow();
                await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == owner).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.SentAt, done).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
                          .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LockedBy, (string?)null),
                    CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var next = clock.GetUtcNow() + OutboxMessage.Backoff(attempts);
                var error = ex.Message.Length > OutboxMessage.MaxErrorLength ? ex.Message[..OutboxMessage.MaxErrorLength] : ex.Message;
                LogSendFailed(logger, message.Id, attempts, error);
                await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == owner).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error)
                          .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LockedBy, (string?)null),
                    CancellationToken.None);
            }
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP host is configured (Email:Smtp:Host): e-mail stays queued in the outbox.")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {Id} failed (attempt {Attempts}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, long id, int attempts, string error);
}
