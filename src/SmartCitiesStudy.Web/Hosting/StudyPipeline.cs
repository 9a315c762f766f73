using SmartCitiesStudy.Web.Components;
using SmartCitiesStudy.Web.Components.Account;
using SmartCitiesStudy.Web.Features.Api;
using SmartCitiesStudy.Web.Features.Cities;
using SmartCitiesStudy.Web.Features.Dashboard;
using SmartCitiesStudy.Web.Features.Outbox;
using SmartCitiesStudy.Web.Features.Questionnaires;
using SmartCitiesStudy.Web.Features.Reports;
using SmartCitiesStudy.Web.Hosting.HttpCaching;
using SmartCitiesStudy.Web.Localization;
using SmartCitiesStudy.Web.Security;

namespace SmartCitiesStudy.Web.Hosting;

public static class StudyPipeline
{
    /// <summary>The request pipeline and endpoints, in order.</summary>
    public static WebApplication UseStudyPipeline(this WebApplication app)
    {
        if (app.Configuration.GetValue("Hosting:BehindProxy", false))
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseStudyExceptionHandler();
        }

        StaticAssetsCheck.WarnIfMissing(app.Environment, app.Logger);

        app.UseDevelopmentOnlyPages();
        // The API reference page runs Scalar's inline start-up script; every other response keeps the strict policy.
        var isDevelopment = app.Environment.IsDevelopment();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(OpenApiSetup.ReferencePath), b => b.UseSecurityHeaders(SecurityHeadersSetup.ApiReferencePolicy(isDevelopment)));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments(OpenApiSetup.ReferencePath), b => b.UseSecurityHeaders(SecurityHeadersSetup.Policy(isDevelopment)));
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStatusCodePagesForReadsOnly();

        // No dev certificate on our machines: redirect to HTTPS only where it is configured.
        if (app.Configuration.GetValue("Hosting:HttpsRedirection", false))
        {
            app.UseHttpsRedirection();
        }

        app.UseRequestLocalization();
        app.UseCultureFromQueryString();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStaffTwoFactorRequirement(); // Security:RequireTwoFactorForStaff (ADR 0031)
        app.UseAntiforgery();
        app.UseHttpCaching(); // public reads: 304, ETag, Cache-Control, compression (ADR 0015)
        app.UseOutputCache(); // reader pages only (ReaderCache), after authentication: never for signed-in people
        app.UsePublicCompression(); // inside the output cache: pages are kept compressed

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapCultureEndpoints();
        app.MapQuestionnaireEndpoints();
        app.MapEditionsApi();
        app.MapStudyOpenApi();
        app.MapReportEndpoints();
        app.MapDashboardEndpoints();
        app.MapCitiesEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(); // pages opt out with [AllowAnonymous]
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
