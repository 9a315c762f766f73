using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>An edition's collection period as the secretariat plans it.</summary>
public sealed record EditionCalendar(DateOnly? OpensOn, DateOnly? Deadline, bool AutoCloseAtDeadline);

/// <summary>
/// Sets an edition's opening day, deadline and automatic close (secretariat only, draft or open editions), audited
/// with the previous and new calendar. Refused when someone changed the edition meanwhile.
/// </summary>
public sealed class PlanEditionCalendar(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<OperationResult> ExecuteAsync(string editionCode, EditionCalendar calendar, int expectedVersion, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can plan an edition's calendar.", "forbidden");
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

        var before = Describe(edition.OpensOn, edition.Deadline, edition.AutoCloseAtDeadline);
        var now = clock.GetUtcNow();
        try
        {
            edition.PlanCalendar(calendar.OpensOn, calendar.Deadline, calendar.AutoCloseAtDeadline, DateOnly.FromDateTime(now.UtcDateTime));
            var after = Describe(edition.OpensOn, edition.Deadline, edition.AutoCloseAtDeadline);
            if (after == before)
            {
                return OperationResult.Done;
            }

            db.Record(now, user, AuditActions.EditionCalendarChanged, "edition", edition.Code, edition.Id, before: before, after: after);
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

    private static string Describe(DateOnly? opensOn, DateOnly? deadline, bool autoClose) =>
        string.Create(CultureInfo.InvariantCulture, $"opens {opensOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}, deadline {deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}{(autoClose ? ", closes automatically" : string.Empty)}");
}
