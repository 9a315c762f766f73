using Microsoft.AspNetCore.Localization;

namespace SmartCitiesStudy.Web.Localization;

/// <summary>
/// <c>GET /culture?lang=es&amp;returnUrl=/portal</c>: remembers the chosen language in a cookie and goes back.
/// Works without JavaScript, from static and interactive pages alike.
/// </summary>
public static class CultureEndpoints
{
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (HttpContext context, string? lang, string? returnUrl) =>
        {
            if (!StudyCultures.IsSupported(lang))
            {
                return Results.BadRequest($"Unsupported language '{lang}'. Use one of: {string.Join(", ", StudyCultures.Codes)}.");
            }

            Remember(context, lang!);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// A page asked for with <c>?lang=xx</c> also remembers xx: an interactive page's circuit takes its culture from
    /// the cookie (its connection has no query string), so without this the page would switch back after loading.
    /// Not on anonymous public reads: their language is in their URL, and a response with a cookie is not for a
    /// shared cache.
    /// </summary>
    public static IApplicationBuilder UseCultureFromQueryString(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var lang = context.Request.Query[StudyCultures.QueryKey].ToString();
            if (StudyCultures.IsSupported(lang) && HttpMethods.IsGet(context.Request.Method)
                && !string.Equals(context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName], CookieValue(lang), StringComparison.Ordinal)
                && !await Hosting.HttpCaching.PublicRead.IsAsync(context))
            {
                Remember(context, lang);
            }

            await next(context);
        });

    private static string CookieValue(string lang) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang.ToLowerInvariant()));

    private static void Remember(HttpContext context, string lang) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieValue(lang),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
