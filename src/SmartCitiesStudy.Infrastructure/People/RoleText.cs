using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Infrastructure.People;

/// <summary>A role as the audit trail and e-mails write it: "Reviewer", "CityOfficer of Bilbao".</summary>
internal static class RoleText
{
    public static string Describe(string role, string? cityName) =>
        role == StudyRoles.CityOfficer && cityName is not null ? $"{role} of {cityName}" : role;
}
