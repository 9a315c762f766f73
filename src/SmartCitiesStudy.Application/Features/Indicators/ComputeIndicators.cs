using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// Computes an edition's indicators over its approved responses, with each city's region and the band of the
/// population recorded for that edition: the database counts the answers (<see cref="AnswerCounts"/>, a GROUP BY
/// over the answer rows, whatever the city count) and <see cref="IndicatorsFromCounts"/> turns the counts into the
/// figures <see cref="IndicatorCalculator"/> would give response by response. An edition run before the portal,
/// without approved responses, gives its figures as published instead (ADR 0013).
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

        // The database counts (one GROUP BY over the answer rows); a questionnaire whose condition chains are too long
        // to join is computed response by response instead. Both give the same figures (IndicatorsFromCountsTests).
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var definition = snapshot.Definition;
        IndicatorDocument document;
        if (IndicatorsFromCounts.QuestionsToCount(definition) is { } questions)
        {
            var respondents = await AnswerCounts.RespondentsAsync(db, editionCode, cancellationToken);
            var answers = await AnswerCounts.AnswersAsync(db, editionCode, questions, respondents.Sum(r => r.Count), cancellationToken);
            document = IndicatorsFromCounts.Compute(definition, respondents, answers);
        }
        else
        {
            document = IndicatorCalculator.Compute(definition, await CountedResponses.LoadAsync(db, editionCode, definition, cancellationToken));
        }

        return document with { Edition = snapshot.EditionCode };
    }
}
