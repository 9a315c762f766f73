using SmartCitiesStudy.Application.Features.Cities;

namespace SmartCitiesStudy.Application.Features.Imports;

/// <summary>
/// What a responses import did (or, on a dry run, would do): cities added to the registry, responses created and
/// replaced, answers stored and populations recorded. With problems nothing is stored and the counts are 0.
/// </summary>
public sealed record ImportResponsesResult(bool Stored, int NewCities, int Created, int Replaced, int Answers, int Populations, IReadOnlyList<CsvProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportResponsesResult Refused(params CsvProblem[] problems) => new(false, 0, 0, 0, 0, 0, problems);
}
