using System.Globalization;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// One row of the package's <c>indicators</c> resource: a figure, one of its options, one breakdown group.
/// <see cref="All"/> fills <c>option</c>, <c>group_by</c> and <c>group</c> where there is no option or breakdown, so
/// the four key columns are never empty (a Table Schema primary key may not be null).
/// </summary>
public sealed record IndicatorRow(
    string Edition,
    string Id,
    string Kind,
    string Option,
    string GroupBy,
    string Group,
    int? Numerator,
    int? Denominator,
    decimal? Percent,
    decimal? Mean,
    decimal? Median)
{
    public const string All = "all";

    public static IReadOnlyList<string> Columns { get; } =
        ["edition", "id", "kind", "option", "group_by", "group", "numerator", "denominator", "percent", "mean", "median"];

    public IReadOnlyList<string?> Cells() =>
    [
        Edition, Id, Kind, Option, GroupBy, Group,
        Numerator?.ToString(CultureInfo.InvariantCulture),
        Denominator?.ToString(CultureInfo.InvariantCulture),
        Format(Percent), Format(Mean), Format(Median),
    ];

    private static string? Format(decimal? value) => value is { } v ? IndicatorJson.Format(v) : null;
}

/// <summary>
/// Flattens an <see cref="IndicatorDocument"/> (the API's JSON) into <see cref="IndicatorRow"/>s: a share gives its
/// overall row then one per region and population band; a choice one row per option (with the choice's denominator)
/// then that option's breakdowns; a mean one row whose denominator is its n.
/// </summary>
public static class IndicatorRows
{
    public const string ByRegion = "region";
    public const string ByPopulationBand = "population_band";

    public static IEnumerable<IndicatorRow> From(IndicatorDocument document)
    {
        foreach (var indicator in document.Indicators)
        {
            var rows = new List<IndicatorRow>();
            var kind = indicator.KindCode;
            indicator.Switch(
                share =>
                {
                    var row = new IndicatorRow(document.Edition, share.Id, kind, IndicatorRow.All, IndicatorRow.All, IndicatorRow.All, share.Numerator, share.Denominator, share.Percent, null, null);
                    rows.Add(row);
                    rows.AddRange(Groups(row, share.ByRegion, share.ByPopulationBand));
                },
                choice =>
                {
                    foreach (var option in choice.Options)
                    {
                        var row = new IndicatorRow(document.Edition, choice.Id, kind, option.Code, IndicatorRow.All, IndicatorRow.All, option.Numerator, choice.Denominator, option.Percent, null, null);
                        rows.Add(row);
                        rows.AddRange(Groups(row, option.ByRegion ?? [], option.ByPopulationBand ?? []));
                    }
                },
                mean => rows.Add(new IndicatorRow(document.Edition, mean.Id, kind, IndicatorRow.All, IndicatorRow.All, IndicatorRow.All, null, mean.N, null, mean.Mean, mean.Median)));
            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<IndicatorRow> Groups(IndicatorRow overall, IReadOnlyList<GroupShare> byRegion, IReadOnlyList<GroupShare> byBand) =>
        byRegion.Select(g => overall with { GroupBy = ByRegion, Group = g.Group, Numerator = g.Numerator, Denominator = g.Denominator, Percent = g.Percent })
            .Concat(byBand.Select(g => overall with { GroupBy = ByPopulationBand, Group = g.Group, Numerator = g.Numerator, Denominator = g.Denominator, Percent = g.Percent }));
}
