using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>
/// Sets the date by which cities are asked to submit (secretariat only, while the edition is a draft or open, never
/// a past day). The change is audited with the previous date. Refused when someone changed the edition meanwhile.
/// </summary>
public sealed class SetEditionDeadline(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<OperationResult> ExecuteAsync(string editionCode, DateOnly deadline, int expectedVersion, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can set an edition's deadline.", "forbidden");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return OperationResult.Refused($"There is no edition '{editionCode}'.", "edition.not_found");
        }

        if (edition.Version != expectedVersion)
        {
            return OperationResult.Refused($"Edition {editionCode} was changed by someone else meanwhile; reload to see its current state.", ChangeEditionStatus.ConcurrencyCode);
        }

        if (edition.Deadline == deadline)
        {
            return OperationResult.Done;
        }

        var now = clock.GetUtcNow();
        var before = edition.Deadline;
        try
        {
            edition.ChangeDeadline(deadline, DateOnly.FromDateTime(now.UtcDateTime));
            db.Record(now, user, AuditActions.EditionDeadlineChanged, "edition", edition.Code, edition.Id, before: Iso(before), after: Iso(deadline));
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Done;
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Refused($"Edition {editionCode} was changed by someone else meanwhile; reload to see its current state.", ChangeEditionStatus.ConcurrencyCode);
        }
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
