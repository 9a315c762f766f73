using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// The 20 cities of the 2017 study with their regions, and a population for 2017 that falls in the band the study
/// published for each (../shared/data/study-2017-indicators.md). Regions follow the publication (South Tarawa is
/// listed under Asia there).
/// </summary>
public static class DemoCities
{
    public sealed record DemoCity(string Name, string Country, Region Region, long Population2017);

    public static IReadOnlyList<DemoCity> Study2017 { get; } =
    [
        new("Tequila", "Mexico", Region.America, 42_000),
        new("South Tarawa", "Kiribati", Region.Asia, 46_000),
        new("Lappeenranta", "Finland", Region.Europe, 72_900),
        new("La Marsa", "Tunisia", Region.Africa, 92_900),
        new("Bilbao", "Spain", Region.Europe, 345_100),
        new("Brno", "Czech Republic", Region.Europe, 379_500),
        new("Bordeaux", "France", Region.Europe, 249_700),
        new("Katowice", "Poland", Region.Europe, 297_200),
        new("Liège", "Belgium", Region.Europe, 197_300),
        new("Porto", "Portugal", Region.Europe, 214_300),
        new("Ostrava", "Czech Republic", Region.Europe, 291_600),
        new("San Miguel de Ibarra", "Ecuador", Region.America, 181_200),
        new("Seongnam", "South Korea", Region.Asia, 971_400),
        new("Barcelona", "Spain", Region.Europe, 1_608_700),
        new("Moscow", "Russia", Region.Europe, 12_380_700),
        new("Medellín", "Colombia", Region.America, 2_508_400),
        new("Quito", "Ecuador", Region.America, 2_644_100),
        new("Rio de Janeiro", "Brazil", Region.America, 6_520_300),
        new("São Paulo", "Brazil", Region.America, 12_106_900),
        new("Kathmandu", "Nepal", Region.Asia, 1_003_300),
    ];
}
