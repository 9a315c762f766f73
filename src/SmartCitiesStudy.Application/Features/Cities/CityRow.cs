using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>A city as the registry lists it, with its population for the chosen edition (if recorded).</summary>
public sealed record CityRow(int Id, string Name, string Country, Region Region, string Slug, int Version, long? Population, PopulationBand? Band);
