namespace SmartCitiesStudy.Application.Features.Exports;

/// <summary>
/// Text written to CSV or spreadsheets must not become a formula when opened in Excel or LibreOffice (CSV injection):
/// a text cell starting with =, +, -, @, tab or carriage return gets a leading apostrophe. Numbers are left alone.
/// </summary>
public static class SafeCells
{
    public static string? Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell) || !"=+-@\t\r".Contains(cell[0], StringComparison.Ordinal))
        {
            return cell;
        }

        return decimal.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) ? cell : "'" + cell;
    }
}
