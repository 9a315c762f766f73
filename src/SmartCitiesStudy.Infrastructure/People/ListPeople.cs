using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>Lists accounts (with role and city) and invitations not yet accepted. Secretariat only.</summary>
public sealed class ListPeople(IDbContextFactory<StudyDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PeopleList> ExecuteAsync(PeopleFilter filter, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return new PeopleList([], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).First());
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.CityId, u.IsActive, u.CreatedAt })
            .ToListAsync(cancellationToken);

        var search = (filter.Search ?? string.Empty).Trim();
        var people = users
            .Select(u => new PersonRow(u.Id, u.DisplayName, u.Email ?? string.Empty, roleOf.GetValueOrDefault(u.Id), u.CityId, u.CityId is { } c ? cities.GetValueOrDefault(c) : null, u.IsActive, u.CreatedAt))
            .Where(p => search.Length == 0 || p.DisplayName.Contains(search, StringComparison.CurrentCultureIgnoreCase) || p.Email.Contains(search, StringComparison.OrdinalIgnoreCase) || (p.CityName?.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .Where(p => filter.Role is null || p.Role == filter.Role)
            .Where(p => filter.CityId is null || p.CityId == filter.CityId)
            .Where(p => filter.Active is null || p.IsActive == filter.Active)
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var now = clock.GetUtcNow();
        var invitations = (await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null).OrderByDescending(i => i.Id).Take(500).ToListAsync(cancellationToken))
            .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.CityId, i.CityId is { } c ? cities.GetValueOrDefault(c) : null, i.CreatedAt, i.ExpiresAt, i.StateAt(now)))
            .Where(i => i.State != InvitationState.Revoked)
            .Where(i => search.Length == 0 || i.Email.Contains(search, StringComparison.OrdinalIgnoreCase) || (i.CityName?.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .Where(i => filter.Role is null || i.Role == filter.Role)
            .Where(i => filter.CityId is null || i.CityId == filter.CityId)
            .Where(i => filter.Active is not false)
            .ToList();
        return new PeopleList(people, invitations);
    }
}
