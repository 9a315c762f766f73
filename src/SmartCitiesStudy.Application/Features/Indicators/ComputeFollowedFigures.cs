using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>One edition's "x of N (p%)" of a figure followed across editions.</summary>
public sealed record FollowedPoint(string Edition, int Year, int? Numerator, int? Denominator, decimal? Percent);

/// <summary>
/// A yes/no figure, or a barrier or facilitator, followed across editions: <see cref="Id"/> is its code in the newest
/// edition that has it, <see cref="Label"/> its sentence label (figures) or option title (factors) there.
/// </summary>
public sealed record FollowedFigure(string Id, LocalizedText Label, IReadOnlyList<FollowedPoint> Editions);

/// <summary>Barriers and facilitators followed across editions, each list most named first in the newest edition.</summary>
public sealed record FollowedFactors(IReadOnlyList<FollowedFigure> Barriers, IReadOnlyList<FollowedFigure> Facilitators);

/// <summary>
/// The figures that mean the same in two editions or more (<see cref="EditionLinks"/>: same code or <c>sameAs</c>):
/// the yes/no shares (<c>GET /api/v1/trends</c>, the reader's "Trends") and the options of the
/// <c>*_barriers</c> / <c>*_facilitators</c> questions (<c>GET /api/v1/factors</c>). Each edition keeps its own x of N;
/// an edition where nobody answered the question is left out.
/// </summary>
public sealed class ComputeFollowedFigures(ListEditions listEditions, LoadQuestionnaire loadQuestionnaire, ComputeIndicators computeIndicators)
{
    public async Task<IReadOnlyList<FollowedFigure>> TrendsAsync(bool includeUnpublished = false, CancellationToken cancellationToken = default)
    {
        var editions = await LoadAsync(includeUnpublished, cancellationToken);
        var links = EditionLinks.Build(editions.Select(e => e.Definition));
        var points = new List<(string Concept, Question Question, EditionData Edition, ShareIndicator Share)>();
        foreach (var edition in editions)
        {
            foreach (var share in edition.Document.Indicators.OfType<ShareIndicator>().Where(s => s.Denominator > 0))
            {
                if (edition.Definition.Find(share.Id) is { } question)
                {
                    points.Add((links.Concept(edition.Summary.Code, question.Code), question, edition, share));
                }
            }
        }

        return
        [
            .. points
                .GroupBy(p => p.Concept, StringComparer.Ordinal)
                .Where(g => g.Select(p => p.Edition.Summary.Code).Distinct().Count() > 1)
                .Select(g =>
                {
                    var newest = g.Last();
                    return new FollowedFigure(
                        newest.Question.Code,
                        newest.Question.Figure?.Label ?? newest.Question.Title,
                        [.. g.DistinctBy(p => p.Edition.Summary.Code).Select(p => new FollowedPoint(p.Edition.Summary.Code, p.Edition.Summary.Year, p.Share.Numerator, p.Share.Denominator, p.Share.Percent))]);
                })
                .OrderBy(f => f.Id, StringComparer.Ordinal),
        ];
    }

    public async Task<FollowedFactors> FactorsAsync(bool includeUnpublished = false, CancellationToken cancellationToken = default)
    {
        var editions = await LoadAsync(includeUnpublished, cancellationToken);
        var links = EditionLinks.Build(editions.Select(e => e.Definition));
        IReadOnlyList<FollowedFigure> Of(string suffix)
        {
            var points = new List<(string Concept, ChoiceOption Option, EditionData Edition, FollowedPoint Point)>();
            foreach (var edition in editions)
            {
                foreach (var choice in edition.Document.Indicators.OfType<ChoiceIndicator>().Where(c => c.Id.EndsWith(suffix, StringComparison.Ordinal) && c.Denominator is not 0))
                {
                    var question = edition.Definition.Find(choice.Id);
                    foreach (var share in choice.Options)
                    {
                        if (question?.Options.FirstOrDefault(o => o.Code == share.Code) is { } option)
                        {
                            points.Add((
                                links.Concept(edition.Summary.Code, question.Code, option.Code),
                                option,
                                edition,
                                new FollowedPoint(edition.Summary.Code, edition.Summary.Year, share.Numerator, choice.Denominator, share.Percent)));
                        }
                    }
                }
            }

            return
            [
                .. points
                    .GroupBy(p => p.Concept, StringComparer.Ordinal)
                    .Where(g => g.Select(p => p.Edition.Summary.Code).Distinct().Count() > 1)
                    .Select(g => new FollowedFigure(g.Last().Option.Code, g.Last().Option.Title, [.. g.DistinctBy(p => p.Edition.Summary.Code).Select(p => p.Point)]))
                    .OrderByDescending(f => f.Editions[^1].Year)
                    .ThenByDescending(f => f.Editions[^1].Percent ?? -1)
                    .ThenBy(f => f.Id, StringComparer.Ordinal),
            ];
        }

        return new FollowedFactors(Of("_barriers"), Of("_facilitators"));
    }

    private async Task<List<EditionData>> LoadAsync(bool includeUnpublished, CancellationToken cancellationToken)
    {
        var editions = new List<EditionData>();
        foreach (var edition in (await listEditions.ExecuteAsync(publishedOnly: !includeUnpublished, cancellationToken)).OrderBy(e => e.Year).ThenBy(e => e.Code, StringComparer.Ordinal))
        {
            if (await loadQuestionnaire.ExecuteAsync(edition.Code, cancellationToken: cancellationToken) is { } snapshot
                && await computeIndicators.ExecuteAsync(edition.Code, cancellationToken) is { } document)
            {
                editions.Add(new EditionData(edition, snapshot.Definition with { Edition = edition.Code }, document));
            }
        }

        return editions;
    }

    private sealed record EditionData(EditionSummary Summary, QuestionnaireDefinition Definition, IndicatorDocument Document);
}
