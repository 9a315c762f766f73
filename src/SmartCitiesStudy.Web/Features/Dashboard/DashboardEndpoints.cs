using System.Text;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Dashboard;

/// <summary>
/// <c>GET /portal/editions/{code}/dashboard.csv?status=&amp;region=&amp;band=</c>: the dashboard's list as CSV, for the
/// secretariat and reviewers; cells that a spreadsheet would run as formulas are neutralised.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/portal/editions/{code}/dashboard.csv", async (string code, string? status, string? region, string? band, HttpContext http, LoadEditionDashboard load, CancellationToken cancellationToken) =>
            {
                var filter = new DashboardFilter(
                    Enum.TryParse<DashboardStatus>(status?.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var s) ? s : null,
                    Enum.TryParse<Region>(region, ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : null,
                    PopulationBands.TryParse(band, out var b) ? b : null);
                var user = http.User.ToStudyUser()!;
                var result = await load.ExecuteAsync(code, filter, user, cancellationToken);
                if (result.Dashboard is null)
                {
                    return result.NotFound ? Results.NotFound(result.Error) : Results.Forbid();
                }

                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DashboardCsv.Write(result.Dashboard))).ToArray();
                return Results.File(bytes, "text/csv; charset=utf-8", $"dashboard-{code}.csv");
            })
            .RequireAuthorization(policy => policy.RequireRole(StudyRoles.Reviewer, StudyRoles.Secretariat));
        return endpoints;
    }
}
