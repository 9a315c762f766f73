using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Tests.Cities;

public sealed class CityTests
{
    [Theory]
    [InlineData("São Paulo", "sao-paulo")]
    [InlineData("Liège", "liege")]
    [InlineData("Medellín", "medellin")]
    [InlineData("San Miguel de Ibarra", "san-miguel-de-ibarra")]
    [InlineData("  Rio  de   Janeiro ", "rio-de-janeiro")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Tromsø", "tromso")]
    [InlineData("Gießen", "giessen")]
    public void Slugs_are_ascii_lower_case_with_single_dashes(string name, string expected) =>
        Assert.Equal(expected, City.Slugify(name));

    [Fact]
    public void A_city_gets_its_slug_from_its_name_unless_one_is_given()
    {
        Assert.Equal("liege", new City("Liège", "Belgium", Region.Europe).Slug);
        Assert.Equal("liege-be", new City("Liège", "Belgium", Region.Europe, "liege-be").Slug);
    }

    [Fact]
    public void Names_keep_their_accents()
    {
        var city = new City(" São Paulo ", "Brazil", Region.America);
        Assert.Equal("São Paulo", city.Name);
    }

    [Fact]
    public void An_unknown_region_is_refused_naming_the_allowed_ones()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new City("Atlantis", "Nowhere", (Region)42));
        Assert.Contains("Oceania", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Spain")]
    [InlineData("Bilbao", " ")]
    public void Name_and_country_are_required(string name, string country) =>
        Assert.Throws<DomainRuleException>(() => new City(name, country, Region.Europe));

    [Fact]
    public void A_bad_slug_is_refused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => new City("Bilbao", "Spain", Region.Europe, "Bilbao City"));
        Assert.Equal("city.slug", ex.Code);
    }
}
