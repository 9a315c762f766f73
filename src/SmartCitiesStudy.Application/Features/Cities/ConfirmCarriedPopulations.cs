using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// The secretariat confirms, for an edition, the last known populations of the cities it has none for
/// (<see cref="LastKnownPopulations"/>): each becomes the edition's own population, used by its figures' breakdowns,
/// with an audit entry per city saying where it came from. A published edition's figures are frozen: refused there.
/// </summary>
public sealed class ConfirmCarriedPopulations(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<OperationResult> ExecuteAsync(string editionCode, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can confirm populations.", "forbidden");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return OperationResult.Refused($"There is no edition '{editionCode}'.", "not_found");
        }

        if (edition.Status == EditionStatus.Published)
        {
            return OperationResult.Refused(
                $"Edition {edition.Code} is published: its figures, and the populations behind their breakdowns, are frozen. Unpublish it first.",
                "edition.published");
        }

        var carried = await LastKnownPopulations.BeforeAsync(db, edition, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var known in carried.Values.OrderBy(k => k.CityId))
        {
            db.CityPopulations.Add(new CityPopulation(known.CityId, edition.Id, known.Population));
            db.Record(now, user, AuditActions.CityChanged, "city", known.CityId.ToString(CultureInfo.InvariantCulture), editionId: edition.Id,
                before: $"population {edition.Code}: none",
                after: $"population {edition.Code}: {known.Population.ToString(CultureInfo.InvariantCulture)}",
                reason: $"last known population (edition {known.EditionCode}), confirmed for {edition.Code}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Done;
    }
}
