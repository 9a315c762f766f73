using Microsoft.AspNetCore.Identity;

namespace SmartCitiesStudy.Infrastructure.Identity;

/// <summary>Password, lockout and user rules shared by the web app and the CLI.</summary>
public static class IdentityOptionsSetup
{
    public static void Apply(IdentityOptions options)
    {
        // NIST SP 800-63B: length matters more than character classes.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

        options.User.RequireUniqueEmail = true;
        // "Confirmed" means active with a confirmed address: see ActiveAccountConfirmation. Deactivated people cannot sign in.
        options.SignIn.RequireConfirmedAccount = true;
    }
}
