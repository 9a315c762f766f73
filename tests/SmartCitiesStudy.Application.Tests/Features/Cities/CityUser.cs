using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Application.Tests.Features.Cities;

internal static class CityUser
{
    public static StudyUser Secretariat { get; } = new("sec-1", "Sara Secretariat", null, new HashSet<string> { StudyRoles.Secretariat });

    public static StudyUser Reviewer { get; } = new("rev-1", "Rui Reviewer", null, new HashSet<string> { StudyRoles.Reviewer });
}
