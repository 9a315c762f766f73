using Microsoft.Extensions.Localization;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Web.Features.People;

/// <summary>Role names in the person's language.</summary>
public static class RoleLabels
{
    public static string Role(IStringLocalizer L, string? role) => role switch
    {
        StudyRoles.Secretariat => L["Secretariat"],
        StudyRoles.Reviewer => L["Reviewer"],
        StudyRoles.CityOfficer => L["City officer"],
        null => L["no role"],
        _ => role,
    };
}
