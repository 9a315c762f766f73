using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>Writes <c>/health</c> as a small JSON document: overall status and each check's status.</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
