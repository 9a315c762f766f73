using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>
/// Opens a response for the form: an officer's own city's response to an edition (started on first opening while the
/// edition is open), or any response by id for reviewers.
/// </summary>
public sealed class OpenResponse(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, TimeProvider clock)
{
    /// <returns>Null when the edition does not exist, has no questionnaire, or the user has no city response to see.</returns>
    public async Task<ResponseSession?> ForOfficerAsync(StudyUser user, string editionCode, CancellationToken cancellationToken = default)
    {
        if (user.CityId is not { } cityId || !user.IsOfficerOf(cityId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null || edition.QuestionnaireVersion == 0 || edition.Status == EditionStatus.Draft)
        {
            return null;
        }

        var responseId = await db.Responses.Where(r => r.EditionId == edition.Id && r.CityId == cityId).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (responseId is null)
        {
            if (edition.Status != EditionStatus.Open)
            {
                return null;
            }

            responseId = await StartAsync(db, edition, cityId, cancellationToken);
        }

        return await LoadAsync(db, user, responseId.Value, cancellationToken);
    }

    /// <returns>Null when the response does not exist or the user may not read it.</returns>
    public async Task<ResponseSession?> ByIdAsync(StudyUser user, int responseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await LoadAsync(db, user, responseId, cancellationToken);
    }

    private async Task<int> StartAsync(IStudyDbContext db, Edition edition, int cityId, CancellationToken cancellationToken)
    {
        var response = new Response(edition.Id, cityId, edition.QuestionnaireVersion, clock.GetUtcNow());
        db.Responses.Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response.Id;
        }
        catch (DbUpdateException)
        {
            // Another officer of the city opened it at the same moment: use theirs.
            db.Responses.Entry(response).State = EntityState.Detached;
            return await db.Responses.Where(r => r.EditionId == edition.Id && r.CityId == cityId).Select(r => r.Id).SingleAsync(cancellationToken);
        }
    }

    private async Task<ResponseSession?> LoadAsync(IStudyDbContext db, StudyUser user, int responseId, CancellationToken cancellationToken)
    {
        var row = await db.Responses.AsNoTracking()
            .Where(r => r.Id == responseId)
            .Join(db.Editions, r => r.EditionId, e => e.Id, (r, e) => new { Response = r, Edition = e })
            .Join(db.Cities, x => x.Response.CityId, c => c.Id, (x, c) => new { x.Response, x.Edition, CityName = c.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || !ResponseAccess.CanRead(user, row.Response))
        {
            return null;
        }

        var questionnaire = await loadQuestionnaire.ExecuteAsync(row.Edition.Code, cancellationToken: cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }

        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.ResponseId == responseId)
            .Select(a => new { a.Path, a.ValueJson, a.Version, a.UpdatedByName, a.UpdatedAt, a.CopiedFrom })
            .ToListAsync(cancellationToken);
        var whyNot = ResponseAccess.WhyNotEditable(user, row.Edition, row.Response);
        var extension = await db.DeadlineExtensions.AsNoTracking()
            .Where(x => x.EditionId == row.Edition.Id && x.CityId == row.Response.CityId).Select(x => (DateOnly?)x.Until).SingleOrDefaultAsync(cancellationToken);
        return new ResponseSession(
            row.Response.Id,
            row.Edition.Code,
            row.Edition.Title,
            row.Edition.Status,
            DeadlineExtension.Effective(row.Edition.Deadline, extension),
            row.Response.CityId,
            row.CityName,
            row.Response.Status,
            row.Response.Version,
            whyNot is null,
            whyNot,
            questionnaire.Definition,
            questionnaire.VersionNumber,
            answers.ToDictionary(a => a.Path, a => new StoredAnswer(AnswerValue.FromJson(a.ValueJson), a.Version, a.UpdatedByName, a.UpdatedAt, a.CopiedFrom), StringComparer.Ordinal),
            row.Response.Status == ResponseStatus.Returned ? await ReturnMessage.LatestAsync(db, responseId, cancellationToken) : null);
    }
}
