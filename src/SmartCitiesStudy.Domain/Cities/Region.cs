namespace SmartCitiesStudy.Domain.Cities;

/// <summary>World region of a city. The names are the public codes used in exports and the API.</summary>
public enum Region
{
    Africa = 1,
    America = 2,
    Asia = 3,
    Europe = 4,
    Oceania = 5,
}
