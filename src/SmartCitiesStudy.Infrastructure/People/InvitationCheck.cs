namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>What the accept page shows before the person fills in the form.</summary>
public sealed record InvitationCheck(InvitationProblem Problem, string? Email, string? Role, string? CityName);
