using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Persistence.Backups;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary><c>db migrate</c>, <c>db seed-demo</c>, <c>db backup --out F</c> and <c>db restore --file F</c>.</summary>
internal static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema and add reference data (roles, editions). Safe to run again.");
        migrate.SetAction((_, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var settings = services.GetRequiredService<DatabaseSettings>();
                var result = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                var database = settings.Describe();
                await context.Output.WriteLineAsync(result.ChangedAnything
                    ? $"Database {database}: {result.AppliedMigrations.Count} migration(s) applied, {result.ReferenceRowsAdded} reference row(s) added."
                    : $"Database {database} is up to date; nothing to do.");
                return StudyCli.Success;
            },
            cancellationToken));

        var seedDemo = new Command("seed-demo", "Add demo cities, the open demo edition and demo accounts (for trying the portal; never in production).");
        seedDemo.SetAction((_, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                var seeder = services.GetRequiredService<DemoDataSeeder>();
                var added = await seeder.SeedAsync(ct);
                await context.Output.WriteLineAsync($"Demo data: {added} row(s) added.");
                foreach (var account in DemoAccounts.All)
                {
                    await context.Output.WriteLineAsync($"  {account.Role,-12} {account.Email} / {DemoAccounts.Password}");
                }

                return StudyCli.Success;
            },
            cancellationToken));

        return new Command("db", "Database schema, seed data, backups.") { migrate, seedDemo, Backup(context), Restore(context) };
    }

    private static Command Backup(CliContext context)
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (SQLite: a database file; PostgreSQL: a pg_dump custom-format archive).", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var backup = new Command("backup", "Back the database up to one file, consistently, while the app runs.") { output, force };
        backup.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var result = await Guarded(context, () => services.GetRequiredService<DatabaseBackup>().BackupAsync(parse.GetRequiredValue(output).FullName, parse.GetValue(force), ct));
                if (result is null)
                {
                    return StudyCli.Failure;
                }

                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backed up {services.GetRequiredService<DatabaseSettings>().Describe()} (schema {result.SchemaVersion}) to {result.Path} ({result.Bytes:N0} bytes)."));
                return StudyCli.Success;
            },
            cancellationToken));
        return backup;
    }

    private static Command Restore(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "A file written by `db backup` for this provider.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace everything in a database that is not empty." };
        var restore = new Command("restore", "Restore a backup into this installation's database (stop the app first). Refuses a database that is not empty unless --force.") { file, force };
        restore.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var result = await Guarded(context, () => services.GetRequiredService<DatabaseBackup>().RestoreAsync(parse.GetRequiredValue(file).FullName, parse.GetValue(force), ct));
                if (result is null)
                {
                    return StudyCli.Failure;
                }

                await context.Output.WriteLineAsync($"Restored {parse.GetRequiredValue(file).FullName} into {services.GetRequiredService<DatabaseSettings>().Describe()} (schema {result.SchemaVersion}).");
                if (result.NeedsMigrate)
                {
                    await context.Output.WriteLineAsync("The backup's schema is older than this version of the application: run `db migrate` before starting the app.");
                }

                return StudyCli.Success;
            },
            cancellationToken));
        return restore;
    }

    private static async Task<T?> Guarded<T>(CliContext context, Func<Task<T>> work)
        where T : class
    {
        try
        {
            return await work();
        }
        catch (BackupException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }
}
