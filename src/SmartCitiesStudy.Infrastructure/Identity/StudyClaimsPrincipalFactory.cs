using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Infrastructure.Identity;

/// <summary>Adds the person's display name and, for city officers, their city to the sign-in cookie.</summary>
public sealed class StudyClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StudyClaimTypes.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        if (user.CityId is { } cityId)
        {
            identity.AddClaim(new Claim(StudyClaimTypes.CityId, cityId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
