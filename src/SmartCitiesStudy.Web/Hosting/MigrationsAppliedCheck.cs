using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>Readiness: every migration of this build is applied to the database (else run <c>db migrate</c>).</summary>
internal sealed class MigrationsAppliedCheck(IDbContextFactory<StudyDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending} migration(s) pending: run SmartCitiesStudy.Cli db migrate");
    }
}
