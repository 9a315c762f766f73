using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>One edition's figure of an indicator that several editions share.</summary>
public sealed record TrendPoint(string Edition, int Year, int Respondents, Indicator Indicator)
{
    /// <summary>Whether the figure is computed from responses or as the edition's publication printed it.</summary>
    public FiguresSource Source { get; init; } = FiguresSource.Responses;
}

/// <summary>
/// The cross-edition trend of an indicator: its figure in every published edition whose questionnaire has the same
/// code, oldest first. Each point keeps its own "x of N" (the cities differ from one edition to the next).
/// </summary>
public sealed class ComputeTrend(ListEditions listEditions, ComputeIndicators computeIndicators)
{
    public async Task<IReadOnlyList<TrendPoint>> ExecuteAsync(string indicatorId, bool includeUnpublished = false, CancellationToken cancellationToken = default)
    {
        var points = new List<TrendPoint>();
        foreach (var edition in (await listEditions.ExecuteAsync(publishedOnly: !includeUnpublished, cancellationToken)).OrderBy(e => e.Year))
        {
            if (await computeIndicators.ExecuteAsync(edition.Code, cancellationToken) is { } document
                && document.Indicators.FirstOrDefault(i => i.Id == indicatorId) is { } indicator)
            {
                points.Add(new TrendPoint(edition.Code, edition.Year, document.Respondents, indicator) { Source = document.Source });
            }
        }

        return points;
    }

    /// <summary>
    /// The trends of every indicator of one edition that at least one other edition shares (the reader's indicators
    /// page): each edition's indicators are computed once, not once per indicator.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TrendPoint>>> ForEditionAsync(string editionCode, bool includeUnpublished = false, CancellationToken cancellationToken = default)
    {
        var documents = new List<(EditionSummary Edition, IndicatorDocument Document)>();
        foreach (var edition in (await listEditions.ExecuteAsync(publishedOnly: !includeUnpublished, cancellationToken)).OrderBy(e => e.Year))
        {
            if (await computeIndicators.ExecuteAsync(edition.Code, cancellationToken) is { } document)
            {
                documents.Add((edition, document));
            }
        }

        var ids = documents.FirstOrDefault(d => d.Edition.Code == editionCode).Document?.Indicators.Select(i => i.Id) ?? [];
        var trends = new Dictionary<string, IReadOnlyList<TrendPoint>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            List<TrendPoint> points = [.. documents
                .Select(d => (d.Edition, d.Document, Indicator: d.Document.Indicators.FirstOrDefault(i => i.Id == id)))
                .Where(d => d.Indicator is not null)
                .Select(d => new TrendPoint(d.Edition.Code, d.Edition.Year, d.Document.Respondents, d.Indicator!) { Source = d.Document.Source })];
            if (points.Count > 1)
            {
                trends[id] = points;
            }
        }

        return trends;
    }
}
