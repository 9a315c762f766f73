using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>A city and the published editions it is counted in (its response approved), newest first.</summary>
public sealed record CityParticipation(string Slug, string Name, string Country, Region Region, IReadOnlyList<EditionParticipation> Editions);

/// <summary>One published edition a city is counted in, with the population recorded for that edition.</summary>
public sealed record EditionParticipation(string EditionCode, string Title, string Theme, int Year, long? Population, PopulationBand? Band);
