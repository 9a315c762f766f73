using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// Filters for the cities registry. <see cref="Search"/> matches name or country; <see cref="Band"/> needs
/// <see cref="EditionCode"/>, whose recorded populations decide the band.
/// </summary>
public sealed record CityQuery(string? Search = null, Region? Region = null, string? EditionCode = null, PopulationBand? Band = null);
