using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using MudBlazor.Services;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Infrastructure;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Web.Components.Account;
using SmartCitiesStudy.Web.Features.Api;
using SmartCitiesStudy.Web.Features.Reader;
using SmartCitiesStudy.Web.Hosting.HttpCaching;
using SmartCitiesStudy.Web.Localization;

namespace SmartCitiesStudy.Web.Hosting;

public static class StudyWebServices
{
    /// <summary>Everything the web app needs: the layers below, Blazor, MudBlazor, Identity cookies, health.</summary>
    public static WebApplicationBuilder AddStudyWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStudyApplication();
        // Outside Development the Data Protection keys must be encrypted at rest (or the opt-out set): ADR 0012.
        services.AddStudyInfrastructure(builder.Configuration, builder.Environment.ContentRootPath, requireEncryptedKeys: !builder.Environment.IsDevelopment());

        // The server pings every few seconds so a page notices a dead connection quickly (wwwroot/js/blazor-start.js
        // gives up after ConnectionLiveness.ServerTimeout without a word) and says so, instead of after 30 s.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o =>
            {
                o.KeepAliveInterval = ConnectionLiveness.KeepAlive;
                o.ClientTimeoutInterval = ConnectionLiveness.ClientTimeout;
            });
        services.AddMudServices();
        services.AddSingleton<Features.Responses.ResponsePresence>();
        services.AddSingleton<Application.Abstractions.IAttachmentRenderer, Features.Responses.ResponseAnswersPdf>();
        services.AddStudyLocalization();
        services.AddReaderCache();
        services.AddHttpCaching(builder.Configuration);
        services.AddHttpContextAccessor();

        // Write accented letters (Liège, São Paulo) as themselves in HTML, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Sign-in: cookie authentication on top of the Identity user store registered by the infrastructure.
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddSingleton<IEmailSender<ApplicationUser>, OutboxEmailSender>();
        var cookieSecurity = builder.Configuration.GetValue("Security:RequireSecureCookies", false)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;

        // The antiforgery cookie's default never sets Secure, not even over HTTPS.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = cookieSecurity);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "scs.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
        });
        // How soon a deactivated person's (or changed role's) open cookie stops working on pages and the API.
        var revalidation = TimeSpan.FromSeconds(builder.Configuration.GetValue("Security:SessionRevalidationSeconds", 60));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = revalidation);
        services.AddSingleton(Security.TwoFactorPolicy.FromConfiguration(builder.Configuration, builder.Environment));

        // Secure by default: every page requires a signed-in user unless it says [AllowAnonymous] (see
        // StudyPipeline). Not a fallback policy: that would also send readers of unknown URLs to sign in instead of
        // a 404.
        services.AddAuthorization();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.AddStudyRateLimiting(builder.Configuration);
        services.AddStudyErrorResponses();
        // /health (liveness): the database answers. /health/ready adds what serving everything needs.
        services.AddSingleton<ChromiumRunnableCheck>();
        services.AddHealthChecks()
            .AddDbContextCheck<StudyDbContext>("database")
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [HealthEndpoints.ReadinessTag])
            .AddCheck<ChromiumRunnableCheck>("chromium", tags: [HealthEndpoints.ReadinessTag]);
        services.AddStudyOpenApi();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }
}
