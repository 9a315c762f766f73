using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// The reader pages' output cache policy, in place of the default one:
/// <list type="bullet">
/// <item>anonymous GET/HEAD requests only; a signed-in person always gets a freshly rendered page (their header
/// differs: portal link, sign-out form with its antiforgery token);</item>
/// <item>one entry per query (<see cref="ReaderCache.QueryKeys"/>), per resolved language (for anonymous readers
/// from <c>?lang=</c> only, ADR 0015) and per content coding: pages are stored compressed;</item>
/// <item>tagged with <see cref="ReaderCache.AllTag"/> and the edition of the route, evicted on a status change;</item>
/// <item>only 200 responses. Blazor issues an antiforgery cookie with every page of an app that has interactive
/// pages, which the default policy reads as "personal, do not store": reader pages have no form to post, so for
/// anonymous readers that cookie is dropped and the page is stored. The language cookie set by <c>?lang=</c> is
/// stored with the page (it only repeats the language of the key); any other cookie prevents storing.</item>
/// </list>
/// </summary>
public sealed class ReaderCachePolicy : IOutputCachePolicy
{
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";
    private const string CultureCookiePrefix = ".AspNetCore.Culture="; // CookieRequestCultureProvider.DefaultCookieName

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var attempt = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                      && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
                      && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = ReaderCache.Expiry;
        context.CacheVaryByRules.QueryKeys = new StringValues([.. ReaderCache.QueryKeys]);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // Pages are stored compressed (ADR 0015): one entry per content coding the reader accepts (br, gzip, none).
        context.CacheVaryByRules.VaryByValues["coding"] = Hosting.HttpCaching.PublicETag.ContentCoding(http.Request);
        context.Tags.Add(ReaderCache.AllTag);
        if (http.Request.RouteValues.TryGetValue("code", out var code) && code is string edition)
        {
            context.Tags.Add(ReaderCache.EditionTag(edition));
        }

        if (attempt)
        {
            // Blazor starts the response itself, before ServeResponseAsync runs: drop the cookie while headers can change.
            http.Response.OnStarting(DropAntiforgeryCookie, http.Response);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (!context.AllowCacheStorage || response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        // The language cookie that ?lang= sets is not personal: it repeats the language, which is part of the key.
        context.AllowCacheStorage = response.Headers.SetCookie.All(c => c is not null && c.StartsWith(CultureCookiePrefix, StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    private static Task DropAntiforgeryCookie(object state)
    {
        var response = (HttpResponse)state;
        var cookies = response.Headers.SetCookie;
        var kept = cookies.Where(c => c is not null && !c.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal)).ToArray();
        if (kept.Length != cookies.Count)
        {
            response.Headers.SetCookie = new StringValues(kept);
            // The antiforgery token also forbade any storing; browsers may keep the page but must ask again.
            response.Headers.CacheControl = "no-cache";
            response.Headers.Remove(HeaderNames.Pragma);
        }

        return Task.CompletedTask;
    }
}
