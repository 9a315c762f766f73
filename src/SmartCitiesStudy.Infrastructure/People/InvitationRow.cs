using SmartCitiesStudy.Domain.People;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>An invitation not yet accepted (pending, expired or withdrawn), as the People page lists it.</summary>
public sealed record InvitationRow(int Id, string Email, string Role, int? CityId, string? CityName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationState State);
