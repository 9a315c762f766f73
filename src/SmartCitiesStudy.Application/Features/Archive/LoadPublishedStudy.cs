using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Archive;

/// <summary>
/// The published record of an edition whose figures come from its publication: it has one (<c>db migrate</c> records
/// it for the editions run before the portal) and no approved response. Once approved responses exist, they are the
/// edition's figures and this returns null (ADR 0013), so a database holding responses keeps its computed figures.
/// </summary>
public sealed class LoadPublishedStudy(IStudyDbContextFactory dbFactory)
{
    /// <returns>The published study, or null when the edition's figures come from its responses (or it does not exist).</returns>
    public async Task<PublishedStudy?> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var json = await (
                from e in db.Editions.AsNoTracking()
                join r in db.PublishedRecords.AsNoTracking() on e.Id equals r.EditionId
                where e.Code == editionCode && !db.Responses.Where(Response.IsCountedExpression).Any(x => x.EditionId == e.Id)
                select r.DocumentJson)
            .SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : PublishedStudyJson.Parse(json);
    }
}
