using Microsoft.AspNetCore.Localization;

namespace SmartCitiesStudy.Web.Localization;

public static class LocalizationSetup
{
    public static IServiceCollection AddStudyLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(StudyCultures.Default)
                .AddSupportedCultures([.. StudyCultures.Codes])
                .AddSupportedUICultures([.. StudyCultures.Codes]);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // Anonymous public pages: the URL only (ADR 0015). Elsewhere a language in the URL wins (shareable links),
            // then the remembered choice, then the browser's.
            options.RequestCultureProviders =
            [
                new PublicPageCultureProvider(),
                new QueryStringRequestCultureProvider { QueryStringKey = StudyCultures.QueryKey, UIQueryStringKey = StudyCultures.QueryKey },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
