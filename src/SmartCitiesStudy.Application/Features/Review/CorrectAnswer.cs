using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>
/// A reviewer corrects an obvious typo in a submitted answer themselves, with a reason that goes to the answer's
/// history and the audit trail. The same rules and version check as the officers' saves apply.
/// </summary>
public sealed class CorrectAnswer(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, IResponseEvents events, TimeProvider clock)
{
    public async Task<OperationResult> ExecuteAsync(StudyUser user, int responseId, string path, AnswerValue value, int expectedVersion, string reason, CancellationToken cancellationToken = default)
    {
        if (!user.IsReviewer)
        {
            return OperationResult.Refused("Only reviewers can correct answers.", ResponseRefusals.Forbidden);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Refused("Say why you correct the answer: the reason is kept in its history.", "correction.reason_required");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var response = await db.Responses.AsNoTracking().SingleOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        if (response is null || response.Status != ResponseStatus.Submitted)
        {
            return OperationResult.Refused("Only a submitted response under review can be corrected.", ResponseRefusals.NotEditable);
        }

        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == response.EditionId, cancellationToken);
        var questionnaire = await loadQuestionnaire.ExecuteAsync(edition.Code, cancellationToken: cancellationToken);
        var rules = new QuestionnaireRules(questionnaire!.Definition);
        if (!rules.TryResolve(path, out var question, out _, out _))
        {
            return OperationResult.Refused($"There is no question '{path}'.", ResponseRefusals.Invalid);
        }

        if (QuestionnaireRules.ValidateValue(question, path, value) is { Count: > 0 } problems)
        {
            return OperationResult.Refused(problems[0].Message, ResponseRefusals.Invalid);
        }

        var answer = await db.Answers.SingleOrDefaultAsync(a => a.ResponseId == responseId && a.Path == path, cancellationToken);
        if ((answer?.Version ?? 0) != expectedVersion)
        {
            return OperationResult.Refused("The answer changed meanwhile; reload to see it.", ResponseRefusals.Conflict);
        }

        var now = clock.GetUtcNow();
        var old = answer?.Value;
        if (answer is null)
        {
            answer = new Answer(responseId, path, value, questionnaire.VersionNumber, now, user.UserId, user.DisplayName);
            db.Answers.Add(answer);
        }
        else
        {
            answer.Change(value, questionnaire.VersionNumber, now, user.UserId, user.DisplayName);
        }

        db.AnswerChanges.Add(new AnswerChange(responseId, path, old, value, now, user.UserId, user.DisplayName, AnswerChangeSource.ReviewerCorrection, reason.Trim()));
        db.Record(now, user, AuditActions.AnswerCorrectedByReviewer, "answer", path, edition.Id, responseId, old?.Display(), value.Display(), reason.Trim());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return OperationResult.Refused("The answer changed meanwhile; reload to see it.", ResponseRefusals.Conflict);
        }

        events.Publish(new AnswerSaved(responseId, path, value, answer.Version, user.UserId, user.DisplayName, now));
        return OperationResult.Done;
    }
}
