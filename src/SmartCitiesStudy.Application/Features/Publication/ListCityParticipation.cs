using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>
/// A city's participation across the published editions: only approved responses of published editions count, the
/// same rule as the indicators. The public city page; never a rank.
/// </summary>
public sealed class ListCityParticipation(IStudyDbContextFactory dbFactory)
{
    /// <returns>Null when there is no such city or it is counted in no published edition (nothing public to show).</returns>
    public async Task<CityParticipation?> ExecuteAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var city = await db.Cities.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.Country, c.Region })
            .SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return null;
        }

        var rows = await (
            from r in db.Responses.AsNoTracking().Where(Response.IsCountedExpression)
            where r.CityId == city.Id
            join e in db.Editions.AsNoTracking() on r.EditionId equals e.Id
            where e.Status == EditionStatus.Published
            join p in db.CityPopulations.AsNoTracking() on new { r.CityId, EditionId = e.Id } equals new { p.CityId, p.EditionId } into pops
            from p in pops.DefaultIfEmpty()
            select new { e.Code, e.Title, e.Theme, e.Year, Population = p == null ? (long?)null : p.Population })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        return new CityParticipation(
            city.Slug,
            city.Name,
            city.Country,
            city.Region,
            [.. rows
                .OrderByDescending(r => r.Year)
                .ThenByDescending(r => r.Code, StringComparer.Ordinal)
                .Select(r => new EditionParticipation(r.Code, r.Title, r.Theme, r.Year, r.Population, r.Population is { } n ? PopulationBands.For(n) : null))]);
    }
}
