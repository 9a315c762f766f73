using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>One line of a response's audit trail as the review screen shows it.</summary>
public sealed record AuditLine(DateTimeOffset At, string? UserName, string Action, string? Before, string? After, string? Reason);

/// <summary>
/// The audit trail of one response (status changes, comments, corrections) or of a whole edition (also its own status
/// changes and questionnaire versions), for reviewers and the secretariat.
/// </summary>
public sealed class ResponseAuditTrail(IStudyDbContextFactory dbFactory)
{
    /// <summary>Every entry of an edition, newest first, with the city each response entry is about.</summary>
    public async Task<IReadOnlyList<AuditLine>> ForEditionAsync(StudyUser user, string editionCode, CancellationToken cancellationToken = default)
    {
        if (!user.IsReviewer)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var editionId = await db.Editions.Where(e => e.Code == editionCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
        if (editionId is null)
        {
            return [];
        }

        return await db.AuditEntries.AsNoTracking().Where(a => a.EditionId == editionId).OrderByDescending(a => a.Id).Take(2000)
            .Select(a => new AuditLine(
                a.At,
                a.UserName,
                a.Action,
                a.Before,
                a.After,
                a.ResponseId == null ? a.Reason : db.Responses.Where(r => r.Id == a.ResponseId).Join(db.Cities, r => r.CityId, c => c.Id, (r, c) => c.Name).FirstOrDefault() + (a.Reason == null ? string.Empty : " — " + a.Reason)))
            .ToListAsync(cancellationToken);
    }

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
