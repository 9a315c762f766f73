namespace SmartCitiesStudy.Application.Security;

/// <summary>The portal's roles. Names are stored in the database: do not rename.</summary>
public static class StudyRoles
{
    /// <summary>Runs the study: editions, cities, people, review, publishing.</summary>
    public const string Secretariat = "Secretariat";

    /// <summary>Reviews submitted responses, comments, returns and approves.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>Fills in the questionnaire for the one city they belong to.</summary>
    public const string CityOfficer = "CityOfficer";

    public static IReadOnlyList<string> All { get; } = [Secretariat, Reviewer, CityOfficer];

    /// <summary>Comma-separated, for <c>[Authorize(Roles = …)]</c>: whoever may review.</summary>
    public const string ReviewersAndSecretariat = Reviewer + "," + Secretariat;
}
