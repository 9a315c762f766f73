using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>
/// Creates or upgrades the schema and seeds reference data (roles, the historical editions). Idempotent: a second run
/// on an up-to-date database changes nothing. Connection problems become one readable
/// <see cref="DatabaseConfigurationException"/> instead of a stack trace.
/// </summary>
public sealed partial class DatabaseMigrator(
    StudyDbContext db,
    DatabaseSettings settings,
    ReferenceDataSeeder referenceData,
    ILogger<DatabaseMigrator> logger)
{
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending;
        try
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
            if (pending.Count > 0)
            {
                LogApplying(logger, pending.Count, settings.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (IsConnectionProblem(ex))
        {
            throw new DatabaseConfigurationException(
                $"Cannot reach the database {settings.Describe()}: {Innermost(ex).Message}", ex);
        }

        var seeded = await referenceData.SeedAsync(cancellationToken);
        return new MigrationResult(pending, seeded);
    }

    private static bool IsConnectionProblem(Exception ex) =>
        ex is DbException or SocketException or InvalidOperationException or ArgumentException or TimeoutException
        || ex.InnerException is { } inner && IsConnectionProblem(inner);

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Provider} database")]
    private static partial void LogApplying(ILogger logger, int count, DatabaseProvider provider);
}

/// <summary>What a migration run did: migrations applied and reference rows added.</summary>
public sealed record MigrationResult(IReadOnlyList<string> AppliedMigrations, int ReferenceRowsAdded)
{
    public bool ChangedAnything => AppliedMigrations.Count > 0 || ReferenceRowsAdded > 0;
}
