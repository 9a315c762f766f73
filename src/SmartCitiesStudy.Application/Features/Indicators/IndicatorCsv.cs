using System.Globalization;
using System.Text;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// An <see cref="IndicatorDocument"/> as CSV (RFC 4180, invariant culture): one row per indicator, then one per
/// option (choice) or per region and population band (share). Columns:
/// indicator,kind,group_type,group,option,numerator,denominator,percent,missing,n,mean,median.
/// </summary>
public static class IndicatorCsv
{
    public const string Header = "indicator,kind,group_type,group,option,numerator,denominator,percent,missing,n,mean,median";

    public static string Write(IndicatorDocument document)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        foreach (var indicator in document.Indicators)
        {
            var kind = indicator.KindCode;
            switch (indicator)
            {
                case ShareIndicator share:
                    Row(csv, share.Id, kind, null, null, null, share.Numerator, share.Denominator, share.Percent, share.Missing, null, null, null);
                    foreach (var g in share.ByRegion)
                    {
                        Row(csv, share.Id, kind, "region", g.Group, null, g.Numerator, g.Denominator, g.Percent, null, null, null, null);
                    }

                    foreach (var g in share.ByPopulationBand)
                    {
                        Row(csv, share.Id, kind, "population_band", g.Group, null, g.Numerator, g.Denominator, g.Percent, null, null, null, null);
                    }

                    break;
                case ChoiceIndicator choice:
                    Row(csv, choice.Id, kind, null, null, null, null, choice.Denominator, null, choice.Missing, null, null, null);
                    foreach (var o in choice.Options)
                    {
                        Row(csv, choice.Id, kind, null, null, o.Code, o.Numerator, choice.Denominator, o.Percent, null, null, null, null);
                    }

                    break;
                case MeanIndicator mean:
                    Row(csv, mean.Id, kind, null, null, null, null, null, null, mean.Missing, mean.N, mean.Mean, mean.Median);
                    break;
            }
        }

        return csv.ToString();
    }

    private static void Row(
        StringBuilder csv, string id, string kind, string? groupType, string? group, string? option,
        int? numerator, int? denominator, decimal? percent, int? missing, int? n, decimal? mean, decimal? median)
    {
        string?[] cells =
        [
            id, kind, groupType, group, option,
            Int(numerator), Int(denominator), Dec(percent), Int(missing), Int(n), Dec(mean), Dec(median),
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
