using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>How a city is written in the audit trail: "Bilbao, Spain (Europe) [bilbao]".</summary>
internal static class CityText
{
    public static string Describe(City city) => $"{city.Name}, {city.Country} ({city.Region}) [{city.Slug}]";
}
