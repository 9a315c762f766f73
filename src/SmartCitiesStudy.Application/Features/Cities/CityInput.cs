using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// A city as the add/edit dialog sends it. <see cref="Id"/> is null for a new city; <see cref="ExpectedVersion"/> is
/// the version the dialog loaded, so a change made meanwhile by someone else is refused rather than overwritten.
/// </summary>
public sealed record CityInput(int? Id, string Name, string Country, Region Region, string? Slug, int ExpectedVersion = 0);
