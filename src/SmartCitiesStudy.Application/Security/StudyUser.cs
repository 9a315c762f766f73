namespace SmartCitiesStudy.Application.Security;

/// <summary>
/// The person a use case acts for. Use cases check permissions against it themselves (the UI hiding a button is
/// not a check): an officer acts only for <see cref="CityId"/>.
/// </summary>
public sealed record StudyUser(string UserId, string DisplayName, int? CityId, IReadOnlySet<string> Roles)
{
    public bool IsSecretariat => Roles.Contains(StudyRoles.Secretariat);

    public bool IsReviewer => Roles.Contains(StudyRoles.Reviewer) || IsSecretariat;

    public bool IsOfficerOf(int cityId) => Roles.Contains(StudyRoles.CityOfficer) && CityId == cityId;

    /// <summary>For background work and the CLI: acts as the secretariat.</summary>
    public static StudyUser System { get; } = new("system", "System", null, new HashSet<string> { StudyRoles.Secretariat });
}
