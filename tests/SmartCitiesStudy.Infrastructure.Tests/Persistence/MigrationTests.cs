using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var services = database.CreateServices();

        MigrationResult first;
        await using (var scope = services.CreateAsyncScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        Assert.NotEmpty(first.AppliedMigrations);
        Assert.True(first.ReferenceRowsAdded >= 6, "three roles and three historical editions");

        await using (var scope = services.CreateAsyncScope())
        {
            var second = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
            Assert.False(second.ChangedAnything);
        }

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        var codes = await db.Editions.OrderBy(e => e.Code).Select(e => e.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["2012", "2017", "2019"], codes);
        Assert.All(await db.Editions.ToListAsync(TestContext.Current.CancellationToken), e => Assert.Equal(EditionStatus.Published, e.Status));
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations_of_the_provider_under_test()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration for {database.Provider}: the model changed since the last one.");
    }

    [Fact]
    public async Task An_unreachable_database_gives_one_readable_error_without_the_password()
    {
        var settings = TestDatabase.ProviderUnderTest == DatabaseProvider.Postgres
            ? "Host=127.0.0.1;Port=1;Database=nowhere;Username=someone;Password=s3cret;Timeout=2"
            : "Data Source=/nonexistent-folder/sub/db.sqlite";
        var values = new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = TestDatabase.ProviderUnderTest.ToString(),
            ["ConnectionStrings:Default"] = settings,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddStudyInfrastructure(configuration, Path.GetTempPath());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var ex = await Assert.ThrowsAsync<DatabaseConfigurationException>(
            () => scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("Cannot reach the database", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }
}
