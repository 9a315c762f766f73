using Microsoft.Extensions.Localization;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Web.Features.Cities;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>How the indicators page breaks figures down: by world region (the default) or by population band.</summary>
public enum Breakdown
{
    Region,
    Band,
}

public static class Breakdowns
{
    /// <summary>The <c>?breakdown=</c> value: <c>band</c> or anything else for region.</summary>
    public static Breakdown Parse(string? value) =>
        string.Equals(value, "band", StringComparison.OrdinalIgnoreCase) ? Breakdown.Band : Breakdown.Region;

    public static string Query(this Breakdown breakdown) => breakdown == Breakdown.Band ? "band" : "region";

    public static IReadOnlyList<GroupShare> Groups(this ShareIndicator indicator, Breakdown breakdown) =>
        breakdown == Breakdown.Band ? indicator.ByPopulationBand : indicator.ByRegion;

    /// <summary>A group of the indicator document (region name or band code) in the reader's language.</summary>
    public static string GroupLabel(IStringLocalizer L, Breakdown breakdown, string group) => breakdown switch
    {
        Breakdown.Band when PopulationBands.TryParse(group, out var band) => CityLabels.Band(L, band),
        Breakdown.Region when Enum.TryParse<Region>(group, out var region) => CityLabels.Region(L, region),
        _ => group,
    };
}
