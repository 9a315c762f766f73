using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>How a city is written in the audit trail ("Bilbao, Spain (Europe) [bilbao]") and matched in imports.</summary>
internal static class CityText
{
    public static string Describe(City city) => $"{city.Name}, {city.Country} ({city.Region}) [{city.Slug}]";

    /// <summary>The key imports match a city by: name and country, trimmed, ignoring case.</summary>
    public static string Key(string name, string country) =>
        name.Trim().ToUpperInvariant() + "\u0001" + country.Trim().ToUpperInvariant();

    /// <summary>Reads a region name as imports write it ("Europe", "europe"); numbers are not regions.</summary>
    public static bool TryParseRegion(string text, out Region region)
    {
        region = default;
        return text.Length > 0 && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out region) && Enum.IsDefined(region);
    }
}
