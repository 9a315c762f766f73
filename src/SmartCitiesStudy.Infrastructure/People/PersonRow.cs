namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>An account as the People page lists it.</summary>
public sealed record PersonRow(string Id, string DisplayName, string Email, string? Role, int? CityId, string? CityName, bool IsActive, DateTimeOffset CreatedAt);
