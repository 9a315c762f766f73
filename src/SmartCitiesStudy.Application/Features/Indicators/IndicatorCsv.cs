using System.Globalization;
using System.Text;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// An <see cref="IndicatorDocument"/> as CSV (RFC 4180, invariant culture): one row per indicator, then one per
/// option (choice, each followed by its region and population band rows) or per region and population band (share).
/// Columns: indicator,kind,group_type,group,option,numerator,denominator,percent,missing,n,mean,median,lower_quartile,
/// upper_quartile.
/// </summary>
public static class IndicatorCsv
{
    public const string Header = "indicator,kind,group_type,group,option,numerator,denominator,percent,missing,n,mean,median,lower_quartile,upper_quartile";

    public static string Write(IndicatorDocument document)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        foreach (var indicator in document.Indicators)
        {
            var kind = indicator.KindCode;
            indicator.Switch(
                share =>
                {
                    Row(csv, share.Id, kind, null, null, null, share.Numerator, share.Denominator, share.Percent, share.Missing);
                    Groups(csv, share.Id, kind, null, share.ByRegion, share.ByPopulationBand);
                },
                choice =>
                {
                    Row(csv, choice.Id, kind, null, null, null, null, choice.Denominator, null, choice.Missing);
                    foreach (var o in choice.Options)
                    {
                        Row(csv, choice.Id, kind, null, null, o.Code, o.Numerator, choice.Denominator, o.Percent, null);
                        Groups(csv, choice.Id, kind, o.Code, o.ByRegion ?? [], o.ByPopulationBand ?? []);
                    }
                },
                mean => Row(
                    csv, mean.Id, kind, null, null, null, null, null, null, mean.Missing,
                    mean.N, mean.Mean, mean.Median, mean.LowerQuartile, mean.UpperQuartile));
        }

        return csv.ToString();
    }

    private static void Groups(
        StringBuilder csv, string id, string kind, string? option, IReadOnlyList<GroupShare> byRegion, IReadOnlyList<GroupShare> byBand)
    {
        foreach (var g in byRegion)
        {
            Row(csv, id, kind, "region", g.Group, option, g.Numerator, g.Denominator, g.Percent, null);
        }

        foreach (var g in byBand)
        {
            Row(csv, id, kind, "population_band", g.Group, option, g.Numerator, g.Denominator, g.Percent, null);
        }
    }

    private static void Row(
        StringBuilder csv, string id, string kind, string? groupType, string? group, string? option,
        int? numerator, int? denominator, decimal? percent, int? missing,
        int? n = null, decimal? mean = null, decimal? median = null, decimal? lowerQuartile = null, decimal? upperQuartile = null)
    {
        string?[] cells =
        [
            id, kind, groupType, group, option,
            Int(numerator), Int(denominator), Dec(percent), Int(missing), Int(n), Dec(mean), Dec(median),
            Dec(lowerQuartile), Dec(upperQuartile),
        ];
        csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Dec(decimal? value) => value is { } v ? IndicatorJson.Format(v) : null;

    // RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside.
    public static string Quote(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
