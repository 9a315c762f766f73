using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>How many responses an edition has in each status.</summary>
public sealed record EditionResponseCounts(int Draft, int Submitted, int Returned, int Approved)
{
    public static EditionResponseCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Draft + Submitted + Returned + Approved;
}

/// <summary>Counts every edition's responses by status, keyed by edition code (for the CLI's <c>edition list</c>).</summary>
public sealed class CountEditionResponses(IStudyDbContextFactory dbFactory)
{
    public async Task<IReadOnlyDictionary<string, EditionResponseCounts>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.Responses.AsNoTracking()
            .Join(db.Editions, r => r.EditionId, e => e.Id, (r, e) => new { e.Code, r.Status })
            .GroupBy(x => new { x.Code, x.Status })
            .Select(g => new { g.Key.Code, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new EditionResponseCounts(
                g.Where(r => r.Status == ResponseStatus.Draft).Sum(r => r.Count),
                g.Where(r => r.Status == ResponseStatus.Submitted).Sum(r => r.Count),
                g.Where(r => r.Status == ResponseStatus.Returned).Sum(r => r.Count),
                g.Where(r => r.Status == ResponseStatus.Approved).Sum(r => r.Count)),
            StringComparer.Ordinal);
    }
}
