using System.Globalization;
using System.Text;
using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Dashboard;

/// <summary>
/// The dashboard's list as CSV (UTF-8, comma-separated, culture-invariant). A cell starting with = + - @ (or a tab
/// or carriage return) gets a leading single quote, so a spreadsheet shows it as text instead of running it.
/// </summary>
public static class DashboardCsv
{
    public static string Write(EditionDashboard dashboard)
    {
        var csv = new StringBuilder();
        Line(csv, "edition", "city", "country", "region", "band", "invited", "officers", "pending_invitations", "status", "percent_complete", "last_activity_utc");
        foreach (var row in dashboard.Rows)
        {
            Line(
                csv,
                dashboard.EditionCode,
                row.City,
                row.Country,
                row.Region.ToString(),
                row.Band?.Code() ?? string.Empty,
                row.Invited ? "yes" : "no",
                row.Officers.ToString(CultureInfo.InvariantCulture),
                row.PendingInvitations.ToString(CultureInfo.InvariantCulture),
                Code(row.Status),
                row.PercentComplete.ToString(CultureInfo.InvariantCulture),
                row.LastActivity?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return csv.ToString();
    }

    /// <summary>The public code of a status: not-started, draft, submitted, returned, approved.</summary>
    public static string Code(DashboardStatus status) => status == DashboardStatus.NotStarted ? "not-started" : status.ToString().ToLowerInvariant();

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
