using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Web.Security;

/// <summary>Turns the signed-in person's claims into the <see cref="StudyUser"/> use cases check permissions against.</summary>
public static class StudyUserClaims
{
    /// <returns>Null for an anonymous visitor.</returns>
    public static StudyUser? ToStudyUser(this ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || id is null)
        {
            return null;
        }

        var cityId = int.TryParse(principal.FindFirstValue(StudyClaimTypes.CityId), NumberStyles.None, CultureInfo.InvariantCulture, out var city) ? city : (int?)null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var name = principal.FindFirstValue(StudyClaimTypes.DisplayName) ?? principal.Identity.Name ?? id;
        return new StudyUser(id, name, cityId, roles);
    }

    /// <summary>The user of a component; throws for anonymous visitors (pages that need a user require sign-in).</summary>
    public static async Task<StudyUser> StudyUserAsync(this Task<AuthenticationState> state) =>
        (await state).User.ToStudyUser() ?? throw new InvalidOperationException("This page needs a signed-in user.");
}
