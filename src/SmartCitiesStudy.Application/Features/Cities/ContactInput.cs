namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>A city's focal point as the contacts dialog and the cities CSV carry it.</summary>
public sealed record ContactInput(string Name, string Email, string Language, string? Role);

/// <summary>
/// A city's UCLG membership, regional section and contacts, as the secretariat edits them. <see cref="ExpectedVersion"/>
/// is the city's version when loaded: a change made meanwhile is refused, not overwritten.
/// </summary>
public sealed record CityContactsInput(int CityId, bool UclgMember, string? RegionalSection, IReadOnlyList<ContactInput> Contacts, int ExpectedVersion);
