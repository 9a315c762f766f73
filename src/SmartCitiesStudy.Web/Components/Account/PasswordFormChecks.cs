using Microsoft.Extensions.Localization;

namespace SmartCitiesStudy.Web.Components.Account;

/// <summary>The checks a new-password form makes before asking Identity, with localised messages.</summary>
internal static class PasswordFormChecks
{
    public static List<string> Check(IStringLocalizer localizer, string? email, string? password, string? confirmation)
    {
        var errors = new List<string>();
        if (email is not null && string.IsNullOrWhiteSpace(email))
        {
            errors.Add(localizer["Enter your e-mail address."]);
        }

        if (string.IsNullOrEmpty(password) || password.Length < 10)
        {
            errors.Add(localizer["The new password must have at least 10 characters."]);
        }
        else if (password.Length > 200)
        {
            errors.Add(localizer["The new password must have at most 200 characters."]);
        }

        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            errors.Add(localizer["The two passwords are not the same."]);
        }

        return errors;
    }
}
