using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Reports.Text;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Features.Reports;

/// <summary>
/// <c>GET /editions/{code}/report.pdf?lang=en|es|fr</c> and <c>GET /editions/{code}/cities/{slug}/factsheet.pdf?lang=</c>.
/// Anyone may download a published edition's PDFs (stored, cacheable, with an ETag); the secretariat and reviewers
/// may preview unpublished ones (rendered on demand, not cached); everyone else gets 404, as in the open-data API.
/// A missing <c>lang</c> means English; an unknown one is a 400. A render that times out is a 503.
/// <c>GET /editions/{code}/original.pdf?lang=</c> serves the original publication the secretariat attached in that
/// language, with the same rules (404 when none is attached).
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/editions/{code}").AllowAnonymous();
        group.MapGet("/report.pdf", (string code, string? lang, ClaimsPrincipal user, ListEditions editions, ReportService reports, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(code, lang, l => ReportRequest.Study(code, l), user, editions, reports, context, cancellationToken));
        group.MapGet("/cities/{slug}/factsheet.pdf", (string code, string slug, string? lang, ClaimsPrincipal user, ListEditions editions, ReportService reports, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(code, lang, l => ReportRequest.Factsheet(code, slug, l), user, editions, reports, context, cancellationToken));
        group.MapGet("/original.pdf", ServeOriginalAsync);
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(
        string code,
        string? lang,
        Func<string, ReportRequest> request,
        ClaimsPrincipal user,
        ListEditions editions,
        ReportService reports,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var language = string.IsNullOrWhiteSpace(lang) ? ReportLanguage.Default : lang.Trim().ToLowerInvariant();
        if (!ReportLanguage.IsSupported(language))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown language",
                detail: $"lang must be one of {string.Join(", ", ReportLanguage.All)}; '{lang}' is not.");
        }

        if (await editions.FindReadableAsync(code, user, cancellationToken) is not { } edition)
        {
            return NotFound(code);
        }

        var published = edition.Status == EditionStatus.Published;

        ReportFile? file;
        try
        {
            file = await reports.GetAsync(request(language), cancellationToken: cancellationToken);
        }
        catch (PdfRenderTimeoutException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PDF is not ready", detail: ex.Message + " Try again in a moment.");
        }

        return file is null ? NotFound(code) : Serve(file, published, context);
    }

    private static async Task<IResult> ServeOriginalAsync(
        string code,
        string? lang,
        ClaimsPrincipal user,
        ListEditions editions,
        OriginalPublications originals,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var language = string.IsNullOrWhiteSpace(lang) ? ReportLanguage.Default : lang.Trim().ToLowerInvariant();
        if (!ReportLanguage.IsSupported(language))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown language",
                detail: $"lang must be one of {string.Join(", ", ReportLanguage.All)}; '{lang}' is not.");
        }

        if (await editions.FindReadableAsync(code, user, cancellationToken) is not { } edition
            || await originals.FindAsync(edition.Code, language, cancellationToken) is not { } file)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Edition '{code}' has no original publication in '{language}'.");
        }

        return Serve(file, edition.Status == EditionStatus.Published, context);
    }

    private static IResult Serve(ReportFile file, bool published, HttpContext context)
    {
        var etag = new EntityTagHeaderValue($"\"{file.ETag}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = published
            ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromHours(1) }
            : new CacheControlHeaderValue { Private = true, NoStore = true };
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = file.FileName }.ToString();
        return Results.Bytes(file.Content, "application/pdf", lastModified: file.CreatedAt);
    }

    private static IResult NotFound(string code) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no published edition or city report '{code}'.");
}
