using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>
/// Turns an invitation link into an account: a new, confirmed account with the invited role (and city), in one
/// transaction with marking the invitation used. Refused, with no account change, when the link is unknown,
/// expired, used or withdrawn, or when the address belongs to a deactivated account: reactivating is the
/// secretariat's decision, not a side effect of an old link.
/// </summary>
public sealed class AcceptInvitation(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<InvitationCheck> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        var invitation = await FindAsync(db, token, cancellationToken);
        if (invitation is null)
        {
            return new InvitationCheck(InvitationProblem.NotFound, null, null, null);
        }

        var cityName = invitation.CityId is { } cityId ? await db.Cities.Where(c => c.Id == cityId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        return new InvitationCheck(await ProblemAsync(db, invitation, cancellationToken), invitation.Email, invitation.Role, cityName);
    }

    public async Task<AcceptInvitationResult> ExecuteAsync(string? token, string displayName, string password, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var invitation = await FindAsync(db, token, cancellationToken);
        if (invitation is null)
        {
            return new AcceptInvitationResult(InvitationProblem.NotFound, null, []);
        }

        var problem = await ProblemAsync(db, invitation, cancellationToken);
        if (problem != InvitationProblem.None)
        {
            return new AcceptInvitationResult(problem, null, []);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claim the invitation first: of two simultaneous acceptances only one updates the row.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return new AcceptInvitationResult(InvitationProblem.Used, null, []);
        }

        var user = new ApplicationUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            CityId = invitation.Role == StudyRoles.CityOfficer ? invitation.CityId : null,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AcceptInvitationResult(InvitationProblem.None, null, [.. created.Errors]);
        }

        var role = await users.AddToRoleAsync(user, invitation.Role);
        if (!role.Succeeded)
        {
            return new AcceptInvitationResult(InvitationProblem.None, null, [.. role.Errors]);
        }

        await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUserId, user.Id), cancellationToken);
        var cityName = user.CityId is { } cityId ? await db.Cities.Where(c => c.Id == cityId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var actor = new StudyUser(user.Id, user.DisplayName, user.CityId, new HashSet<string> { invitation.Role });
        db.Record(now, actor, AuditActions.PersonActivated, "user", user.Id, after: $"{user.Email}: {RoleText.Describe(invitation.Role, cityName)}", reason: "invitation accepted");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AcceptInvitationResult(InvitationProblem.None, user.Id, []);
    }

    private static Task<Invitation?> FindAsync(StudyDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return Task.FromResult<Invitation?>(null);
        }

        var hash = InvitationToken.Hash(token.Trim());
        return db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    private async Task<InvitationProblem> ProblemAsync(StudyDbContext db, Invitation invitation, CancellationToken cancellationToken)
    {
        var state = invitation.StateAt(clock.GetUtcNow());
        if (state != InvitationState.Pending)
        {
            return state switch
            {
                InvitationState.Used => InvitationProblem.Used,
                InvitationState.Revoked => InvitationProblem.Revoked,
                _ => InvitationProblem.Expired,
            };
        }

        var normalized = invitation.Email.ToUpperInvariant();
        var active = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (bool?)u.IsActive).FirstOrDefaultAsync(cancellationToken);
        return active switch
        {
            null => InvitationProblem.None,
            true => InvitationProblem.AccountExists,
            false => InvitationProblem.AccountDeactivated,
        };
    }
}
