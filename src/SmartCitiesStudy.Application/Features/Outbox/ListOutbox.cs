using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Application.Features.Outbox;

/// <summary>The latest e-mails of the outbox, newest first (secretariat only; the page exists in Development only).</summary>
public sealed class ListOutbox(IStudyDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<OutboxRow>> ExecuteAsync(StudyUser user, int take = 200, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Take(take)
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.TextBody, m.CreatedAt, m.Attempts, m.SentAt, m.LastError,
                m.Attachments.OrderBy(a => a.Id).Select(a => new OutboxFile(a.FileName, a.Content == null ? null : a.Content.Length)).ToList()))
            .ToListAsync(cancellationToken);
    }
}
