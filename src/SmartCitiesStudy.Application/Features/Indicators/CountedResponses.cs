using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// An edition's approved responses one by one, with the top-level answers the indicators depend on: what
/// <see cref="IndicatorCalculator"/> takes. The reference the database's counts (<see cref="AnswerCounts"/>) are held
/// to, and the way for a questionnaire whose condition chains are too long to count in one query.
/// </summary>
public static class CountedResponses
{
    private const int MaxRememberedValues = 50_000;

    public static async Task<IReadOnlyList<CountedResponse>> LoadAsync(
        IStudyDbContext db, string editionCode, QuestionnaireDefinition definition, CancellationToken cancellationToken = default) =>
        [.. (await LoadByCityAsync(db, editionCode, definition, cancellationToken)).Select(r => r.Response)];

    /// <summary><see cref="LoadAsync"/> with the id of each response's city, in the same order.</summary>
    public static async Task<IReadOnlyList<(int CityId, CountedResponse Response)>> LoadByCityAsync(
        IStudyDbContext db, string editionCode, QuestionnaireDefinition definition, CancellationToken cancellationToken = default)
    {
        var responses = await (
                from x in ApprovedResponses.Of(db, editionCode)
                from p in db.CityPopulations.Where(p => p.CityId == x.City.Id && p.EditionId == x.EditionId).DefaultIfEmpty()
                select new { Id = x.ResponseId, CityId = x.City.Id, x.City.Region, Population = (long?)p!.Population })
            .ToListAsync(cancellationToken);

        // Only the answers an indicator can depend on: the indicator questions and the questions their conditions look
        // at (long texts and good practices never feed a figure). Streamed, with each distinct stored value parsed once.
        var relevant = RelevantCodes(definition);
        var answers = (
                from a in db.Answers.AsNoTracking()
                join r in db.Responses.Where(Response.IsCountedExpression) on a.ResponseId equals r.Id
                join e in db.Editions on r.EditionId equals e.Id
                where e.Code == editionCode && a.Path == a.QuestionCode && relevant.Contains(a.QuestionCode)
                select new { a.ResponseId, a.Path, a.ValueJson })
            .AsAsyncEnumerable();

        var parsed = new Dictionary<string, AnswerValue?>(StringComparer.Ordinal);
        var byResponse = new Dictionary<int, Dictionary<string, AnswerValue>>();
        await foreach (var answer in answers.WithCancellation(cancellationToken))
        {
            if (!parsed.TryGetValue(answer.ValueJson, out var value))
            {
                value = Parse(answer.ValueJson);
                if (parsed.Count < MaxRememberedValues)
                {
                    parsed[answer.ValueJson] = value;
                }
            }

            if (value is null)
            {
                continue;
            }

            if (!byResponse.TryGetValue(answer.ResponseId, out var values))
            {
                byResponse[answer.ResponseId] = values = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            }

            values[answer.Path] = value;
        }

        return [.. responses
            .OrderBy(r => r.Id)
            .Select(r => (r.CityId, new CountedResponse(
                r.Region,
                r.Population is { } population ? PopulationBands.For(population) : null,
                (IReadOnlyDictionary<string, AnswerValue>?)byResponse.GetValueOrDefault(r.Id) ?? new Dictionary<string, AnswerValue>())))];
    }

    /// <summary>Codes of the questions with an indicator and of every question their show-conditions depend on.</summary>
    private static List<string> RelevantCodes(QuestionnaireDefinition definition)
    {
        var byCode = definition.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        var relevant = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in definition.Questions.Where(q => q.Figure is not null))
        {
            for (var q = question; q is not null && relevant.Add(q.Code);)
            {
                q = q.ShowWhen is { } condition ? byCode.GetValueOrDefault(condition.Question) : null;
            }
        }

        return [.. relevant];
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
