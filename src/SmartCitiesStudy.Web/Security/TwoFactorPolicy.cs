using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Infrastructure.Identity;

namespace SmartCitiesStudy.Web.Security;

/// <summary>
/// <c>Security:RequireTwoFactorForStaff</c>: reviewers and the secretariat see every city's answers, so (outside
/// Development by default) they must sign in with a code from an authenticator app. Officers may choose to (ADR 0031).
/// </summary>
public sealed class TwoFactorPolicy(bool requireForStaff)
{
    public const string SettingName = "Security:RequireTwoFactorForStaff";

    /// <summary>Where a staff member without two-factor sign-in is sent.</summary>
    public const string SetUpPath = "/Account/Manage/EnableAuthenticator";

    public bool RequireForStaff { get; } = requireForStaff;

    public static TwoFactorPolicy FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetValue<bool?>(SettingName) ?? !environment.IsDevelopment());

    /// <summary>Whether this signed-in person must have two-factor sign-in.</summary>
    public bool AppliesTo(ClaimsPrincipal principal) =>
        RequireForStaff && principal.Identity?.IsAuthenticated == true
        && (principal.IsInRole(StudyRoles.Secretariat) || principal.IsInRole(StudyRoles.Reviewer));
}

/// <summary>
/// Sends a staff member without two-factor sign-in from any portal request to its set-up page. Only <c>/portal</c> is
/// guarded: the account pages, sign-out, the Blazor hub and static files stay reachable; the portal's interactive pages
/// all start with a request for a <c>/portal</c> address, so no circuit exists before the check.
/// </summary>
public static class TwoFactorRequirement
{
    public static IApplicationBuilder UseStaffTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var policy = context.RequestServices.GetRequiredService<TwoFactorPolicy>();
            if (context.Request.Path.StartsWithSegments("/portal", StringComparison.OrdinalIgnoreCase) && policy.AppliesTo(context.User))
            {
                // The database, not a claim: turning two-factor off elsewhere takes effect at once.
                var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
                var user = await users.GetUserAsync(context.User);
                if (user is not null && !user.TwoFactorEnabled)
                {
                    context.Response.Redirect(TwoFactorPolicy.SetUpPath);
                    return;
                }
            }

            await next(context);
        });
}
