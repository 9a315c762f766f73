using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary><c>db migrate</c> and <c>db seed-demo</c>.</summary>
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

        return new Command("db", "Database schema and seed data.") { migrate, seedDemo };
    }
}
