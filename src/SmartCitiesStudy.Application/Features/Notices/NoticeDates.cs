using System.Globalization;

namespace SmartCitiesStudy.Application.Features.Notices;

/// <summary>Dates in e-mails, written out in the recipient's language: "1 February 2027", "1 de febrero de 2027", "1 février 2027".</summary>
public static class NoticeDates
{
    public static string Written(DateOnly date, string? language) => language switch
    {
        "es" => date.ToString("d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es")),
        "fr" => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr")),
        _ => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en")),
    };
}
