using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SmartCitiesStudy.Infrastructure;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Testing;

/// <summary>
/// A fresh, migrated database for one test class, on the provider named by <c>SCS_TEST_DATABASE</c> (Sqlite by
/// default, or Postgres on the server given by the admin connection string <c>SCS_TEST_POSTGRES</c>). Each database
/// is a copy of a template migrated once per test run, so creating one costs milliseconds. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly ConcurrentDictionary<DatabaseProvider, string> Templates = new();

    private TestDatabase(DatabaseProvider provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Name { get; }

    public DatabaseSettings Settings => new(Provider, ConnectionString);

    /// <summary>The configuration keys that point the app or the CLI at this database.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => new Dictionary<string, string?>
    {
        [DatabaseSettings.ProviderKey] = Provider.ToString(),
        ["ConnectionStrings:" + DatabaseSettings.ConnectionStringName] = ConnectionString,
    };

    public static DatabaseProvider ProviderUnderTest =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("SCS_TEST_DATABASE"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    /// <summary>A migrated database with reference data (roles, historical editions).</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var provider = ProviderUnderTest;
        var template = await EnsureTemplateAsync(provider);
        var name = "scs_test_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(SqliteFolder, name + ".db");
            File.Copy(template, path);
            return new TestDatabase(provider, $"Data Source={path};Pooling=False", name);
        }

        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(provider, PostgresConnectionString(name), name);
    }

    /// <summary>An empty database (no schema): for testing migrations themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var provider = ProviderUnderTest;
        var name = "scs_empty_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(SqliteFolder, name + ".db")};Pooling=False", name);
        }

        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(provider, PostgresConnectionString(name), name);
    }

    /// <summary>A context on this database; <paramref name="clock"/> is the "now" no recorded event may pass
    /// (a test's fake clock, when it writes as of a date later than today).</summary>
    public StudyDbContext CreateContext(TimeProvider? clock = null)
    {
        var options = StudyDbContextOptions.Configure(new DbContextOptionsBuilder<StudyDbContext>(), Settings, clock);
        return new StudyDbContext((DbContextOptions<StudyDbContext>)options.Options);
    }

    /// <summary>The infrastructure's services pointed at this database, as the CLI builds them.</summary>
    public ServiceProvider CreateServices(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ConfigurationValues).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddStudyInfrastructure(configuration, Path.GetTempPath());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var path = ConnectionString.Split(';')[0]["Data Source=".Length..];
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static string SqliteFolder
    {
        get
        {
            var folder = Path.Combine(Path.GetTempPath(), "scs-tests");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("SCS_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "SCS_TEST_DATABASE=Postgres needs SCS_TEST_POSTGRES, an admin connection string such as Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres (./test.sh sets both).");

    private static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureTemplateAsync(DatabaseProvider provider)
    {
        if (Templates.TryGetValue(provider, out var ready))
        {
            return ready;
        }

        await TemplateLock.WaitAsync();
        try
        {
            if (Templates.TryGetValue(provider, out ready))
            {
                return ready;
            }

            await using var template = await CreateEmptyAsync();
            var services = template.CreateServices();
            await using (services)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            }

            string id;
            if (provider == DatabaseProvider.Sqlite)
            {
                id = Path.Combine(SqliteFolder, "template_" + Guid.NewGuid().ToString("N") + ".db");
                File.Copy(template.ConnectionString.Split(';')[0]["Data Source=".Length..], id);
            }
            else
            {
                // Keep the migrated database as the template: rename it so dispose does not drop it.
                NpgsqlConnection.ClearAllPools();
                id = "scs_tpl_" + Guid.NewGuid().ToString("N")[..16];
                await ExecuteAdminAsync($"ALTER DATABASE \"{template.Name}\" RENAME TO \"{id}\"");
            }

            Templates[provider] = id;
            return id;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
