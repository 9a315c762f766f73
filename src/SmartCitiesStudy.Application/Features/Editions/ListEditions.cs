using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>Lists editions, newest first; readers only see published ones.</summary>
public sealed class ListEditions(IStudyDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<EditionSummary>> ExecuteAsync(bool publishedOnly, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var editions = db.Editions.AsNoTracking();
        if (publishedOnly)
        {
            editions = editions.Where(e => e.Status == EditionStatus.Published);
        }

        return await editions
            .OrderByDescending(e => e.Year)
            .ThenByDescending(e => e.Code)
            .Select(e => new EditionSummary(
                e.Id,
                e.Code,
                e.Title,
                e.Theme,
                e.Year,
                e.Status,
                e.Deadline,
                db.Responses.Where(Response.IsCountedExpression).Count(r => r.EditionId == e.Id),
                e.QuestionnaireVersion,
                e.Version,
                db.PublishedRecords.Where(r => r.EditionId == e.Id).Select(r => (int?)r.Respondents).FirstOrDefault(),
                e.HoldsDemoData,
                e.OpensOn,
                e.AutoCloseAtDeadline))
            .ToListAsync(cancellationToken);
    }
}
