namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>Filters for the People page; null means any.</summary>
public sealed record PeopleFilter(string? Search = null, string? Role = null, int? CityId = null, bool? Active = null);
