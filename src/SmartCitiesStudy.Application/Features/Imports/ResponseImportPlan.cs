using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Imports;

/// <summary>
/// What one row of a responses file will do: its city (null = a new city), the response it replaces (null = a new
/// response) and the answers it brings.
/// </summary>
internal sealed record ResponseImportPlan(ResponseCsvRow Row, City? City, Response? Response)
{
    /// <summary>Reads every row and matches it with the registry and the edition's responses; problems are added, not thrown.</summary>
    public static List<ResponseImportPlan> Make(
        IReadOnlyList<CsvRecords.Record> records,
        ResponseCsvHeader header,
        QuestionnaireRules rules,
        string editionCode,
        IReadOnlyList<City> cities,
        IReadOnlyDictionary<int, Response> responses,
        bool replace,
        List<CsvProblem> problems)
    {
        var byKey = cities.ToDictionary(c => CityText.Key(c.Name, c.Country));
        var bySlug = cities.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var rowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowOfNewSlug = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<ResponseImportPlan>();
        foreach (var record in records.Skip(1))
        {
            var rowProblems = new List<CsvProblem>();
            var row = ResponseCsvRow.Read(record, header, rules, rowProblems);
            if (row is not null && Match(row, editionCode, byKey, bySlug, rowOfKey, rowOfNewSlug, responses, replace, rowProblems) is { } plan)
            {
                planned.Add(plan);
            }

            problems.AddRange(rowProblems.OrderBy(p => header.IndexOf(p.Column)));
        }

        return planned;
    }

    private static ResponseImportPlan? Match(
        ResponseCsvRow row,
        string editionCode,
        Dictionary<string, City> byKey,
        Dictionary<string, City> bySlug,
        Dictionary<string, int> rowOfKey,
        Dictionary<string, int> rowOfNewSlug,
        IReadOnlyDictionary<int, Response> responses,
        bool replace,
        List<CsvProblem> problems)
    {
        var key = CityText.Key(row.City, row.Country);
        if (rowOfKey.TryGetValue(key, out var firstRow))
        {
            problems.Add(new CsvProblem(row.Row, "city", $"{row.City}, {row.Country} is already on row {firstRow}: a city has one response per edition."));
            return null;
        }

        rowOfKey[key] = row.Row;
        if (byKey.TryGetValue(key, out var existing))
        {
            var response = responses.GetValueOrDefault(existing.Id);
            if (response is not null && !replace)
            {
                problems.Add(new CsvProblem(row.Row, "city", $"{existing.Name}, {existing.Country} already has a response in edition {editionCode} ({response.Status.ToString().ToLowerInvariant()}); import with \"replace\" to replace its answers."));
                return null;
            }

            return new ResponseImportPlan(row, existing, response);
        }

        string slug;
        try
        {
            // A new city: the domain's rules for names and the slug it gets, as when a city is added by hand.
            slug = new City(row.City, row.Country, row.Region).Slug;
        }
        catch (DomainRuleException ex)
        {
            problems.Add(new CsvProblem(row.Row, ex.Code == "city.country" ? "country" : "city", ex.Message));
            return null;
        }

        if (bySlug.TryGetValue(slug, out var owner))
        {
            problems.Add(new CsvProblem(row.Row, "city", $"A new city {row.City}, {row.Country} would get the slug '{slug}', which belongs to {owner.Name}, {owner.Country}. Add it on the cities page with another slug first."));
            return null;
        }

        if (rowOfNewSlug.TryGetValue(slug, out var slugRow))
        {
            problems.Add(new CsvProblem(row.Row, "city", $"A new city {row.City}, {row.Country} would get the slug '{slug}', like the new city on row {slugRow}. Add one of them on the cities page with another slug first."));
            return null;
        }

        rowOfNewSlug[slug] = row.Row;
        return new ResponseImportPlan(row, null, null);
    }
}
