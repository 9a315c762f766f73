using Microsoft.AspNetCore.Localization;
using SmartCitiesStudy.Web.Hosting.HttpCaching;

namespace SmartCitiesStudy.Web.Localization;

/// <summary>
/// The language of an anonymous public read (reader pages, open-data API) comes from its URL only: <c>?lang=</c>, else
/// English; never the culture cookie or Accept-Language, so a page is the same for everyone who asks for its URL and
/// a shared cache (CDN, nginx) can keep each language. Signed-in people and the portal keep the cookie.
/// </summary>
public sealed class PublicPageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!await PublicRead.IsAsync(httpContext))
        {
            return null;
        }

        var lang = httpContext.Request.Query[StudyCultures.QueryKey].ToString();
        var code = StudyCultures.IsSupported(lang) ? lang.ToLowerInvariant() : StudyCultures.Default;
        return new ProviderCultureResult(code, code);
    }
}
