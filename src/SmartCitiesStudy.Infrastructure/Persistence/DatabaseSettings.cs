using Microsoft.Extensions.Configuration;

namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>
/// Which database to use and how to reach it, read from configuration:
/// <c>Database:Provider</c> (Sqlite | Postgres, default Sqlite) and <c>ConnectionStrings:Default</c>
/// (default for SQLite: <c>App_Data/smartcities.db</c> under the app's content root).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Default";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRootPath)
    {
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider))
        {
            throw new DatabaseConfigurationException(
                $"Database:Provider is '{providerText}'; it must be 'Sqlite' or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new DatabaseConfigurationException(
                    "Database:Provider is Postgres but ConnectionStrings:Default is empty; set it (e.g. ConnectionStrings__Default=\"Host=…;Database=…;Username=…;Password=…\").");
            }

            var dataFolder = Path.Combine(contentRootPath, "App_Data");
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "smartcities.db")}";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>The connection string with any password removed, for logs and error messages.</summary>
    public string Describe()
    {
        var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)
                        && !p.TrimStart().StartsWith("pwd", StringComparison.OrdinalIgnoreCase));
        return $"{Provider} ({string.Join(';', parts)})";
    }
}
