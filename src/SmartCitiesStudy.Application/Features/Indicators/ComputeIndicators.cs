using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// Computes an edition's indicators over its approved responses (see <see cref="IndicatorCalculator"/>), with each
/// city's region and the band of the population recorded for that edition. Two queries whatever the city count:
/// responses with their city and population, then their top-level answers.
/// </summary>
public sealed class ComputeIndicators(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire)
{
    /// <returns>Null when the edition does not exist or has no questionnaire.</returns>
    public async Task<IndicatorDocument?> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        var snapshot = await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var responses = await (
                from r in db.Responses.AsNoTracking()
                join e in db.Editions on r.EditionId equals e.Id
                join c in db.Cities on r.CityId equals c.Id
                from p in db.CityPopulations.Where(p => p.CityId == r.CityId && p.EditionId == r.EditionId).DefaultIfEmpty()
                where e.Code == editionCode && r.Status == ResponseStatus.Approved
                select new { r.Id, c.Region, Population = (long?)p!.Population })
            .ToListAsync(cancellationToken);

        // Group fields (good practices) never feed an indicator: only top-level answers are read.
        var answers = await (
                from a in db.Answers.AsNoTracking()
                join r in db.Responses on a.ResponseId equals r.Id
                join e in db.Editions on r.EditionId equals e.Id
                where e.Code == editionCode && r.Status == ResponseStatus.Approved && a.Path == a.QuestionCode
                select new { a.ResponseId, a.Path, a.ValueJson })
            .ToListAsync(cancellationToken);

        var byResponse = answers
            .GroupBy(a => a.ResponseId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, AnswerValue>)g
                    .Select(a => (a.Path, Value: Parse(a.ValueJson)))
                    .Where(a => a.Value is not null)
                    .ToDictionary(a => a.Path, a => a.Value!, StringComparer.Ordinal));

        var counted = responses
            .OrderBy(r => r.Id)
            .Select(r => new CountedResponse(
                r.Region,
                r.Population is { } population ? PopulationBands.For(population) : null,
                byResponse.GetValueOrDefault(r.Id) ?? new Dictionary<string, AnswerValue>()))
            .ToList();
        return IndicatorCalculator.Compute(snapshot.Definition, counted) with { Edition = snapshot.EditionCode };
    }

    // A damaged stored value is treated like an invalid answer: not counted.
    private static AnswerValue? Parse(string json)
    {
        try
        {
            return AnswerValue.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
