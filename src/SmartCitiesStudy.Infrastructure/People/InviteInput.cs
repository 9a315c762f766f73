namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>Whom to invite, into which role; <see cref="CityId"/> only (and always) for city officers.</summary>
public sealed record InviteInput(string Email, string Role, int? CityId);
