using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// How many approved responses hold one stored value of a top-level question, as the database counts them: with the
/// stored values of the questions its show-condition looks at (<see cref="ConditionValues"/>: the parent first, then
/// the parent's parent…; null where the response has none), and the responses' region and population band (both null
/// when the question's figure has no breakdown).
/// </summary>
public sealed record StoredAnswerCount(
    string QuestionCode,
    string ValueJson,
    IReadOnlyList<string?> ConditionValues,
    Region? Region,
    PopulationBand? Band,
    int Count);

/// <summary>How many approved responses come from one region and population band (null: no population recorded).</summary>
public sealed record RespondentCount(Region Region, PopulationBand? Band, int Count);
