using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// One edition's "x of N (p%)" of a figure followed across editions; a factor computed from responses also by region
/// and population band (the option's breakdowns, <see cref="OptionShare"/>), for the reader pages, not the API.
/// </summary>
public sealed record FollowedPoint(string Edition, int Year, int? Numerator, int? Denominator, decimal? Percent)
{
    public IReadOnlyList<GroupShare>? ByRegion { get; init; }

    public IReadOnlyList<GroupShare>? ByPopulationBand { get; init; }
}

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
                                new FollowedPoint(edition.Summary.Code, edition.Summary.Year, share.Numerator, choice.Denominator, share.Percent)
                                {
                                    ByRegion = share.ByRegion,
                                    ByPopulationBand = share.ByPopulationBand,
                                }));
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

    /// <summary>
    /// For each option of the edition's choice questions ("other" aside): the same option (same code or
    /// <c>sameAs</c>) in the newest published edition before it where cities answered the question — the study's
    /// chapter 4 shows it beside this edition's figure ("47% in 2017"). Unpublished editions are never compared with.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Question, string Option), FollowedPoint>> PreviousOptionsAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<(string Question, string Option), FollowedPoint>();
        var all = await listEditions.ExecuteAsync(publishedOnly: false, cancellationToken);
        if (all.FirstOrDefault(e => e.Code == editionCode) is not { } edition)
        {
            return result;
        }

        var definitions = new Dictionary<string, QuestionnaireDefinition>(StringComparer.Ordinal);
        foreach (var summary in all)
        {
            if (await loadQuestionnaire.ExecuteAsync(summary.Code, cancellationToken: cancellationToken) is { } snapshot)
            {
                definitions[summary.Code] = snapshot.Definition with { Edition = summary.Code };
            }
        }

        if (!definitions.TryGetValue(editionCode, out var current))
        {
            return result;
        }

        var links = EditionLinks.Build(definitions.Values);
        var wanted = new Dictionary<string, (string Question, string Option)>(StringComparer.Ordinal);
        foreach (var question in current.Questions.Where(q => q.Type.IsChoice()))
        {
            foreach (var option in question.Options)
            {
                wanted.TryAdd(links.Concept(editionCode, question.Code, option.Code), (question.Code, option.Code));
            }
        }

        var earlier = all
            .Where(e => e.Status == EditionStatus.Published && definitions.ContainsKey(e.Code)
                && (e.Year < edition.Year || (e.Year == edition.Year && string.CompareOrdinal(e.Code, edition.Code) < 0)))
            .OrderByDescending(e => e.Year)
            .ThenByDescending(e => e.Code, StringComparer.Ordinal);
        foreach (var previous in earlier)
        {
            if (result.Count == wanted.Count || await computeIndicators.ExecuteAsync(previous.Code, cancellationToken) is not { } document)
            {
                continue;
            }

            foreach (var choice in document.Indicators.OfType<ChoiceIndicator>().Where(c => c.Denominator is not 0))
            {
                foreach (var share in choice.Options.Where(o => o.Code != Question.OtherCode))
                {
                    if (wanted.TryGetValue(links.Concept(previous.Code, choice.Id, share.Code), out var key) && !result.ContainsKey(key))
                    {
                        result[key] = new FollowedPoint(previous.Code, previous.Year, share.Numerator, choice.Denominator, share.Percent);
                    }
                }
            }
        }

        return result;
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
