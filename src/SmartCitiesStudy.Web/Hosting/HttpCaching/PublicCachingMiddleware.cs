using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SmartCitiesStudy.Web.Hosting.HttpCaching;

/// <summary>
/// HTTP caching headers. A public read (<see cref="PublicRead"/>) answering 200 gets its strong ETag
/// (<see cref="PublicETag"/>) and <c>Cache-Control: public, max-age, s-maxage</c>; a request whose
/// <c>If-None-Match</c> matches gets 304 before anything is rendered or computed. A signed-in request's response
/// that says nothing else gets <c>private, no-store</c> (the study PDFs of published editions keep their own
/// public headers: they are the same for everyone).
/// </summary>
public sealed partial class PublicCachingMiddleware(RequestDelegate next, PublicationVersion version, HttpCacheSettings settings, ILogger<PublicCachingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!PublicRead.Is(context))
        {
            if (context.User.Identity?.IsAuthenticated == true || !StringValues.IsNullOrEmpty(context.Request.Headers.Authorization))
            {
                context.Response.OnStarting(MarkPrivate, context.Response);
            }

            await next(context);
            return;
        }

        EntityTagHeaderValue? etag = null;
        try
        {
            etag = PublicETag.For(context, await version.GetAsync(context.RequestAborted));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: no validator this time; the page itself answers what it can.
            LogNoVersion(logger, ex.Message);
        }

        if (etag is not null && PublicETag.Matches(context.Request, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetPublicHeaders(context.Response, etag);
            return;
        }

        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.Count == 0)
            {
                SetPublicHeaders(response, etag);
            }
            else if (response.StatusCode == StatusCodes.Status200OK)
            {
                // Something personal was added: never for a shared cache.
                response.Headers.CacheControl = "private, no-store";
            }
            else
            {
                response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    private void SetPublicHeaders(HttpResponse response, EntityTagHeaderValue? etag)
    {
        response.Headers.CacheControl = settings.CacheControl;
        response.Headers.Remove(HeaderNames.Pragma);
        response.Headers.Remove(HeaderNames.Expires);
        if (etag is not null)
        {
            response.Headers.ETag = etag.ToString();
        }

        // The body depends on the content coding only; the compression middleware adds the same for compressed ones.
        if (!response.Headers.Vary.Any(v => v is not null && v.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
    }

    private static Task MarkPrivate(object state)
    {
        var response = (HttpResponse)state;
        var current = response.Headers.CacheControl.ToString();
        if (!current.Contains("public", StringComparison.OrdinalIgnoreCase) && !current.Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.CacheControl = "private, no-store";
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No publication version for an ETag: {Reason}")]
    private static partial void LogNoVersion(ILogger logger, string reason);
}
