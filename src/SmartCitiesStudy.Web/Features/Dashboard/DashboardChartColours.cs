using SmartCitiesStudy.Reports.Charts;

namespace SmartCitiesStudy.Web.Features.Dashboard;

/// <summary>The dashboard charts' colours: the report palette (<see cref="ChartPalette"/>) plus a draft and a returned tone.</summary>
internal static class DashboardChartColours
{
    public const string NotStarted = ChartPalette.Track;
    public const string InProgress = "#8fb3d9";
    public const string Draft = "#8fb3d9";
    public const string Returned = "#c77d0a";
    public const string Submitted = ChartPalette.DeepBlue;
    public const string Approved = ChartPalette.Teal;

    /// <summary>SVG coordinates are always written with a dot, whatever the culture.</summary>
    public static string N(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
