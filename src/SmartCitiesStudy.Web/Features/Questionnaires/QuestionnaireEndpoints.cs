using System.Text;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires;

namespace SmartCitiesStudy.Web.Features.Questionnaires;

/// <summary>
/// <c>GET /portal/editions/{code}/questionnaire.json</c> and <c>.xlsx</c> (XLSForm): the current questionnaire, and
/// <c>GET /portal/questionnaire.schema.json</c>: the JSON Schema of the format, both for the secretariat (the editors).
/// </summary>
public static class QuestionnaireEndpoints
{
    public static IEndpointRouteBuilder MapQuestionnaireEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/portal/editions/{code}/questionnaire.json", async (string code, int? version, LoadQuestionnaire load, CancellationToken cancellationToken) =>
            {
                var snapshot = await load.ExecuteAsync(code, version, cancellationToken);
                if (snapshot is null)
                {
                    return Results.NotFound($"Edition '{code}' has no questionnaire{(version is null ? string.Empty : $" version {version}")}.");
                }

                var bytes = Encoding.UTF8.GetBytes(QuestionnaireJson.Write(snapshot.Definition) + "\n");
                return Results.File(bytes, "application/json; charset=utf-8", $"questionnaire-{code}-v{snapshot.VersionNumber}.json");
            })
            .RequireAuthorization(policy => policy.RequireRole(StudyRoles.Secretariat));

        endpoints.MapGet("/portal/editions/{code}/questionnaire.xlsx", async (string code, int? version, LoadQuestionnaire load, IQuestionnaireSpreadsheet spreadsheet, CancellationToken cancellationToken) =>
            {
                var snapshot = await load.ExecuteAsync(code, version, cancellationToken);
                if (snapshot is null)
                {
                    return Results.NotFound($"Edition '{code}' has no questionnaire{(version is null ? string.Empty : $" version {version}")}.");
                }

                using var workbook = new MemoryStream();
                spreadsheet.Write(snapshot.Definition, workbook, snapshot.VersionNumber);
                return Results.File(workbook.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"questionnaire-{code}-v{snapshot.VersionNumber}.xlsx");
            })
            .RequireAuthorization(policy => policy.RequireRole(StudyRoles.Secretariat));

        var schema = Encoding.UTF8.GetBytes(QuestionnaireSchema.Read());
        endpoints.MapGet("/portal/" + QuestionnaireSchema.FileName, () => Results.Bytes(schema, "application/schema+json; charset=utf-8"))
            .RequireAuthorization(policy => policy.RequireRole(StudyRoles.Secretariat));
        return endpoints;
    }
}
