using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Facts;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>
/// Gathers the study report's data for an edition and a language, and one city's factsheet. Callers decide who may
/// see an unpublished edition.
/// </summary>
public sealed class BuildStudyReport(
    IStudyDbContextFactory dbFactory,
    ListEditions listEditions,
    LoadQuestionnaire loadQuestionnaire,
    ComputeIndicators computeIndicators,
    ListParticipants listParticipants,
    ListGoodPractices listGoodPractices,
    LoadEditionFacts loadFacts,
    LoadEditionTexts loadEditionTexts,
    ComputeFollowedFigures followedFigures,
    TimeProvider clock)
{
    /// <returns>Null when the edition does not exist or has no questionnaire.</returns>
    public async Task<StudyReportModel?> ExecuteAsync(string editionCode, string language, CancellationToken cancellationToken = default)
    {
        var edition = (await listEditions.ExecuteAsync(publishedOnly: false, cancellationToken)).FirstOrDefault(e => e.Code == editionCode);
        var snapshot = edition is null ? null : await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        var indicators = snapshot is null ? null : await computeIndicators.ExecuteAsync(editionCode, cancellationToken);
        if (edition is null || snapshot is null || indicators is null)
        {
            return null;
        }

        var participants = await listParticipants.ExecuteAsync(editionCode, cancellationToken);
        var practices = await listGoodPractices.ExecuteAsync(editionCode, cancellationToken);
        var facts = await loadFacts.ExecuteAsync(editionCode, cancellationToken);
        var texts = await loadEditionTexts.ExecuteAsync(editionCode, cancellationToken);
        var previous = await followedFigures.PreviousOptionsAsync(editionCode, cancellationToken);
        return new StudyReportModel(edition, language, snapshot.Definition, indicators, participants, practices, clock.GetUtcNow(), facts) { Texts = texts, Previous = previous };
    }

    /// <returns>
    /// Null when the edition does not exist or the city has no approved response in it; a city listed by a publication
    /// (ADR 0013) has no answers, so no factsheet.
    /// </returns>
    public async Task<CityFactsheetModel?> FactsheetAsync(string editionCode, string citySlug, string language, CancellationToken cancellationToken = default)
    {
        var study = await ExecuteAsync(editionCode, language, cancellationToken);
        var city = study?.Participants.FirstOrDefault(p => p.Slug == citySlug && !p.AsPublished);
        if (study is null || city is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await (
            from x in ApprovedResponses.Of(db, editionCode)
            where x.City.Slug == citySlug
            join a in db.Answers.AsNoTracking() on x.ResponseId equals a.ResponseId
            where a.Path == a.QuestionCode
            select new { a.Path, a.ValueJson })
            .ToListAsync(cancellationToken);
        var answers = rows.ToDictionary(a => a.Path, a => AnswerValue.FromJson(a.ValueJson), StringComparer.Ordinal);
        var practices = study.GoodPractices.Where(p => p.City.Slug == citySlug).ToList();
        return new CityFactsheetModel(study, city, answers, practices);
    }
}
