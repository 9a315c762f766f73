using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>
/// Opens, closes, publishes or reopens an edition. The expected version is the edition version the
/// person saw: if someone changed the edition since, the action is refused rather than applied blindly. A deadline
/// given with the change (opening with a deadline) is stored in the same save, or not at all.
/// </summary>
public sealed class ChangeEditionStatus(
    IStudyDbContextFactory dbFactory,
    TimeProvider clock,
    IEnumerable<IEditionStatusListener> listeners,
    ILogger<ChangeEditionStatus> logger)
{
    public const string ConcurrencyCode = "edition.changed_by_someone_else";

    public Task<OperationResult> ExecuteAsync(string editionCode, EditionAction action, int expectedVersion, StudyUser user, string? reason = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(editionCode, action, expectedVersion, user, reason, deadline: null, cancellationToken);

    /// <summary>The same, also setting the deadline (opening with a deadline): both are stored, or neither.</summary>
    public async Task<OperationResult> ExecuteAsync(string editionCode, EditionAction action, int expectedVersion, StudyUser user, string? reason, DateOnly? deadline, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can open, close, publish or reopen editions.", "forbidden");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return OperationResult.Refused($"There is no edition '{editionCode}'.", "edition.not_found");
        }

        if (edition.Version != expectedVersion)
        {
            return OperationResult.Refused($"Edition {editionCode} was changed by someone else meanwhile; reload to see its current state.", ConcurrencyCode);
        }

        if (action == EditionAction.Open && edition.QuestionnaireVersion == 0)
        {
            return OperationResult.Refused($"Edition {editionCode} has no questionnaire yet: import or copy one before opening it.", "edition.no_questionnaire");
        }

        var now = clock.GetUtcNow();
        var before = edition.Status;
        try
        {
            switch (action)
            {
                case EditionAction.Open:
                    edition.Open(now);
                    break;
                case EditionAction.Close:
                    edition.Close(now);
                    break;
                case EditionAction.Publish:
                    edition.Publish(now);
                    break;
                case EditionAction.Reopen:
                    edition.Reopen(reason ?? string.Empty, now);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }

            if (deadline is { } newDeadline && newDeadline != edition.Deadline)
            {
                var previous = edition.Deadline;
                edition.ChangeDeadline(newDeadline, DateOnly.FromDateTime(now.UtcDateTime));
                db.Record(now, user, AuditActions.EditionDeadlineChanged, "edition", edition.Code, edition.Id, before: previous?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), after: newDeadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            db.Record(now, user, AuditActions.EditionStatusChanged, "edition", edition.Code, edition.Id, before: before.ToString(), after: edition.Status.ToString(), reason: reason);
            await db.SaveChangesAsync(cancellationToken);
            await NotifyAsync(edition.Code, before, edition.Status);
            return OperationResult.Done;
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Refused($"Edition {editionCode} was changed by someone else meanwhile; reload to see its current state.", ConcurrencyCode);
        }
    }

    private async Task NotifyAsync(string code, EditionStatus before, EditionStatus after)
    {
        foreach (var listener in listeners)
        {
            try
            {
                // Not the caller's token: the change is stored, so listeners must hear of it even if the page went away.
                await listener.EditionStatusChangedAsync(code, before, after, CancellationToken.None);
            }
#pragma warning disable CA1031 // a failing listener must not turn a stored change into an error
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Edition {Code} changed from {Before} to {After} but {Listener} failed", code, before, after, listener.GetType().Name);
            }
        }
    }
}
