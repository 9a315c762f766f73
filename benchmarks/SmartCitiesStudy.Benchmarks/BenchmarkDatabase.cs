using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Infrastructure;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// The application's services against the database the environment names (Database__Provider,
/// ConnectionStrings__Default, as for the app), migrated; without settings, a throwaway SQLite file deleted at the end.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;

    private BenchmarkDatabase(string folder, ServiceProvider services) => (_folder, _services) = (folder, services);

    public IServiceProvider Services => _services;

    public DatabaseProvider Provider => _services.GetRequiredService<DatabaseSettings>().Provider;

    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var folder = Path.Combine(Path.GetTempPath(), "scs-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddStudyApplication();
        services.AddStudyInfrastructure(configuration, folder);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        return new BenchmarkDatabase(folder, provider);
    }

    public async ValueTask DisposeAsync()
    {
        var sqlite = Provider == DatabaseProvider.Sqlite;
        await _services.DisposeAsync();
        if (sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
