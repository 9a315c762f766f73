using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>
/// An officer's home: the editions open for their city, and earlier ones their city answered, with the response's
/// status and how complete it is.
/// </summary>
public sealed class ListMyQuestionnaires(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire)
{
    public async Task<IReadOnlyList<MyQuestionnaire>> ExecuteAsync(StudyUser user, CancellationToken cancellationToken = default)
    {
        if (user.CityId is not { } cityId || !user.IsOfficerOf(cityId))
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await db.Editions.AsNoTracking()
            .Where(e => e.Status != EditionStatus.Draft && e.QuestionnaireVersion > 0)
            .Select(e => new
            {
                Edition = e,
                Response = db.Responses.FirstOrDefault(r => r.EditionId == e.Id && r.CityId == cityId),
                Extension = db.DeadlineExtensions.Where(x => x.EditionId == e.Id && x.CityId == cityId).Select(x => (DateOnly?)x.Until).FirstOrDefault(),
            })
            .Where(x => x.Edition.Status == EditionStatus.Open || x.Response != null)
            .OrderByDescending(x => x.Edition.Year)
            .ToListAsync(cancellationToken);

        var result = new List<MyQuestionnaire>(rows.Count);
        foreach (var row in rows)
        {
            var percent = 0;
            if (row.Response is not null)
            {
                var questionnaire = await loadQuestionnaire.ExecuteAsync(row.Edition.Code, cancellationToken: cancellationToken);
                var answers = await db.LoadAnswerValuesAsync(row.Response.Id, cancellationToken);
                percent = new QuestionnaireRules(questionnaire!.Definition).PercentComplete(answers);
            }

            var comments = row.Response is null ? 0 : await db.Comments.CountAsync(c => c.ResponseId == row.Response.Id && c.ByReviewer && !c.IsInternal, cancellationToken);
            result.Add(new MyQuestionnaire(
                row.Edition.Code, row.Edition.Title, row.Edition.Theme, row.Edition.Status, DeadlineExtension.Effective(row.Edition.Deadline, row.Extension),
                row.Response?.Id, row.Response?.Status, percent, comments,
                row.Response?.Status == Domain.Responses.ResponseStatus.Returned ? await ReturnMessage.LatestAsync(db, row.Response.Id, cancellationToken) : null));
        }

        return result;
    }
}
