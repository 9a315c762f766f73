namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// Every indicator of an edition, in questionnaire order, computed over its approved responses
/// (<see cref="Respondents"/> of them). The public contract of the CLI and the open-data API.
/// </summary>
public sealed record IndicatorDocument(string Edition, int Respondents, IReadOnlyList<Indicator> Indicators);
