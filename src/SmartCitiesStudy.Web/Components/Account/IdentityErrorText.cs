using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace SmartCitiesStudy.Web.Components.Account;

/// <summary>Identity's errors in the person's language, for the codes people meet; others keep Identity's text.</summary>
internal static class IdentityErrorText
{
    public static string Describe(IStringLocalizer localizer, IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => localizer["The current password is not right."],
        nameof(IdentityErrorDescriber.InvalidToken) => localizer["This link has expired or was already used. Ask for a new one."],
        nameof(IdentityErrorDescriber.PasswordTooShort) => localizer["The new password must have at least 10 characters."],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => localizer["The new password needs more different characters."],
        _ => error.Description,
    };
}
