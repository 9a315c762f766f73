using Microsoft.EntityFrameworkCore;

namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>Configures a context for the chosen provider, with that provider's migrations assembly.</summary>
public static class StudyDbContextOptions
{
    public const string SqliteMigrationsAssembly = "SmartCitiesStudy.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "SmartCitiesStudy.Migrations.Postgres";

    /// <param name="clock">The clock no recorded event may be later than (<see cref="EventTimeInterceptor"/>).</param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings, TimeProvider? clock = null)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new DatabaseConfigurationException($"Unsupported database provider {settings.Provider}.");
        }

        options.UseSnakeCaseNamingConvention();
        options.AddInterceptors(new VersionIncrementInterceptor(), new EventTimeInterceptor(clock ?? TimeProvider.System));
        return options;
    }
}
