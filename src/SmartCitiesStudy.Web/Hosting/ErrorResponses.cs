using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// Unhandled errors outside Development: pages get the friendly error page, the open-data API a problem document
/// (not the HTML page). A database that cannot be reached (stopped, restarting, network) is 503 rather than 500, so
/// load balancers and API clients know to retry.
/// </summary>
public static class ErrorResponses
{
    public static IServiceCollection AddStudyErrorResponses(this IServiceCollection services) =>
        services.AddExceptionHandler<ApiProblemExceptionHandler>();

    public static IApplicationBuilder UseStudyExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            CreateScopeForErrors = true,
            StatusCodeSelector = StatusCodeFor,
        });

    public static int StatusCodeFor(Exception exception) =>
        IsDatabaseUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>True when the error, or one it wraps, is a transient database failure (no connection, timeout).</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Errors under <c>/api</c> answer <c>application/problem+json</c>; everything else goes to the error page.</summary>
    private sealed class ApiProblemExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            // The middleware has already pointed the request at the error page; the feature keeps the original path.
            var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
            if (!new PathString(path).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var status = StatusCodeFor(exception);
            var title = status == StatusCodes.Status503ServiceUnavailable
                ? "The database is unavailable. Try again in a moment."
                : "An unexpected error occurred.";
            await Results.Problem(title: title, statusCode: status).ExecuteAsync(httpContext);
            return true;
        }
    }
}
