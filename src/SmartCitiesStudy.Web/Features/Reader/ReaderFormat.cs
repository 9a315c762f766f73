using System.Globalization;
using SmartCitiesStudy.Reports.Text;
using SmartCitiesStudy.Web.Localization;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// Numbers on the reader pages as the study PDF writes them (<see cref="ReportLanguage"/>: "57.9%", "57,9 %");
/// counts stay whole numbers ("15 of 20"). The figures are the API's, only written for people.
/// </summary>
public static class ReaderFormat
{
    /// <summary>A percentage from 0 to 100 with at most one decimal, or a dash when there is no denominator.</summary>
    public static string Percent(decimal? percent) => ReportLanguage.Percent(percent, StudyCultures.Current);

    /// <summary>A mean or median with at most one decimal.</summary>
    public static string OneDecimal(decimal? value) =>
        value is { } v ? ReportLanguage.Number(v, StudyCultures.Current) : "—";

    public static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, format, args);
}
