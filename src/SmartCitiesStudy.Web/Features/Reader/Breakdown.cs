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

    /// <summary>The option's groups under this breakdown (null for figures as published).</summary>
    public static IReadOnlyList<GroupShare>? Groups(this OptionShare option, Breakdown breakdown) =>
        breakdown == Breakdown.Band ? option.ByPopulationBand : option.ByRegion;

    /// <summary>The groups that occur in any of the lists, in the study's order (regions A–Z, bands smallest first).</summary>
    public static IReadOnlyList<string> Union(Breakdown breakdown, IEnumerable<IReadOnlyList<GroupShare>?> lists) =>
    [
        .. lists.SelectMany(l => l ?? []).Select(g => g.Group).Distinct(StringComparer.Ordinal)
            .OrderBy(g => Order(breakdown, g)),
    ];

    private static int Order(Breakdown breakdown, string group)
    {
        if (breakdown == Breakdown.Band && PopulationBands.TryParse(group, out var band) && band is { } known)
        {
            return PopulationBands.All.TakeWhile(b => b != known).Count();
        }

        return breakdown == Breakdown.Region && Enum.TryParse<Region>(group, out var region)
            ? Enum.GetNames<Region>().Count(n => string.CompareOrdinal(n, region.ToString()) < 0)
            : int.MaxValue;
    }

    /// <summary>A group of the indicator document (region name or band code) in the reader's language.</summary>
    public static string GroupLabel(IStringLocalizer L, Breakdown breakdown, string group) => breakdown switch
    {
        Breakdown.Band when PopulationBands.TryParse(group, out var band) => CityLabels.Band(L, band),
        Breakdown.Region when Enum.TryParse<Region>(group, out var region) => CityLabels.Region(L, region),
        _ => group,
    };
}

/// <summary>A row of <see cref="BreakdownTable"/>: its label and one cell per column.</summary>
public sealed record BreakdownRow(string Label, IReadOnlyList<GroupShare?> Cells);
