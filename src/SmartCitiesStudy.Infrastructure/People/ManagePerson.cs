using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>
/// Deactivates, reactivates and changes the role of an account (audited). The security stamp is renewed each time,
/// so the person's open sessions end or pick up the new role. Nobody can deactivate themselves, and the last active
/// secretariat account can neither be deactivated nor lose its role: the check and the change happen under one lock
/// across instances (<see cref="SecretariatGuardKey"/>), so two secretariat members deactivating each other at the same
/// moment cannot both pass it.
/// </summary>
public sealed class ManagePerson(IServiceScopeFactory scopes, IDistributedLock guard, TimeProvider clock)
{
    /// <summary>The lock held while a change that could leave no active secretariat account is checked and saved.</summary>
    public const string SecretariatGuardKey = "people.last-secretariat";

    public async Task<OperationResult> SetActiveAsync(string userId, bool active, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can activate or deactivate people.", "forbidden");
        }

        if (!active && userId == user.UserId)
        {
            return OperationResult.Refused("You cannot deactivate your own account.", "person.self");
        }

        await using var held = await guard.AcquireAsync(SecretariatGuardKey, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var person = await users.FindByIdAsync(userId);
        if (person is null)
        {
            return OperationResult.Refused("The account does not exist.", "person.not_found");
        }

        if (person.IsActive == active)
        {
            return OperationResult.Done;
        }

        if (!active && await IsLastActiveSecretariatAsync(users, person))
        {
            return OperationResult.Refused($"{person.DisplayName} is the last active secretariat account: make someone else secretariat first.", "person.last_secretariat");
        }

        person.IsActive = active;
        db.Record(clock.GetUtcNow(), user, active ? AuditActions.PersonActivated : AuditActions.PersonDeactivated, "user", person.Id, before: Describe(!active), after: Describe(active), reason: person.Email);
        var result = await users.UpdateSecurityStampAsync(person); // saves the change and the audit entry together
        return result.Succeeded ? OperationResult.Done : OperationResult.Refused(string.Join(" ", result.Errors.Select(e => e.Description)), "person.update_failed");
    }

    public async Task<OperationResult> ChangeRoleAsync(string userId, string role, int? cityId, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can change roles.", "forbidden");
        }

        await using var held = await guard.AcquireAsync(SecretariatGuardKey, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var person = await users.FindByIdAsync(userId);
        if (person is null)
        {
            return OperationResult.Refused("The account does not exist.", "person.not_found");
        }

        var (problem, cityName) = await InvitePerson.CheckRoleAsync(db, role, cityId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var current = await users.GetRolesAsync(person);
        var oldCity = person.CityId is { } old ? await db.Cities.Where(c => c.Id == old).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var before = string.Join(", ", current.Order(StringComparer.Ordinal).Select(r => RoleText.Describe(r, oldCity)));
        var after = RoleText.Describe(role, cityName);
        if (before == after)
        {
            return OperationResult.Done;
        }

        if (current.Contains(StudyRoles.Secretariat) && role != StudyRoles.Secretariat && await IsLastActiveSecretariatAsync(users, person))
        {
            return OperationResult.Refused($"{person.DisplayName} is the last active secretariat account: make someone else secretariat first.", "person.last_secretariat");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemoveFromRolesAsync(person, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(person, role) : removed;
        if (!added.Succeeded)
        {
            return OperationResult.Refused(string.Join(" ", added.Errors.Select(e => e.Description)), "person.update_failed");
        }

        person.CityId = role == StudyRoles.CityOfficer ? cityId : null;
        db.Record(clock.GetUtcNow(), user, AuditActions.RoleChanged, "user", person.Id, before: before, after: after, reason: person.Email);
        var saved = await users.UpdateSecurityStampAsync(person);
        if (!saved.Succeeded)
        {
            return OperationResult.Refused(string.Join(" ", saved.Errors.Select(e => e.Description)), "person.update_failed");
        }

        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Done;
    }

    private static async Task<bool> IsLastActiveSecretariatAsync(UserManager<ApplicationUser> users, ApplicationUser person)
    {
        if (!person.IsActive || !await users.IsInRoleAsync(person, StudyRoles.Secretariat))
        {
            return false;
        }

        var secretariat = await users.GetUsersInRoleAsync(StudyRoles.Secretariat);
        return !secretariat.Any(u => u.IsActive && u.Id != person.Id);
    }

    private static string Describe(bool active) => active ? "active" : "deactivated";
}
