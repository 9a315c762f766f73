using Microsoft.Extensions.Localization;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Web.Features.Cities;

/// <summary>Regions and population bands in the person's language.</summary>
public static class CityLabels
{
    public static string Region(IStringLocalizer L, Region region) => region switch
    {
        Domain.Cities.Region.Africa => L["Africa"],
        Domain.Cities.Region.America => L["America"],
        Domain.Cities.Region.Asia => L["Asia"],
        Domain.Cities.Region.Europe => L["Europe"],
        Domain.Cities.Region.Oceania => L["Oceania"],
        _ => region.ToString(),
    };

    public static string Band(IStringLocalizer L, PopulationBand? band) => band switch
    {
        PopulationBand.Under50K => L["under 50,000"],
        PopulationBand.From50KTo100K => L["50,000 to 100,000"],
        PopulationBand.From100KTo1M => L["100,000 to 1 million"],
        PopulationBand.Over1M => L["over 1 million"],
        _ => L["unknown"],
    };
}
