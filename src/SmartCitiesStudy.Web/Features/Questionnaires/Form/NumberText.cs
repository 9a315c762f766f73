using System.Globalization;

namespace SmartCitiesStudy.Web.Features.Questionnaires.Form;

/// <summary>
/// Numbers as people type them: "30.5", "30,5", "1 200" or "1,200.5" are understood; stored values are invariant.
/// </summary>
public static class NumberText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202f", string.Empty, StringComparison.Ordinal);
        var lastComma = cleaned.LastIndexOf(',');
        var lastDot = cleaned.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            // Both present: the last one is the decimal separator, the other groups thousands.
            cleaned = lastComma > lastDot
                ? cleaned.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
                : cleaned.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (lastComma >= 0)
        {
            cleaned = cleaned.Replace(',', '.');
        }

        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string Format(decimal value, CultureInfo culture) =>
        value.ToString("0.######", culture);
}
