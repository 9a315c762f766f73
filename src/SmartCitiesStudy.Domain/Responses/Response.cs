using System.Linq.Expressions;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Responses;

/// <summary>
/// A city's response to one edition's questionnaire: one per city per edition. Its status moves
/// draft → submitted → (returned → submitted)* → approved.
/// </summary>
public sealed class Response : IHasVersion
{
    private Response()
    {
    }

    public Response(int editionId, int cityId, int questionnaireVersion, DateTimeOffset now)
    {
        EditionId = editionId;
        CityId = cityId;
        QuestionnaireVersion = questionnaireVersion;
        CreatedAt = now;
        LastActivityAt = now;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int CityId { get; private set; }

    public ResponseStatus Status { get; private set; } = ResponseStatus.Draft;

    /// <summary>The questionnaire version the response was started under.</summary>
    public int QuestionnaireVersion { get; private set; }

    [EventTime]
    public DateTimeOffset CreatedAt { get; private set; }

    [EventTime]
    public DateTimeOffset? SubmittedAt { get; private set; }

    [EventTime]
    public DateTimeOffset? ReturnedAt { get; private set; }

    [EventTime]
    public DateTimeOffset? ApprovedAt { get; private set; }

    [EventTime]
    public DateTimeOffset LastActivityAt { get; private set; }

    public int Version { get; set; }

    /// <summary>Whether officers may change answers (the edition must also be open).</summary>
    public bool IsEditableByCity => Status is ResponseStatus.Draft or ResponseStatus.Returned;

    /// <summary><see cref="IsEditableByCity"/> for queries: the same rule, translated by the database.</summary>
    public static Expression<Func<Response, bool>> IsEditableByCityExpression { get; } =
        r => r.Status == ResponseStatus.Draft || r.Status == ResponseStatus.Returned;

    /// <summary>Whether the response counts in the edition's figures, lists of participants and exports.</summary>
    public bool IsCounted => Status == ResponseStatus.Approved;

    /// <summary><see cref="IsCounted"/> for queries: the same rule, translated by the database.</summary>
    public static Expression<Func<Response, bool>> IsCountedExpression { get; } = r => r.Status == ResponseStatus.Approved;

    public static bool CanMove(ResponseStatus from, ResponseStatus to) => (from, to) switch
    {
        (ResponseStatus.Draft, ResponseStatus.Submitted) => true,
        (ResponseStatus.Returned, ResponseStatus.Submitted) => true,
        (ResponseStatus.Submitted, ResponseStatus.Returned) => true,
        (ResponseStatus.Submitted, ResponseStatus.Approved) => true,
        (ResponseStatus.Approved, ResponseStatus.Returned) => true, // withdraw an approval, with a reason
        _ => false,
    };

    public void Submit(DateTimeOffset now)
    {
        MoveTo(ResponseStatus.Submitted);
        SubmittedAt = now;
        Touch(now);
    }

    public void ReturnToCity(DateTimeOffset now)
    {
        MoveTo(ResponseStatus.Returned);
        ReturnedAt = now;
        ApprovedAt = null;
        Touch(now);
    }

    public void Approve(DateTimeOffset now)
    {
        MoveTo(ResponseStatus.Approved);
        ApprovedAt = now;
        Touch(now);
    }

    /// <summary>Records that someone worked on the response (an answer saved, a comment).</summary>
    public void Touch(DateTimeOffset now)
    {
        if (now > LastActivityAt)
        {
            LastActivityAt = now;
        }
    }

    /// <summary>Used by imports, which bring responses in whatever state they had elsewhere.</summary>
    public void ForceStatus(ResponseStatus status, DateTimeOffset now)
    {
        Status = status;
        SubmittedAt = status is ResponseStatus.Submitted or ResponseStatus.Approved ? SubmittedAt ?? now : SubmittedAt;
        ApprovedAt = status == ResponseStatus.Approved ? ApprovedAt ?? now : null;
        Touch(now);
    }

    private void MoveTo(ResponseStatus target)
    {
        if (!CanMove(Status, target))
        {
            throw new DomainRuleException(
                "response.transition",
                $"A response that is {Status.ToString().ToLowerInvariant()} cannot become {target.ToString().ToLowerInvariant()}.");
        }

        Status = target;
    }
}
