using Microsoft.AspNetCore.Identity;

namespace SmartCitiesStudy.Infrastructure.Identity;

/// <summary>
/// Identity asks this before every sign-in (RequireConfirmedAccount is on): an account may sign in only while it is
/// active and its address has been confirmed (by accepting an invitation or by the secretariat).
/// </summary>
public sealed class ActiveAccountConfirmation : IUserConfirmation<ApplicationUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(user.IsActive && user.EmailConfirmed);
}
