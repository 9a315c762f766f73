using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>
/// The participating cities of an edition: those whose response is approved, the same set the indicators count; for
/// an edition shown as published, the cities its publication lists (ADR 0013). Ordered by name. Callers decide who
/// may see an unpublished edition.
/// </summary>
public sealed class ListParticipants(IStudyDbContextFactory dbFactory, LoadPublishedStudy loadPublished)
{
    public async Task<IReadOnlyList<Participant>> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        if (await loadPublished.ExecuteAsync(editionCode, cancellationToken) is { } published)
        {
            return [.. published.Participants
                .Select(p => new Participant(City.Slugify(p.Name), p.Name, p.Country, p.Region, null, p.Band, AsPublished: true))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture)];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await (
            from x in ApprovedResponses.Of(db, editionCode)
            join p in db.CityPopulations.AsNoTracking() on new { CityId = x.City.Id, x.EditionId } equals new { p.CityId, p.EditionId } into pops
            from p in pops.DefaultIfEmpty()
            select new { x.City.Slug, x.City.Name, x.City.Country, x.City.Region, Population = p == null ? (long?)null : p.Population })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new Participant(r.Slug, r.Name, r.Country, r.Region, r.Population, r.Population is { } n ? PopulationBands.For(n) : null))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }
}
