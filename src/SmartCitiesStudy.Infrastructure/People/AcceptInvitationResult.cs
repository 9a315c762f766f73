using Microsoft.AspNetCore.Identity;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>The account created from an invitation, or why none was (a refused link, or password rules).</summary>
public sealed record AcceptInvitationResult(InvitationProblem Problem, string? UserId, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => Problem == InvitationProblem.None && Errors.Count == 0 && UserId is not null;
}
