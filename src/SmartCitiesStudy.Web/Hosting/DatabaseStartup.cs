using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// At start: in Development (or with <c>Database:MigrateOnStart=true</c>) migrate, seed reference and demo data and
/// print the demo logins; elsewhere refuse to start on an out-of-date schema and say to run <c>db migrate</c>.
/// </summary>
public static partial class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var database = settings.Describe();
        var migrateOnStart = app.Configuration.GetValue("Database:MigrateOnStart", app.Environment.IsDevelopment());
        var seedDemo = app.Configuration.GetValue("Database:SeedDemoData", app.Environment.IsDevelopment());

        await using var scope = app.Services.CreateAsyncScope();
        if (migrateOnStart)
        {
            var result = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            LogMigrated(logger, database, result.AppliedMigrations.Count);
        }
        else
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                throw new DatabaseConfigurationException(
                    $"The database {database} needs {pending.Count} migration(s). Run: SmartCitiesStudy.Cli db migrate");
            }
        }

        if (seedDemo)
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
            await demo.SeedAsync();
            demo.LogDemoLogins();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: {Database}, {Applied} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, string database, int applied);
}
