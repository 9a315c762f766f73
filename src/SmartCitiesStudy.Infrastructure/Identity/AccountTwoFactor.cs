using Microsoft.AspNetCore.Identity;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.Identity;

/// <summary>
/// Turns a person's own authenticator-app sign-in on and off (audited), and renews their recovery codes. Each change
/// is saved together with its audit entry; Identity renews the security stamp, so other open sessions sign in again.
/// Scoped: it works on the request's Identity context, so the caller's <see cref="ApplicationUser"/> stays current
/// for refreshing the sign-in cookie.
/// </summary>
public sealed class AccountTwoFactor(UserManager<ApplicationUser> users, StudyDbContext db, TimeProvider clock)
{
    /// <summary>How many recovery codes a person gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// Checks <paramref name="code"/> against the person's authenticator key and, if right, turns two-factor sign-in
    /// on. Returns null for a wrong code; otherwise the new recovery codes (empty when the person still has some).
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser person, StudyUser user, string code)
    {
        var valid = await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            return null;
        }

        if (!person.TwoFactorEnabled)
        {
            db.Record(clock.GetUtcNow(), user, AuditActions.TwoFactorEnabled, "user", person.Id, before: "off", after: "on", reason: person.Email);
        }

        Check(await users.SetTwoFactorEnabledAsync(person, true)); // saves the change and the audit entry together
        return await users.CountRecoveryCodesAsync(person) == 0
            ? [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(person, RecoveryCodeCount) ?? []]
            : [];
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator key, so the next set-up shows a new one.</summary>
    public async Task ResetAsync(ApplicationUser person, StudyUser user)
    {
        if (person.TwoFactorEnabled)
        {
            db.Record(clock.GetUtcNow(), user, AuditActions.TwoFactorDisabled, "user", person.Id, before: "on", after: "off", reason: person.Email);
            Check(await users.SetTwoFactorEnabledAsync(person, false));
        }

        Check(await users.ResetAuthenticatorKeyAsync(person));
    }

    /// <summary>Replaces the person's recovery codes with new ones (the old ones stop working); null if two-factor is off.</summary>
    public async Task<IReadOnlyList<string>?> RenewRecoveryCodesAsync(ApplicationUser person, StudyUser user)
    {
        if (!person.TwoFactorEnabled)
        {
            return null;
        }

        db.Record(clock.GetUtcNow(), user, AuditActions.RecoveryCodesRenewed, "user", person.Id, reason: person.Email);
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(person, RecoveryCodeCount) ?? []];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
