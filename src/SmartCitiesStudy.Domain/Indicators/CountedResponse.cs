using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// One approved response as the indicators see it: the city's region, the band of the population recorded for the
/// edition (null when none was recorded), and its answers by path.
/// </summary>
public sealed record CountedResponse(Region Region, PopulationBand? Band, IReadOnlyDictionary<string, AnswerValue> Answers);
