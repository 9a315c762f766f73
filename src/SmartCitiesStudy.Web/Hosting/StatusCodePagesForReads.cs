using Microsoft.AspNetCore.Diagnostics;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// The friendly status page is rendered again with the request's own method and body: for a POST (a form refused for
/// its missing antiforgery token, say) the page would read the refused form and fail with 500. Error statuses of
/// anything but GET and HEAD go out as they are.
/// </summary>
public static class StatusCodePagesForReads
{
    public static IApplicationBuilder UseStatusCodePagesForReadsOnly(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });
}
