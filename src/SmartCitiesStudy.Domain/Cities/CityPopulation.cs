using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Cities;

/// <summary>
/// A city's population as recorded for one edition. The study's breakdowns use the band of this figure, so a city
/// can move band from one edition to the next.
/// </summary>
public sealed class CityPopulation
{
    private CityPopulation()
    {
    }

    public CityPopulation(int cityId, int editionId, long population)
    {
        CityId = cityId;
        EditionId = editionId;
        SetPopulation(population);
    }

    public int CityId { get; private set; }

    public int EditionId { get; private set; }

    public long Population { get; private set; }

    public PopulationBand Band => PopulationBands.For(Population);

    public void SetPopulation(long population) =>
        Population = population is >= 0 and <= 100_000_000
            ? population
            : throw new DomainRuleException("population.range", $"Population {population} must be between 0 and 100,000,000.");
}
