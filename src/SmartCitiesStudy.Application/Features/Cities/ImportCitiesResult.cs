namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>What a cities import did (or, on a dry run or with problems, would do). Nothing is stored with problems.</summary>
public sealed record ImportCitiesResult(bool Stored, int Added, int Updated, int Unchanged, int Populations, IReadOnlyList<CsvProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportCitiesResult Refused(params CsvProblem[] problems) => new(false, 0, 0, 0, 0, problems);
}
