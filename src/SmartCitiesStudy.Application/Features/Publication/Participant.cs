using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>
/// A city counted in an edition (its response is approved), with the population recorded for that edition; or, for
/// an edition shown as published (<see cref="AsPublished"/>), the city as its publication lists it: band and region
/// as printed, no population, no answers and no city page.
/// </summary>
public sealed record Participant(string Slug, string Name, string Country, Region Region, long? Population, PopulationBand? Band, bool AsPublished = false);
