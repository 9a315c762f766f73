using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>One line of a response's audit trail as the review screen shows it.</summary>
public sealed record AuditLine(DateTimeOffset At, string? UserName, string Action, string? Before, string? After, string? Reason);

/// <summary>The audit trail of one response (status changes, comments, corrections), for reviewers and the secretariat.</summary>
public sealed class ResponseAuditTrail(IStudyDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<AuditLine>> ExecuteAsync(StudyUser user, int responseId, CancellationToken cancellationToken = default)
    {
        if (!user.IsReviewer)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(a => a.ResponseId == responseId).OrderBy(a => a.Id)
            .Select(a => new AuditLine(a.At, a.UserName, a.Action, a.Before, a.After, a.Reason))
            .ToListAsync(cancellationToken);
    }
}
