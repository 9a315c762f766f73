namespace SmartCitiesStudy.Application.Security;

/// <summary>Claims the portal adds to a signed-in user's identity.</summary>
public static class StudyClaimTypes
{
    /// <summary>The id of the city a city officer belongs to.</summary>
    public const string CityId = "scs:city_id";

    /// <summary>The person's display name.</summary>
    public const string DisplayName = "scs:display_name";
}
