using System.Globalization;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// Numbers on the reader pages in the reader's culture ("75.0%", "75,0 %"); counts stay whole numbers ("15 of 20").
/// The figures are the API's, only written for people.
/// </summary>
public static class ReaderFormat
{
    /// <summary>A percentage from 0 to 100 with one decimal, or a dash when there is no denominator.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? (p / 100m).ToString("P1", CultureInfo.CurrentCulture) : "—";

    /// <summary>A mean or median with one decimal.</summary>
    public static string OneDecimal(decimal? value) =>
        value is { } v ? v.ToString("N1", CultureInfo.CurrentCulture) : "—";

    public static string Whole(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, format, args);
}
