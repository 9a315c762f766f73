using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// Computes an edition's indicators over its approved responses (see <see cref="IndicatorCalculator"/>), with each
/// city's region and the band of the population recorded for that edition. Two queries whatever the city count:
/// responses with their city and population, then the top-level answers the indicators depend on. An edition run
/// before the portal, without approved responses, gives its figures as published instead (ADR 0013).
/// </summary>
/// <remarks>
/// A published edition's figures are frozen, so its document is kept for a few minutes, keyed by the edition's row
/// version: any change of the edition (reopening it, on any instance) gives a new version and a fresh computation.
/// The short lifetime bounds how long a correction elsewhere (a city's region) takes to show.
/// </remarks>
public sealed class ComputeIndicators(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire, LoadPublishedStudy loadPublished, TimeProvider clock)
{
    public static readonly TimeSpan PublishedLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (int Version, DateTimeOffset Until, IndicatorDocument Document)> _published = new(StringComparer.Ordinal);

    /// <returns>Null when the edition does not exist or has no questionnaire.</returns>
    public async Task<IndicatorDocument?> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        int? publishedVersion;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            publishedVersion = await db.Editions.AsNoTracking()
                .Where(e => e.Code == editionCode && e.Status == EditionStatus.Published)
                .Select(e => (int?)e.Version)
                .SingleOrDefaultAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (publishedVersion is { } version && _published.TryGetValue(editionCode, out var kept) && kept.Version == version && kept.Until > now)
        {
            return kept.Document;
        }

        var document = await ComputeAsync(editionCode, cancellationToken);
        if (publishedVersion is { } stored && document is not null)
        {
            _published[editionCode] = (stored, now + PublishedLifetime, document);
        }

        return document;
    }

    private async Task<IndicatorDocument?> ComputeAsync(string editionCode, CancellationToken cancellationToken)
    {
        if (await loadPublished.ExecuteAsync(editionCode, cancellationToken) is { } published)
        {
            return PublishedIndicators.For(published);
        }

        var snapshot = await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var responses = await (
                from x in ApprovedResponses.Of(db, editionCode)
                from p in db.CityPopulations.Where(p => p.CityId == x.City.Id && p.EditionId == x.EditionId).DefaultIfEmpty()
                select new { Id = x.ResponseId, x.City.Region, Population = (long?)p!.Population })
            .ToListAsync(cancellationToken);

        // Only the answers an indicator can depend on: the indicator questions and the questions their conditions look
        // at (long texts and good practices never feed a figure). Streamed, with each distinct stored value parsed once:
        // most values repeat ("yes", "no", the same option codes), so 10,000 cities do not mean 2 million JSON parses.
        var relevant = RelevantCodes(snapshot.Definition);
        var answers = (
                from a in db.Answers.AsNoTracking()
                join r in db.Responses on a.ResponseId equals r.Id
                join e in db.Editions on r.EditionId equals e.Id
                where e.Code == editionCode && r.Status == ResponseStatus.Approved && a.Path == a.QuestionCode && relevant.Contains(a.QuestionCode)
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

        var counted = responses
            .OrderBy(r => r.Id)
            .Select(r => new CountedResponse(
                r.Region,
                r.Population is { } population ? PopulationBands.For(population) : null,
                (IReadOnlyDictionary<string, AnswerValue>?)byResponse.GetValueOrDefault(r.Id) ?? new Dictionary<string, AnswerValue>()))
            .ToList();
        return IndicatorCalculator.Compute(snapshot.Definition, counted) with { Edition = snapshot.EditionCode };
    }

    private const int MaxRememberedValues = 50_000;

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
