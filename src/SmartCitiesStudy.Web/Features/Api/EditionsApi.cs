using System.Security.Claims;
using SmartCitiesStudy.Application.Features.DataPackages;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Features.Facts;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Peers;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Web.Hosting.HttpCaching;
using SmartCitiesStudy.Web.Security;

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
        var api = endpoints.MapGroup("/api/v1/editions").AllowAnonymous().AsPublicRead();

        api.MapGet("/", async (ClaimsPrincipal user, ListEditions list, LoadEditionFacts facts, CancellationToken cancellationToken) =>
        {
            var editions = await list.ExecuteAsync(publishedOnly: !EditionReaders.SeesUnpublished(user), cancellationToken);
            var reconstructed = await facts.ReconstructedQuestionnairesAsync(cancellationToken);
            return Results.Json(editions.Select(e => new EditionItem(
                e.Code, e.Title, e.Theme, e.Year, e.Status.ToString().ToLowerInvariant(), e.Respondents, e.FiguresSource.Code(), new EditionQuestionnaire(reconstructed.Contains(e.Code)))));
        })
        .WithName("ListEditions")
        .WithSummary("The editions of the study")
        .WithDescription("Published editions for everyone (newest first); signed-in secretariat and reviewers also see the others. `respondents` is the number of approved responses, or for an edition run before the portal the participating cities its publication gives (`source`: `responses` or `published`). `questionnaire.reconstructed` is true when the questionnaire the portal shows for the edition is a reconstruction, not the original form (2012, 2019).")
        .Produces<EditionItem[]>();

        api.MapGet("/{code}/indicators", async (string code, ClaimsPrincipal user, ListEditions list, ComputeIndicators compute, CancellationToken cancellationToken) =>
        {
            if (await list.FindReadableAsync(code, user, cancellationToken) is null
                || await compute.ExecuteAsync(code, cancellationToken) is not { } document)
            {
                return NotFound(code);
            }

            return Results.Bytes(IndicatorJson.WriteUtf8(document), IndicatorJson.ContentType);
        })
        .WithName("GetIndicators")
        .WithSummary("Every indicator of an edition")
        .WithDescription("The same document as `indicators --format json` on the command line: for each question code its kind (share, choice, mean), numerator, denominator, percent (one decimal, half away from zero), missing, and for shares the breakdown by region and population band. Counted over approved responses only; for an edition run before the portal, `source` is `published` and the figures are as printed (null where the publication gives no number, no breakdowns).")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{code}/peers/{indicatorId}", async (string code, string indicatorId, string? option, ClaimsPrincipal user, ListEditions list, ListPeers peers, CancellationToken cancellationToken) =>
        {
            if (await list.FindReadableAsync(code, user, cancellationToken) is null)
            {
                return NotFound(code);
            }

            var lookup = await peers.ExecuteAsync(code, indicatorId, option, cancellationToken);
            return lookup.Peers is { } found
                ? Results.Json(PeersItem.From(found))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: lookup.Problem);
        })
        .WithName("GetPeers")
        .WithSummary("Cities that do what a figure counts")
        .WithDescription("The cities a figure counts in its numerator (a share's \"yes\"; a choice's `option`, required for a choice and not allowed for a share), alphabetically, each with its good practices in the figure's field: exactly the x of \"x of N\", never a score or rank. `basis` is `responses`; for an edition run before the portal, which has no per-city answers, it is `goodPractices`: the cities of its good practices in that field. 404 for an unknown or unpublished edition, figure or option.")
        .Produces<PeersItem>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet("/api/v1/indicators/{id}/trend", async (string id, ClaimsPrincipal user, ComputeTrend trend, CancellationToken cancellationToken) =>
        {
            var points = await trend.ExecuteAsync(id, includeUnpublished: EditionReaders.SeesUnpublished(user), cancellationToken);
            return points.Count == 0
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No published edition has an indicator '{id}'.")
                : Results.Bytes(IndicatorJson.WriteTrendUtf8(id, points), IndicatorJson.ContentType);
        })
        .AllowAnonymous()
        .AsPublicRead()
        .WithName("GetIndicatorTrend")
        .WithSummary("An indicator across editions")
        .WithDescription("Each published edition whose questionnaire has the question code, with its x of N and percent.")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet("/api/v1/trends", async (ClaimsPrincipal user, ComputeFollowedFigures followed, CancellationToken cancellationToken) =>
            Results.Bytes(FollowedFiguresJson.WriteTrends(await followed.TrendsAsync(EditionReaders.SeesUnpublished(user), cancellationToken)), IndicatorJson.ContentType))
        .AllowAnonymous()
        .AsPublicRead()
        .WithName("ListTrends")
        .WithSummary("Yes/no figures followed across editions")
        .WithDescription("Every yes/no figure that two published editions or more share (the same question code, or linked with `sameAs` in the questionnaires): `id` its code and `label` its sentence in the newest edition, then each edition's numerator, denominator and percent, oldest first. Each edition has its own cities.")
        .Produces(StatusCodes.Status200OK, contentType: "application/json");

        endpoints.MapGet("/api/v1/factors", async (ClaimsPrincipal user, ComputeFollowedFigures followed, CancellationToken cancellationToken) =>
            Results.Bytes(FollowedFiguresJson.WriteFactors(await followed.FactorsAsync(EditionReaders.SeesUnpublished(user), cancellationToken)), IndicatorJson.ContentType))
        .AllowAnonymous()
        .AsPublicRead()
        .WithName("ListFactors")
        .WithSummary("Barriers and facilitators followed across editions")
        .WithDescription("The options of the barriers and facilitators questions that two published editions or more share: `concept` the option code in the newest edition, then each edition's x of N cities that named it (N: the cities that answered the question). Most named first in the newest edition: a ranking of factors, never of cities.")
        .Produces(StatusCodes.Status200OK, contentType: "application/json");

        api.MapGet("/{code}/responses.csv", (string code, ClaimsPrincipal user, ListEditions list, ExportApprovedResponses export, HttpContext context, CancellationToken cancellationToken) =>
            WriteResponsesAsync(code, "csv", ResponseTableCsv.ContentType, ResponseTableCsv.WriteAsync, user, list, export, context, cancellationToken))
            .WithName("GetResponsesCsv")
            .WithSummary("Approved answers as CSV")
            .WithDescription("One row per approved city: city, country, region, population, band, then one column per question code (yes/no, option codes joined by |, numbers with a dot). No personal data; the cities' \"other\" texts only for the secretariat and reviewers. Streamed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{code}/responses.xlsx", (string code, ClaimsPrincipal user, ListEditions list, ExportApprovedResponses export, HttpContext context, CancellationToken cancellationToken) =>
            WriteResponsesAsync(code, "xlsx", ResponseTableXlsx.ContentType, (table, body, ct) => ResponseTableXlsx.WriteAsync(table, body, $"Smart Cities Study {code}", ct), user, list, export, context, cancellationToken))
            .WithName("GetResponsesXlsx")
            .WithSummary("Approved answers as an Excel workbook")
            .WithDescription("The same table as the CSV, with numbers as numbers and a frozen header row. Streamed.")
            .Produces(StatusCodes.Status200OK, contentType: ResponseTableXlsx.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{code}/package.zip", async (string code, BuildDataPackage build, HttpContext context, CancellationToken cancellationToken) =>
        {
            var page = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/editions/{Uri.EscapeDataString(code)}");
            if (await build.PrepareAsync(code, page, cancellationToken) is not { } package)
            {
                return NotFound(code);
            }

            context.Response.ContentType = DataPackageZip.ContentType;
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{package.FileName}\"";
            await DataPackageZip.WriteAsync(package, context.Response.Body, cancellationToken);
            return Results.Empty;
        })
        .WithName("GetDataPackage")
        .WithSummary("A published edition as a citable Frictionless Data Package")
        .WithDescription("A ZIP with `datapackage.json` (licence, sources, contributors and a Table Schema for each file), `README.md`, `CITATION.cff` and `data/`: `responses.csv` (approved answers, one row per city; absent for an edition run before the portal), `indicators.csv` (one row per figure, option and breakdown group, the numbers of the indicators JSON), `questions.csv` (the codebook) and `cities.csv`. Published editions only; no personal data. Streamed.")
        .Produces(StatusCodes.Status200OK, contentType: DataPackageZip.ContentType)
        .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    /// <summary>Streams the approved answers in a format: rows go to the client as they are read.</summary>
    private static async Task<IResult> WriteResponsesAsync(
        string code,
        string extension,
        string contentType,
        Func<ResponseTable, Stream, CancellationToken, Task> write,
        ClaimsPrincipal user,
        ListEditions list,
        ExportApprovedResponses export,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (await list.FindReadableAsync(code, user, cancellationToken) is null
            || await export.ExecuteAsync(code, includeOtherTexts: EditionReaders.SeesUnpublished(user), cancellationToken) is not { } table)
        {
            return NotFound(code);
        }

        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"smart-cities-study-{code}-responses.{extension}\"";
        await write(table, context.Response.Body, cancellationToken);
        return Results.Empty;
    }

    private static IResult NotFound(string code) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no published edition '{code}'.");

    /// <summary>
    /// An edition in the list: <c>respondents</c> is its number of approved responses, or the participating cities
    /// its publication gives when <c>source</c> is <c>published</c> (ADR 0013).
    /// </summary>
    internal sealed record EditionItem(string Code, string Title, string Theme, int Year, string Status, int Respondents, string Source, EditionQuestionnaire Questionnaire);

    /// <summary>About the edition's questionnaire: <c>reconstructed</c> when it is not the original form (ADR 0004).</summary>
    internal sealed record EditionQuestionnaire(bool Reconstructed);

    /// <summary>The peers of a figure (issue 21): <c>option</c> null for a share; <c>basis</c> responses or goodPractices.</summary>
    internal sealed record PeersItem(string Edition, string Indicator, string? Option, string Basis, IReadOnlyList<PeerItem> Cities)
    {
        public static PeersItem From(PeersOfFigure peers) => new(
            peers.Edition,
            peers.Indicator,
            peers.Option,
            peers.Basis == PeersBasis.GoodPractices ? "goodPractices" : "responses",
            [.. peers.Cities.Select(c => new PeerItem(c.Name, c.Slug, c.Country, c.Region.ToString(), [.. c.GoodPractices.Select(p => new PeerPracticeItem(p.Id, p.Title))]))]);
    }

    /// <summary>A peer city and its good practices in the figure's field.</summary>
    internal sealed record PeerItem(string Name, string Slug, string Country, string Region, IReadOnlyList<PeerPracticeItem> GoodPractices);

    /// <summary>A good practice: its public id (<c>/good-practices/{id}</c>) and title.</summary>
    internal sealed record PeerPracticeItem(string Id, string Title);
}
