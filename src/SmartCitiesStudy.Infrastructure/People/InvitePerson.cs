using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>
/// Invites a person by e-mail into a role, resends an invitation (a new link; the old one stops working) or
/// withdraws one. The invitation, its e-mail (in the outbox) and the audit entry are stored in one transaction.
/// These use cases live next to Identity because they read and create its accounts.
/// </summary>
public sealed class InvitePerson(IDbContextFactory<StudyDbContext> dbFactory, IEmailOutbox outbox, PeopleOptions options, TimeProvider clock)
{
    /// <param name="acceptUrl">The absolute address of the accept page; the token is added as <c>?token=</c>.</param>
    public async Task<OperationResult> ExecuteAsync(InviteInput input, string acceptUrl, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can invite people.", "forbidden");
        }

        string email;
        try
        {
            email = Invitation.NormalizeEmail(input.Email);
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (problem, cityName) = await CheckRoleAsync(db, input.Role, input.CityId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var normalized = email.ToUpperInvariant();
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (account is not null)
        {
            return account.IsActive
                ? OperationResult.Refused($"{email} already has an account; change its role instead.", "person.exists")
                : OperationResult.Refused($"{email} has a deactivated account; reactivate it instead of inviting again.", "person.deactivated");
        }

        var now = clock.GetUtcNow();
        var open = await db.Invitations.Where(i => i.Email == email && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var previous in open)
        {
            previous.Revoke(now); // superseded by this invitation
        }

        await CreateAsync(db, email, input.Role, input.CityId, cityName, acceptUrl, user, open.Count > 0 ? "replaces an earlier invitation" : null, cancellationToken);
        return OperationResult.Done;
    }

    /// <summary>Sends a new link for an invitation not yet accepted; the old link stops working.</summary>
    public async Task<OperationResult> ResendAsync(int invitationId, string acceptUrl, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can resend invitations.", "forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null || invitation.AcceptedAt is not null)
        {
            return OperationResult.Refused(invitation is null ? "The invitation does not exist." : $"{invitation.Email} already accepted the invitation.", "invitation.not_open");
        }

        var (problem, cityName) = await CheckRoleAsync(db, invitation.Role, invitation.CityId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        invitation.Revoke(clock.GetUtcNow());
        await CreateAsync(db, invitation.Email, invitation.Role, invitation.CityId, cityName, acceptUrl, user, "resent: the earlier link no longer works", cancellationToken);
        return OperationResult.Done;
    }

    /// <summary>Withdraws an invitation: its link stops working.</summary>
    public async Task<OperationResult> RevokeAsync(int invitationId, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can withdraw invitations.", "forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null || invitation.AcceptedAt is not null)
        {
            return OperationResult.Refused(invitation is null ? "The invitation does not exist." : $"{invitation.Email} already accepted the invitation.", "invitation.not_open");
        }

        var now = clock.GetUtcNow();
        invitation.Revoke(now);
        db.Record(now, user, AuditActions.PersonInvited, "invitation", Id(invitation.Id), before: invitation.Email, after: "withdrawn");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Done;
    }

    internal static async Task<(OperationResult? Problem, string? CityName)> CheckRoleAsync(StudyDbContext db, string role, int? cityId, CancellationToken cancellationToken)
    {
        if (!StudyRoles.All.Contains(role))
        {
            return (OperationResult.Refused($"'{role}' is not a role; choose {string.Join(", ", StudyRoles.All)}.", "person.role"), null);
        }

        if (role != StudyRoles.CityOfficer)
        {
            return cityId is null ? (null, null) : (OperationResult.Refused("Only city officers belong to a city.", "person.city"), null);
        }

        if (cityId is null)
        {
            return (OperationResult.Refused("A city officer needs a city: choose one.", "person.city"), null);
        }

        var name = await db.Cities.Where(c => c.Id == cityId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        return name is null ? (OperationResult.Refused($"There is no city with id {cityId}.", "person.city"), null) : (null, name);
    }

    private async Task CreateAsync(StudyDbContext db, string email, string role, int? cityId, string? cityName, string acceptUrl, StudyUser user, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (token, hash) = InvitationToken.Create();
        var invitation = new Invitation(email, role, cityId, hash, now, options.InvitationValidFor, user.UserId);
        db.Invitations.Add(invitation);
        var link = acceptUrl + (acceptUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + token;
        outbox.Enqueue(db, InvitationEmail.Create(email, role, cityName, link, invitation.ExpiresAt));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(now, user, AuditActions.PersonInvited, "invitation", Id(invitation.Id), after: $"{email}: {RoleText.Describe(role, cityName)}", reason: reason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
