using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Email;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.Email;

/// <summary>
/// Makes the content of queued attachments (a receipt's answers as PDF) in the outbox's background round, before
/// the sender looks for due messages, so no request or circuit ever waits for a render. One instance renders at a
/// time (<see cref="IDistributedLock"/>); content is stored only where there is none yet. A render that keeps
/// failing is dropped after <see cref="OutboxAttachment.MaxRenderAttempts"/> tries and the message goes without it.
/// </summary>
public sealed partial class OutboxAttachmentRenderer(
    IDbContextFactory<StudyDbContext> dbFactory, IEnumerable<IAttachmentRenderer> renderers, IDistributedLock acrossInstances, ILogger<OutboxAttachmentRenderer> logger)
{
    public const int BatchSize = 10;
    private readonly Dictionary<string, IAttachmentRenderer> _renderers = renderers.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    /// <returns>How many attachments were rendered.</returns>
    public async Task<int> RenderDueAsync(CancellationToken cancellationToken = default)
    {
        if (_renderers.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachments = db.Set<OutboxAttachment>();
        if (!await attachments.AnyAsync(a => a.Content == null && a.RenderKind != null, cancellationToken))
        {
            return 0;
        }

        await using var held = await acrossInstances.AcquireAsync("outbox/attachments", cancellationToken);
        var pending = await attachments.AsNoTracking()
            .Where(a => a.Content == null && a.RenderKind != null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.RenderKind, a.RenderKey, a.RenderAttempts })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var rendered = 0;
        foreach (var item in pending)
        {
            if (!_renderers.TryGetValue(item.RenderKind!, out var renderer))
            {
                continue; // another kind of instance (the CLI) queued it; the web app renders it
            }

            try
            {
                var content = await renderer.RenderAsync(item.RenderKey ?? string.Empty, cancellationToken);
                if (content is null)
                {
                    await attachments.Where(a => a.Id == item.Id).ExecuteDeleteAsync(cancellationToken);
                    continue;
                }

                await attachments.Where(a => a.Id == item.Id && a.Content == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.Content, content), cancellationToken);
                rendered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRenderFailed(logger, ex, item.Id, item.RenderKind!, item.RenderAttempts + 1);
                if (item.RenderAttempts + 1 >= OutboxAttachment.MaxRenderAttempts)
                {
                    await attachments.Where(a => a.Id == item.Id).ExecuteDeleteAsync(CancellationToken.None);
                }
                else
                {
                    await attachments.Where(a => a.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.RenderAttempts, a => a.RenderAttempts + 1), CancellationToken.None);
                }
            }
        }

        return rendered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rendering outbox attachment {Id} ({Kind}) failed (attempt {Attempts}).")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, long id, string kind, int attempts);
}
