using System.Globalization;

namespace SmartCitiesStudy.Web.Localization;

/// <summary>
/// Dates and times as the portal shows them: day, abbreviated month name and year in the reader's language
/// ("2 Jan 2027", "2 ene 2027", "2 janv. 2027"), never an all-number date that reads differently in each region
/// (1/2/2027), and times in UTC on a 24-hour clock, saying so. Stored values are UTC; the server does not know the
/// reader's time zone.
/// </summary>
public static class StudyDates
{
    private const string DatePattern = "d MMM yyyy";

    /// <summary>"2 Jan 2027".</summary>
    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString(DatePattern, CultureInfo.CurrentCulture) : string.Empty;

    /// <summary>
    /// The month written out, for calendars and deadlines: "1 February 2027", "1 de febrero de 2027",
    /// "1 février 2027".
    /// </summary>
    public static string WrittenDate(DateOnly? date) =>
        date is { } d
            ? d.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "es" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture)
            : string.Empty;

    /// <summary>"2 Jan 2027" (the UTC day).</summary>
    public static string Date(DateTimeOffset? at) =>
        at is { } a ? a.UtcDateTime.ToString(DatePattern, CultureInfo.CurrentCulture) : string.Empty;

    /// <summary>"2 Jan 2027, 07:09 UTC".</summary>
    public static string DateTime(DateTimeOffset? at) =>
        at is { } a ? a.UtcDateTime.ToString(DatePattern + ", HH:mm", CultureInfo.CurrentCulture) + " UTC" : string.Empty;

    /// <summary>"07:09 UTC".</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
