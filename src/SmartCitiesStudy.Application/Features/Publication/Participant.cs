using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>A city counted in an edition (its response is approved), with the population recorded for that edition.</summary>
public sealed record Participant(string Slug, string Name, string Country, Region Region, long? Population, PopulationBand? Band);
