using System.Security.Claims;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Web.Features.Api;

/// <summary>
/// The open-data API: <c>GET /api/v1/editions</c> and <c>GET /api/v1/editions/{code}/indicators</c> (the same JSON
/// document as the CLI, byte for byte). Anyone may read published editions; the secretariat and reviewers may read
/// any. Other editions answer 404 to everyone else, so their existence is not disclosed.
/// </summary>
public static class EditionsApi
{
    public static IEndpointRouteBuilder MapEditionsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/editions").AllowAnonymous();

        api.MapGet("/", async (ClaimsPrincipal user, ListEditions list, CancellationToken cancellationToken) =>
        {
            var editions = await list.ExecuteAsync(publishedOnly: !SeesUnpublished(user), cancellationToken);
            return Results.Json(editions.Select(e => new EditionItem(e.Code, e.Title, e.Theme, e.Year, e.Status.ToString().ToLowerInvariant(), e.ApprovedResponses)));
        });

        api.MapGet("/{code}/indicators", async (string code, ClaimsPrincipal user, ListEditions list, ComputeIndicators compute, CancellationToken cancellationToken) =>
        {
            var edition = (await list.ExecuteAsync(publishedOnly: false, cancellationToken)).FirstOrDefault(e => e.Code == code);
            if (edition is null || (edition.Status != EditionStatus.Published && !SeesUnpublished(user))
                || await compute.ExecuteAsync(code, cancellationToken) is not { } document)
            {
                return NotFound(code);
            }

            return Results.Bytes(IndicatorJson.WriteUtf8(document), IndicatorJson.ContentType);
        });

        endpoints.MapGet("/api/v1/indicators/{id}/trend", async (string id, ClaimsPrincipal user, ComputeTrend trend, CancellationToken cancellationToken) =>
        {
            var points = await trend.ExecuteAsync(id, includeUnpublished: SeesUnpublished(user), cancellationToken);
            return points.Count == 0
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No published edition has an indicator '{id}'.")
                : Results.Bytes(IndicatorJson.WriteTrendUtf8(id, points), IndicatorJson.ContentType);
        }).AllowAnonymous();

        api.MapGet("/{code}/responses.csv", async (string code, ClaimsPrincipal user, ListEditions list, ExportApprovedResponses export, HttpContext context, CancellationToken cancellationToken) =>
        {
            var edition = (await list.ExecuteAsync(publishedOnly: false, cancellationToken)).FirstOrDefault(e => e.Code == code);
            if (edition is null || (edition.Status != EditionStatus.Published && !SeesUnpublished(user))
                || await export.ExecuteAsync(code, cancellationToken) is not { } table)
            {
                return NotFound(code);
            }

            context.Response.ContentType = ResponseTableCsv.ContentType;
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"smart-cities-study-{code}-responses.csv\"";
            await ResponseTableCsv.WriteAsync(table, context.Response.Body, cancellationToken);
            return Results.Empty;
        });

        return endpoints;
    }

    private static bool SeesUnpublished(ClaimsPrincipal user) =>
        user.IsInRole(StudyRoles.Secretariat) || user.IsInRole(StudyRoles.Reviewer);

    private static IResult NotFound(string code) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no published edition '{code}'.");

    /// <summary>An edition in the list: <c>respondents</c> is its number of approved responses.</summary>
    private sealed record EditionItem(string Code, string Title, string Theme, int Year, string Status, int Respondents);
}
