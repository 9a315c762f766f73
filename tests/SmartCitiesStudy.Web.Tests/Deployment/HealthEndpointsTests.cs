using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Deployment;

/// <summary><c>/health</c> is liveness (the database answers); <c>/health/ready</c> adds migrations and Chromium.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_checks_the_database_the_migrations_and_chromium_and_liveness_only_the_database()
    {
        await using var app = new ConfiguredWebApp("Production", Database.ConfigurationValues);
        using var client = app.CreateClient();
        var (status, body) = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"database\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"migrations\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"chromium\":\"Healthy\"", body, StringComparison.Ordinal);

        (status, body) = await GetAsync(client, "/health");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{\"database\":\"Healthy\"}}", body);
    }

    [Fact]
    public async Task Without_chromium_the_app_lives_but_is_not_ready()
    {
        var settings = new Dictionary<string, string?>(Database.ConfigurationValues) { ["Reports:ChromiumPath"] = "/nonexistent/chromium" };
        await using var app = new ConfiguredWebApp("Production", settings);
        using var client = app.CreateClient();
        var (status, body) = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"chromium\":\"Unhealthy\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health")).Status);
    }

    [Fact]
    public async Task A_database_missing_a_migration_after_the_start_is_not_ready()
    {
        await using var app = new ConfiguredWebApp("Production", Database.ConfigurationValues);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/ready")).Status);

        // As if the database were restored from a backup older than this build.
        await using (var db = Database.CreateContext())
        {
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetDeleteScript(last), TestContext.Current.CancellationToken);
        }

        var (status, body) = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"migrations\":\"Unhealthy\"", body, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
