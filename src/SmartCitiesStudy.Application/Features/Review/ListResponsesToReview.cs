using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>
/// Responses of editions under way (open or closed) that have reached the secretariat: submitted ones (waiting for a
/// reviewer, oldest first), returned and approved ones. Drafts belong to their city until submitted and are not listed.
/// </summary>
public sealed class ListResponsesToReview(IStudyDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<ReviewQueueItem>> ExecuteAsync(StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsReviewer)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.Responses.AsNoTracking()
            .Where(r => r.Status != ResponseStatus.Draft)
            .Join(db.Editions.Where(e => e.Status == EditionStatus.Open || e.Status == EditionStatus.Closed), r => r.EditionId, e => e.Id, (r, e) => new { r, e.Code })
            .Join(db.Cities, x => x.r.CityId, c => c.Id, (x, c) => new ReviewQueueItem(x.r.Id, x.Code, c.Name, c.Country, x.r.Status, x.r.SubmittedAt, x.r.LastActivityAt))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Status == ResponseStatus.Submitted ? 0 : r.Status == ResponseStatus.Returned ? 1 : 2)
            .ThenBy(r => r.SubmittedAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.CityName, StringComparer.CurrentCulture)];
    }
}
