using Microsoft.Extensions.Configuration;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => v.Value)).Build();

    [Fact]
    public void Sqlite_in_the_app_data_folder_is_the_default()
    {
        var root = Path.Combine(Path.GetTempPath(), "scs-settings-" + Guid.NewGuid().ToString("N"));
        var settings = DatabaseSettings.FromConfiguration(Config(), root);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal($"Data Source={Path.Combine(root, "App_Data", "smartcities.db")}", settings.ConnectionString);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
    }

    [Fact]
    public void The_provider_name_is_case_insensitive()
    {
        var settings = DatabaseSettings.FromConfiguration(Config(("Database:Provider", "postgres"), ("ConnectionStrings:Default", "Host=db")), "/tmp");
        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_valid_ones()
    {
        var ex = Assert.Throws<DatabaseConfigurationException>(() => DatabaseSettings.FromConfiguration(Config(("Database:Provider", "Oracle")), "/tmp"));
        Assert.Contains("'Sqlite' or 'Postgres'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var ex = Assert.Throws<DatabaseConfigurationException>(() => DatabaseSettings.FromConfiguration(Config(("Database:Provider", "Postgres")), "/tmp"));
        Assert.Contains("ConnectionStrings__Default", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptions_for_logs_leave_out_the_password()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=db;Username=app;Password=hunter2;Database=scs");
        Assert.DoesNotContain("hunter2", settings.Describe(), StringComparison.Ordinal);
        Assert.Contains("Host=db", settings.Describe(), StringComparison.Ordinal);
    }
}
