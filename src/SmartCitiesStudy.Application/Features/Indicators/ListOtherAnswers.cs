using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>One city's "other" text for a question.</summary>
public sealed record OtherAnswer(string City, string Country, string Text);

/// <summary>A choice question that allows "other", with the texts the cities typed (city A–Z).</summary>
public sealed record OtherAnswersOfQuestion(string Code, LocalizedText Title, LocalizedText Section, IReadOnlyList<OtherAnswer> Answers);

/// <summary>The "other" texts of an edition, or why not (<see cref="NotFound"/> for an unknown edition).</summary>
public sealed record OtherAnswersResult(IReadOnlyList<OtherAnswersOfQuestion>? Questions, string? Error, bool NotFound = false);

/// <summary>
/// What cities typed where a choice question allows "other", in the approved responses (the ones the figures count
/// as "Other"), per question in questionnaire order. For the secretariat and reviewers only: the texts are the
/// cities' own words, never published (not on reader pages, in the open-data API or in public exports).
/// </summary>
public sealed class ListOtherAnswers(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire)
{
    public async Task<OtherAnswersResult> ExecuteAsync(string editionCode, StudyUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsReviewer)
        {
            return new OtherAnswersResult(null, "Only the secretariat and reviewers can read the cities' \"other\" answers.");
        }

        var snapshot = await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        if (snapshot is null)
        {
            return new OtherAnswersResult(null, $"There is no edition '{editionCode}' with a questionnaire.", NotFound: true);
        }

        var questions = snapshot.Definition.Sections
            .SelectMany(s => s.Questions.Where(q => q.AllowOther && q.Type.IsChoice()).Select(q => (Section: s, Question: q)))
            .ToList();
        var codes = questions.Select(q => q.Question.Code).ToList();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await (
                from x in ApprovedResponses.Of(db, editionCode)
                join a in db.Answers.AsNoTracking() on x.ResponseId equals a.ResponseId
                where a.Path == a.QuestionCode && codes.Contains(a.QuestionCode)
                select new { a.QuestionCode, x.City.Name, x.City.Country, a.ValueJson })
            .ToListAsync(cancellationToken);
        var texts = rows
            .Select(r => (r.QuestionCode, Answer: new OtherAnswer(r.Name, r.Country, AnswerValue.FromJson(r.ValueJson) is { Other: { } other } value
                && value.Codes?.Contains(Question.OtherCode) == true ? other.Trim() : string.Empty)))
            .Where(r => r.Answer.Text.Length > 0)
            .ToLookup(r => r.QuestionCode, r => r.Answer, StringComparer.Ordinal);
        return new OtherAnswersResult(
            [
                .. questions.Select(q => new OtherAnswersOfQuestion(
                    q.Question.Code,
                    q.Question.Title,
                    q.Section.Title,
                    [.. texts[q.Question.Code].OrderBy(a => a.City, StringComparer.CurrentCulture).ThenBy(a => a.Text, StringComparer.Ordinal)])),
            ],
            null);
    }
}
