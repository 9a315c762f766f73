using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>Active city officers (per city) and secretariat accounts, from the Identity tables.</summary>
internal sealed class CityOfficerDirectory(IDbContextFactory<StudyDbContext> dbFactory) : ICityOfficerDirectory, ISecretariatDirectory
{
    public async Task<IReadOnlyList<CityOfficerContact>> ActiveSecretariatAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roleId = await db.Roles.Where(r => r.Name == StudyRoles.Secretariat).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.Email)
            .Select(u => new CityOfficerContact(u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, int>> CountActiveOfficersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var officerRoleId = await db.Roles.Where(r => r.Name == StudyRoles.CityOfficer).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.CityId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officerRoleId))
            .GroupBy(u => u.CityId!.Value)
            .Select(g => new { CityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CityId, g => g.Count, cancellationToken);
    }

    public async Task<IReadOnlyList<CityOfficerContact>> ActiveOfficersAsync(int cityId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var officerRoleId = await db.Roles.Where(r => r.Name == StudyRoles.CityOfficer).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.CityId == cityId && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officerRoleId))
            .OrderBy(u => u.Email)
            .Select(u => new CityOfficerContact(u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);
    }
}
