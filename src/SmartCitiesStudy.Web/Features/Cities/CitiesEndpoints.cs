using System.Text;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Cities;

/// <summary>
/// <c>GET /portal/cities/export.csv?edition=</c>: the registry with the edition's populations, UCLG membership and
/// contacts, in the columns the import reads. Contacts are personal data: secretariat only.
/// </summary>
public static class CitiesEndpoints
{
    public static IEndpointRouteBuilder MapCitiesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/portal/cities/export.csv", async (string? edition, HttpContext http, ExportCities export, CancellationToken cancellationToken) =>
            {
                var csv = await export.ExecuteAsync(edition, http.User.ToStudyUser()!, cancellationToken);
                if (csv is null)
                {
                    return Results.Forbid();
                }

                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
                return Results.File(bytes, "text/csv; charset=utf-8", "cities.csv");
            })
            .RequireAuthorization(policy => policy.RequireRole(StudyRoles.Secretariat));
        return endpoints;
    }
}
