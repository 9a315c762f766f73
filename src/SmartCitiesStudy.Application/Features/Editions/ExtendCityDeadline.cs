using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>
/// Gives one city more time in an open edition: its own deadline, after the edition's, with a reason (secretariat
/// only). The audit trail keeps every extension with its reason; reminders and the automatic close follow it.
/// </summary>
public sealed class ExtendCityDeadline(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<OperationResult> ExecuteAsync(string editionCode, int cityId, DateOnly until, string reason, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can extend a city's deadline.", "forbidden");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return OperationResult.Refused($"There is no edition '{editionCode}'.", "edition.not_found");
        }

        var city = await db.Cities.AsNoTracking().Where(c => c.Id == cityId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return OperationResult.Refused("This city does not exist.", "city.not_found");
        }

        if (edition.Status != EditionStatus.Open)
        {
            return OperationResult.Refused($"Edition {edition.Code} is {edition.Status.ToString().ToLowerInvariant()}: only an open edition's deadline can be extended.", "edition.not_open");
        }

        if (edition.Deadline is not { } deadline)
        {
            return OperationResult.Refused($"Edition {edition.Code} has no deadline to extend: set one first.", "edition.no_deadline");
        }

        if (until <= deadline)
        {
            return OperationResult.Refused($"The extension for {city} must end after the edition's deadline ({deadline:yyyy-MM-dd}).", "extension.not_later");
        }

        var now = clock.GetUtcNow();
        var extension = await db.DeadlineExtensions.SingleOrDefaultAsync(x => x.EditionId == edition.Id && x.CityId == cityId, cancellationToken);
        var before = extension?.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        try
        {
            if (extension is null)
            {
                db.DeadlineExtensions.Add(new DeadlineExtension(edition.Id, cityId, until, reason, now, user.UserId));
            }
            else
            {
                extension.Change(until, reason, now, user.UserId);
            }
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        db.Record(now, user, AuditActions.DeadlineExtended, "city", cityId.ToString(CultureInfo.InvariantCulture), edition.Id, before: before, after: until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason: reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Done;
    }
}
