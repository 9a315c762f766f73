using Microsoft.AspNetCore.Diagnostics;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// A request the framework refuses while reading it (a form without its antiforgery token, a malformed body) is the
/// client's fault: answer its 4xx status instead of running the error page, which would fail on the same form and
/// answer 500.
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest || httpContext.Response.HasStarted)
        {
            return ValueTask.FromResult(false);
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return ValueTask.FromResult(true);
    }
}
