using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>One edition's figure of an indicator that several editions share.</summary>
public sealed record TrendPoint(string Edition, int Year, int Respondents, Indicator Indicator);

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
                points.Add(new TrendPoint(edition.Code, edition.Year, document.Respondents, indicator));
            }
        }

        return points;
    }
}
