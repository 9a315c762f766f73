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

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang!.ToLowerInvariant())),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
