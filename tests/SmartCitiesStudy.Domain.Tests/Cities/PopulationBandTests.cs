using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Tests.Cities;

public sealed class PopulationBandTests
{
    [Theory]
    [InlineData(0, "under-50k")]
    [InlineData(49_999, "under-50k")]
    [InlineData(50_000, "50k-100k")]
    [InlineData(99_999, "50k-100k")]
    [InlineData(100_000, "100k-1m")]
    [InlineData(999_999, "100k-1m")]
    [InlineData(1_000_000, "over-1m")]
    [InlineData(12_380_700, "over-1m")]
    public void Lower_bounds_are_inclusive(long population, string expectedBand) =>
        Assert.Equal(expectedBand, PopulationBands.For(population).Code());

    [Fact]
    public void A_negative_population_is_refused_with_the_figure_in_the_message()
    {
        var ex = Assert.Throws<DomainRuleException>(() => PopulationBands.For(-1));
        Assert.Contains("-1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("under-50k", PopulationBand.Under50K)]
    [InlineData("50K-100K", PopulationBand.From50KTo100K)]
    [InlineData(" 100k-1m ", PopulationBand.From100KTo1M)]
    [InlineData("over-1m", PopulationBand.Over1M)]
    public void Band_codes_parse_back(string code, PopulationBand expected)
    {
        Assert.True(PopulationBands.TryParse(code, out var band));
        Assert.Equal(expected, band);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1m+")]
    public void Unknown_band_codes_do_not_parse(string? code) =>
        Assert.False(PopulationBands.TryParse(code, out _));

    [Fact]
    public void A_recorded_population_knows_its_band_and_rejects_absurd_values()
    {
        var population = new CityPopulation(cityId: 1, editionId: 1, population: 50_000);
        Assert.Equal(PopulationBand.From50KTo100K, population.Band);
        Assert.Throws<DomainRuleException>(() => population.SetPopulation(200_000_000));
    }
}
