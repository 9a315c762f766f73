using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// <c>/health</c>, liveness: the app runs and its database answers. <c>/health/ready</c>, readiness: also every
/// migration applied and Chromium runnable (the PDFs); what a load balancer or the container health check asks.
/// Both answer 200 when healthy, 503 otherwise, with each check's status as JSON.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadinessTag = "ready";

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(ReadinessTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        return app;
    }
}
