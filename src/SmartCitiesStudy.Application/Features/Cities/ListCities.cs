using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>Lists the cities registry, alphabetically, with populations for one edition.</summary>
public sealed class ListCities(IStudyDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<CityRow>> ExecuteAsync(CityQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var editionId = query.EditionCode is null
            ? null
            : await db.Editions.Where(e => e.Code == query.EditionCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);

        var cities = db.Cities.AsNoTracking();
        if (query.Region is { } region)
        {
            cities = cities.Where(c => c.Region == region);
        }

        var rows = await cities
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Country,
                c.Region,
                c.Slug,
                c.Version,
                Population = db.CityPopulations.Where(p => p.CityId == c.Id && p.EditionId == editionId).Select(p => (long?)p.Population).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Search in memory: accent- and case-insensitive matching is not portable across SQLite and PostgreSQL.
        var search = Fold(query.Search);
        return [.. rows
            .Where(r => search.Length == 0 || Fold(r.Name).Contains(search, StringComparison.Ordinal) || Fold(r.Country).Contains(search, StringComparison.Ordinal))
            .Select(r => new CityRow(r.Id, r.Name, r.Country, r.Region, r.Slug, r.Version, r.Population, r.Population is { } p ? PopulationBands.For(p) : null))
            .Where(r => query.Band is null || r.Band == query.Band)
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Country, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>"São Paulo" → "sao paulo": lower case without accents, for searching.</summary>
    internal static string Fold(string? text) => City.Slugify(text ?? string.Empty).Replace('-', ' ');
}
