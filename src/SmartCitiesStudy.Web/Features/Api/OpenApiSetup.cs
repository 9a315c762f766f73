using Scalar.AspNetCore;
using SmartCitiesStudy.Web.Hosting.HttpCaching;

namespace SmartCitiesStudy.Web.Features.Api;

/// <summary>
/// The open-data API described at <c>/openapi/v1.json</c> (OpenAPI 3.1) with a Scalar reference at <c>/scalar</c>.
/// Only the <c>/api/</c> endpoints are described; the portal's pages and account endpoints are not an API.
/// Scalar's script is served from this site (no CDN); its page needs the inline-script exception in
/// <see cref="Hosting.SecurityHeadersSetup.ApiReferencePolicy"/>.
/// </summary>
public static class OpenApiSetup
{
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddStudyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Smart Cities Study — open data API";
                document.Info.Version = "v1";
                document.Info.Description =
                    "The published figures of the UCLG Smart Cities Study. Every figure is \"x of N cities\" over the approved " +
                    "responses of an edition; the study never ranks cities. Anyone may read published editions; the " +
                    "secretariat and reviewers (signed in) may also read unpublished ones.";
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapStudyOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().AsPublicRead();
        endpoints.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Smart Cities Study — open data API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return endpoints;
    }
}
