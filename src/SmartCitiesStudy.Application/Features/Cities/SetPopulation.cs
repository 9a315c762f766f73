using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>Records (or clears, with null) a city's population for one edition; audited as a city change.</summary>
public sealed class SetPopulation(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CityPopulationRow>> ListAsync(int cityId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Editions.AsNoTracking()
            .OrderByDescending(e => e.Year).ThenByDescending(e => e.Code)
            .Select(e => new CityPopulationRow(
                e.Code,
                e.Title,
                e.Year,
                db.CityPopulations.Where(p => p.CityId == cityId && p.EditionId == e.Id).Select(p => (long?)p.Population).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task<OperationResult> ExecuteAsync(int cityId, string editionCode, long? population, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can change populations.", "forbidden");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var city = await db.Cities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cityId, cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (city is null || edition is null)
        {
            return OperationResult.Refused(city is null ? $"There is no city with id {cityId}." : $"There is no edition '{editionCode}'.", "not_found");
        }

        var row = await db.CityPopulations.SingleOrDefaultAsync(p => p.CityId == cityId && p.EditionId == edition.Id, cancellationToken);
        var before = row?.Population;
        if (before == population)
        {
            return OperationResult.Done;
        }

        try
        {
            if (population is null)
            {
                db.CityPopulations.Remove(row!);
            }
            else if (row is null)
            {
                db.CityPopulations.Add(new CityPopulation(cityId, edition.Id, population.Value));
            }
            else
            {
                row.SetPopulation(population.Value);
            }
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        db.Record(clock.GetUtcNow(), user, AuditActions.CityChanged, "city", cityId.ToString(CultureInfo.InvariantCulture), editionId: edition.Id,
            before: $"population {edition.Code}: {Text(before)}", after: $"population {edition.Code}: {Text(population)}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Done;
    }

    private static string Text(long? population) => population?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
