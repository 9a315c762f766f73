using System.Globalization;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// The city cells both CSV imports read (city or name, country, region, population), checked the same way: each
/// problem is added with its row and column and the readable values are returned.
/// </summary>
internal static class CityCells
{
    public const long MaxPopulation = 100_000_000;

    public static (Region Region, long? Population) Check(
        int row, string nameColumn, string name, string country, string regionText, string populationText, List<CsvProblem> problems)
    {
        if (name.Length == 0)
        {
            problems.Add(new CsvProblem(row, nameColumn, $"The {nameColumn} is missing."));
        }

        if (country.Length == 0)
        {
            problems.Add(new CsvProblem(row, "country", "The country is missing."));
        }

        Region region = default;
        if (regionText.Length == 0)
        {
            problems.Add(new CsvProblem(row, "region", "The region is missing; use Africa, America, Asia, Europe or Oceania."));
        }
        else if (!CityText.TryParseRegion(regionText, out region))
        {
            problems.Add(new CsvProblem(row, "region", $"'{regionText}' is not a region; use Africa, America, Asia, Europe or Oceania."));
        }

        long? population = null;
        if (populationText.Length > 0)
        {
            if (!long.TryParse(populationText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add(new CsvProblem(row, "population", $"'{populationText}' is not a whole number (digits only, no separators)."));
            }
            else if (value > MaxPopulation)
            {
                problems.Add(new CsvProblem(row, "population", $"{value} is more than 100,000,000."));
            }
            else
            {
                population = value;
            }
        }

        return (region, population);
    }
}
