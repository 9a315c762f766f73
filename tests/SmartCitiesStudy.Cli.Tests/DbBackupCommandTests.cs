using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Cli.Tests;

/// <summary><c>db backup</c> and <c>db restore</c> on the provider under test (SQLite's backup API, pg_dump/pg_restore).</summary>
public sealed class DbBackupCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scs-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StudyCli.RunAsync(args, output, error, configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<List<string>> AnswersAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.Answers.Select(a => new { a.ResponseId, a.Path, a.ValueJson, a.Version }).ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Select(a => $"{a.ResponseId}|{a.Path}|{a.ValueJson}|{a.Version}").Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> FiguresAsync(TestDatabase database)
    {
        var figures = new List<string>();
        foreach (var edition in new[] { "2017", "2019", "2026" })
        {
            var result = await RunAsync(database.ConfigurationValues, "indicators", "--edition", edition, "--format", "json");
            Assert.Equal(0, result.ExitCode);
            figures.Add(result.Output);
        }

        return figures;
    }

    private static async Task<TestDatabase> DemoAsync()
    {
        var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await RunAsync(database.ConfigurationValues, "db", "seed-demo")).ExitCode);
        return database;
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_has_every_answer_and_every_figure()
    {
        await using var source = await DemoAsync();
        var file = Path.Combine(_folder, "study.backup");

        var backup = await RunAsync(source.ConfigurationValues, "db", "backup", "--out", file);
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains($"to {file} (", backup.Output, StringComparison.Ordinal);

        await using var target = await TestDatabase.CreateEmptyAsync();
        var restore = await RunAsync(target.ConfigurationValues, "db", "restore", "--file", file);
        Assert.Equal((0, string.Empty), (restore.ExitCode, restore.Error));
        Assert.Contains("Restored", restore.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("db migrate", restore.Output, StringComparison.Ordinal);

        var answers = await AnswersAsync(source);
        Assert.True(answers.Count > 100, $"the demo has answers to compare ({answers.Count})");
        Assert.Equal(answers, await AnswersAsync(target));
        Assert.Equal(await FiguresAsync(source), await FiguresAsync(target));
        Assert.Contains("up to date", (await RunAsync(target.ConfigurationValues, "db", "migrate")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_is_not_empty_is_replaced_only_with_force()
    {
        await using var source = await DemoAsync();
        var file = Path.Combine(_folder, "study.backup");
        Assert.Equal(0, (await RunAsync(source.ConfigurationValues, "db", "backup", "--out", file)).ExitCode);

        await using var target = await TestDatabase.CreateAsync(); // migrated, reference data, no demo answers
        var refused = await RunAsync(target.ConfigurationValues, "db", "restore", "--file", file);
        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is not empty", line, StringComparison.Ordinal);
        Assert.Contains("--force", line, StringComparison.Ordinal);
        Assert.Empty(await AnswersAsync(target));

        var forced = await RunAsync(target.ConfigurationValues, "db", "restore", "--file", file, "--force");
        Assert.Equal((0, string.Empty), (forced.ExitCode, forced.Error));
        Assert.Equal(await AnswersAsync(source), await AnswersAsync(target));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_unless_forced()
    {
        await using var source = await TestDatabase.CreateAsync();
        var file = Path.Combine(_folder, "existing.backup");
        await File.WriteAllTextAsync(file, "keep me", TestContext.Current.CancellationToken);

        var refused = await RunAsync(source.ConfigurationValues, "db", "backup", "--out", file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"error: {file} already exists: pass --force to overwrite it.", refused.Error.Trim());
        Assert.Equal("keep me", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));

        Assert.Equal(0, (await RunAsync(source.ConfigurationValues, "db", "backup", "--out", file, "--force")).ExitCode);
        Assert.NotEqual("keep me", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_or_is_of_a_newer_schema_is_refused_before_anything_changes()
    {
        await using var target = await TestDatabase.CreateEmptyAsync();
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database", TestContext.Current.CancellationToken);
        var notBackup = await RunAsync(target.ConfigurationValues, "db", "restore", "--file", text);
        Assert.Equal(1, notBackup.ExitCode);
        Assert.Contains("is not a backup", notBackup.Error, StringComparison.Ordinal);

        var missing = await RunAsync(target.ConfigurationValues, "db", "restore", "--file", Path.Combine(_folder, "missing.backup"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);

        // A backup made by a newer version of the application (a migration this one does not have).
        await using var newer = await TestDatabase.CreateAsync();
        await using (var db = newer.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ('99990101000000_FromTheFuture', '10.0.0')",
                TestContext.Current.CancellationToken);
        }

        var file = Path.Combine(_folder, "newer.backup");
        Assert.Equal(0, (await RunAsync(newer.ConfigurationValues, "db", "backup", "--out", file)).ExitCode);
        var refused = await RunAsync(target.ConfigurationValues, "db", "restore", "--file", file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("99990101000000_FromTheFuture", refused.Error, StringComparison.Ordinal);
        Assert.Contains("does not know", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);

        await using var check = target.CreateContext();
        Assert.Empty(await check.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
