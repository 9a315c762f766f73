using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>
/// Approves a submitted response or returns it to the city. The reviewer names the response version they reviewed:
/// if another reviewer acted first, this one is told and nothing changes. Returning or approving notifies the city's officers.
/// </summary>
public sealed class DecideResponse(IStudyDbContextFactory dbFactory, IResponseEvents events, ICityOfficerDirectory officers, IEmailOutbox outbox, TimeProvider clock)
{
    public const string ChangedMeanwhile = "response.changed_meanwhile";

    public async Task<OperationResult> ExecuteAsync(StudyUser user, int responseId, ReviewDecision decision, int expectedVersion, string? message = null, CancellationToken cancellationToken = default)
    {
        if (!user.IsReviewer)
        {
            return OperationResult.Refused("Only reviewers and the secretariat can approve or return responses.", ResponseRefusals.Forbidden);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var response = await db.Responses.SingleOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null)
        {
            return OperationResult.Refused("This response does not exist.", ResponseRefusals.NotFound);
        }

        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == response.EditionId, cancellationToken);
        if (edition.Status == EditionStatus.Published)
        {
            return OperationResult.Refused($"Edition {edition.Code} is published: its approved set is frozen. Unpublish it first.", "edition.published");
        }

        if (response.Version != expectedVersion)
        {
            return OperationResult.Refused("Someone else acted on this response meanwhile; reload to see what they did.", ChangedMeanwhile);
        }

        var now = clock.GetUtcNow();
        var before = response.Status;
        try
        {
            if (decision == ReviewDecision.Approve)
            {
                response.Approve(now);
            }
            else
            {
                response.ReturnToCity(now);
            }

            db.Record(now, user, AuditActions.ResponseStatusChanged, "response", response.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), edition.Id, response.Id, before.ToString(), response.Status.ToString(), message);
            if (response.Status == ResponseStatus.Returned)
            {
                // The officers' e-mail is stored with the status change: both happen, or neither.
                foreach (var officer in await officers.ActiveOfficersAsync(response.CityId, cancellationToken))
                {
                    outbox.Enqueue(db, ReturnedResponseEmail.For(officer, edition, message));
                }
            }
            else if (response.Status == ResponseStatus.Approved)
            {
                foreach (var officer in await officers.ActiveOfficersAsync(response.CityId, cancellationToken))
                {
                    outbox.Enqueue(db, Notices.NoticeEmails.Approved(officer, edition));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Refused("Someone else acted on this response meanwhile; reload to see what they did.", ChangedMeanwhile);
        }

        events.Publish(new ResponseStatusChanged(response.Id, response.Status, user.UserId, user.DisplayName, now));
        return OperationResult.Done;
    }
}
