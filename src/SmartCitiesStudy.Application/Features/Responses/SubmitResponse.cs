using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Audit;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>What submitting did: submitted, or refused with the reason and every missing or invalid answer.</summary>
public sealed record SubmitResult(bool Submitted, string? Refusal, IReadOnlyList<AnswerProblem> Problems);

/// <summary>
/// Sends a city's response to the secretariat when every required question (shown by its conditions) has an
/// acceptable answer and every answer copied from an earlier edition has been confirmed or changed. After that the form is read-only until a reviewer returns it. The city's officers get a
/// receipt, stored with the submission, with their answers as PDF (rendered in the background).
/// </summary>
public sealed class SubmitResponse(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, IResponseEvents events, ICityOfficerDirectory officers, IEmailOutbox outbox, TimeProvider clock)
{
    public async Task<SubmitResult> ExecuteAsync(StudyUser user, int responseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var response = await db.Responses.SingleOrDefaultAsync(r => r.Id == responseId, cancellationToken);
        var edition = response is null ? null : await db.Editions.AsNoTracking().SingleAsync(e => e.Id == response.EditionId, cancellationToken);
        if (response is null || edition is null)
        {
            return new SubmitResult(false, ResponseRefusals.NotFound, []);
        }

        if (ResponseAccess.WhyNotEditable(user, edition, response) is { } refusal)
        {
            return new SubmitResult(false, refusal, []);
        }

        var questionnaire = await loadQuestionnaire.ExecuteAsync(edition.Code, cancellationToken: cancellationToken);
        var answers = await db.LoadAnswerValuesAsync(responseId, cancellationToken);
        var rules = new QuestionnaireRules(questionnaire!.Definition);
        var problems = rules.Check(answers, requireComplete: true).Concat(await UnconfirmedAsync(db, rules, answers, responseId, cancellationToken)).ToList();
        if (problems.Count > 0)
        {
            return new SubmitResult(false, ResponseRefusals.Incomplete, problems);
        }

        var now = clock.GetUtcNow();
        var before = response.Status;
        response.Submit(now);
        db.Record(now, user, AuditActions.ResponseStatusChanged, "response", response.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), edition.Id, response.Id, before.ToString(), response.Status.ToString());
        var cityName = await db.Cities.AsNoTracking().Where(c => c.Id == response.CityId).Select(c => c.Name).SingleAsync(cancellationToken);
        foreach (var officer in await officers.ActiveOfficersAsync(response.CityId, cancellationToken))
        {
            outbox.Enqueue(db, Notices.NoticeEmails.Received(officer, edition, cityName, now) with
            {
                Attachments = [Notices.ReceiptAttachment.For(response.Id, officer.Culture ?? "en", edition.Code)],
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SubmitResult(false, ResponseRefusals.Conflict, []);
        }

        events.Publish(new ResponseStatusChanged(response.Id, response.Status, user.UserId, user.DisplayName, now));
        return new SubmitResult(true, null, []);
    }

    // Answers copied from an earlier edition (and shown) that nobody has confirmed or changed: listed like missing ones.
    private static async Task<IEnumerable<AnswerProblem>> UnconfirmedAsync(IStudyDbContext db, QuestionnaireRules rules, IReadOnlyDictionary<string, AnswerValue> answers, int responseId, CancellationToken cancellationToken)
    {
        var copied = await db.Answers.AsNoTracking()
            .Where(a => a.ResponseId == responseId && a.CopiedFrom != null)
            .Select(a => new { a.Path, a.CopiedFrom })
            .ToListAsync(cancellationToken);
        return copied
            .Where(c => answers.GetValueOrDefault(c.Path) is { IsEmpty: false } && rules.TryResolve(c.Path, out var question, out var group, out var itemId) && rules.IsShown(question, answers, group, itemId))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .Select(c => new AnswerProblem(c.Path, AnswerProblemCodes.Unconfirmed, $"'{c.Path}' was copied from {c.CopiedFrom}: confirm it or change it.", [c.CopiedFrom!]));
    }
}
