using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

public sealed class DbCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Db_migrate_creates_the_schema_then_a_second_run_is_a_no_op()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var first = await RunAsync(database.ConfigurationValues, "db", "migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("migration(s) applied", first.Output, StringComparison.Ordinal);

        var second = await RunAsync(database.ConfigurationValues, "db", "migrate");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date; nothing to do", second.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, second.Error);

        await using var db = database.CreateContext();
        Assert.Equal(3, await db.Editions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_bad_connection_string_gives_one_clear_line_and_a_non_zero_exit()
    {
        var configuration = new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = "Postgres",
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=topsecret;Timeout=2",
        };

        var result = await RunAsync(configuration, "db", "migrate");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: Cannot reach the database Postgres", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_on_a_database_never_migrated_says_to_migrate_it_without_a_stack_trace()
    {
        var file = Path.Combine(Path.GetTempPath(), $"scs-empty-{Guid.NewGuid():N}.db");
        var result = await RunAsync(
            new Dictionary<string, string?> { [DatabaseSettings.ProviderKey] = "Sqlite", ["ConnectionStrings:Default"] = $"Data Source={file}" },
            "indicators", "--edition", "2017", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db migrate", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_is_named_in_the_error()
    {
        var result = await RunAsync(new Dictionary<string, string?> { [DatabaseSettings.ProviderKey] = "Oracle" }, "db", "migrate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'Oracle'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var result = await RunAsync(new Dictionary<string, string?>(), "db", "frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_demo_prints_the_demo_logins_and_can_run_twice()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await RunAsync(database.ConfigurationValues, "db", "seed-demo");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("secretariat@demo.smartcities.local", first.Output, StringComparison.Ordinal);

        var second = await RunAsync(database.ConfigurationValues, "db", "seed-demo");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 row(s) added", second.Output, StringComparison.Ordinal);
    }
}
