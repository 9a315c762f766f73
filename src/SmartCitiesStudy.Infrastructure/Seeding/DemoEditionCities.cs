using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// Demo participation in 2012 (HOLISTIC), 2019 (GOVERNANCE; 24 approved cities as published, plus one returned and
/// one submitted response that must not count) and the open 2026 edition. Cities not in the 2017 study are added with
/// their region; populations are recorded per edition, scaled from 2017 (a city may move band).
/// </summary>
public static class DemoEditionCities
{
    public sealed record DemoCityElsewhere(string Name, string Country, Region Region, long Population2019);

    /// <summary>Cities that took part in 2012 or 2019 but not in 2017.</summary>
    public static IReadOnlyList<DemoCityElsewhere> Others { get; } =
    [
        new("Buenos Aires", "Argentina", Region.America, 3_075_600),
        new("Montevideo", "Uruguay", Region.America, 1_319_100),
        new("Tallinn", "Estonia", Region.Europe, 434_600),
        new("Durban", "South Africa", Region.Africa, 3_720_900),
        new("Wellington", "New Zealand", Region.Oceania, 215_400),
        new("Ramallah", "Palestine", Region.Asia, 38_900),
    ];

    public static IReadOnlyList<string> Approved2012 { get; } =
    [
        "Bilbao", "Barcelona", "Porto", "Liège", "Bordeaux", "Brno", "Moscow", "Medellín", "Quito", "São Paulo",
        "Rio de Janeiro", "Seongnam", "La Marsa", "Buenos Aires", "Montevideo", "Durban", "Tallinn", "Kathmandu",
    ];

    public static IReadOnlyList<string> Approved2019 { get; } =
    [
        "Bilbao", "Barcelona", "Porto", "Liège", "Bordeaux", "Brno", "Ostrava", "Katowice", "Lappeenranta", "Moscow",
        "Medellín", "Quito", "São Paulo", "Rio de Janeiro", "San Miguel de Ibarra", "Seongnam", "La Marsa", "Tequila",
        "Buenos Aires", "Montevideo", "Tallinn", "Durban", "Wellington", "Ramallah",
    ];

    /// <summary>2019 responses that are not counted: one returned to the city, one awaiting review.</summary>
    public const string Returned2019 = "Kathmandu";

    public const string Submitted2019 = "South Tarawa";

    /// <summary>The open demo edition: Bilbao is filling it in, Porto has submitted.</summary>
    public const string Draft2026 = "Bilbao";

    public const string Submitted2026 = "Porto";

    /// <summary>The population recorded for a city in an edition.</summary>
    public static long Population(string city, int year)
    {
        var study2017 = DemoCities.Study2017.FirstOrDefault(c => c.Name == city);
        if (study2017 is not null)
        {
            return Scale(study2017.Population2017, year - 2017);
        }

        var other = Others.Single(c => c.Name == city);
        return Scale(other.Population2019, year - 2019);
    }

    // About 0.8% growth a year, rounded to hundreds like the published figures.
    private static long Scale(long population, int years) =>
        (long)Math.Round(population * Math.Pow(1.008, years) / 100, MidpointRounding.AwayFromZero) * 100;
}
