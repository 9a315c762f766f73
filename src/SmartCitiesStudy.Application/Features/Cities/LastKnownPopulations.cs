using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>A city's latest population recorded for an earlier edition, with that edition's year and code.</summary>
public sealed record LastKnownPopulation(int CityId, long Population, int Year, string EditionCode);

/// <summary>
/// The registry's memory of populations: for an edition without a population of its own for a city, the one recorded
/// for the latest earlier edition (by year) is the best estimate, shown with its year until the secretariat confirms it.
/// </summary>
public static class LastKnownPopulations
{
    public static async Task<IReadOnlyDictionary<int, LastKnownPopulation>> BeforeAsync(
        IStudyDbContext db, Edition edition, CancellationToken cancellationToken)
    {
        var earlier = await db.CityPopulations.AsNoTracking()
            .Join(db.Editions, p => p.EditionId, e => e.Id, (p, e) => new { p.CityId, p.Population, e.Year, e.Code, e.Id })
            .Where(x => x.Id != edition.Id && x.Year < edition.Year
                && !db.CityPopulations.Any(own => own.CityId == x.CityId && own.EditionId == edition.Id))
            .ToListAsync(cancellationToken);
        return earlier
            .GroupBy(x => x.CityId)
            .Select(g => g.OrderByDescending(x => x.Year).ThenByDescending(x => x.Code, StringComparer.Ordinal).First())
            .ToDictionary(x => x.CityId, x => new LastKnownPopulation(x.CityId, x.Population, x.Year, x.Code));
    }
}
