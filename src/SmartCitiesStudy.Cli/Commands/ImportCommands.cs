using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary><c>import cities --file F.csv [--edition CODE] [--dry-run]</c>.</summary>
internal static class ImportCommands
{
    public static Command Create(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "UTF-8 CSV with the header name,country,region[,slug][,population].", Required = true };
        var edition = new Option<string?>("--edition") { Description = "Edition the populations are for, e.g. 2026." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change; store nothing." };
        var cities = new Command("cities", "Add or update cities from a CSV file, all or nothing; every problem is listed with its row and column.") { file, edition, dryRun };
        cities.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var path = parse.GetRequiredValue(file);
                if (!path.Exists)
                {
                    await context.Error.WriteLineAsync($"error: {path.FullName} does not exist.");
                    return StudyCli.Failure;
                }

                if (path.Length > ImportCities.MaxFileBytes)
                {
                    await context.Error.WriteLineAsync($"error: {path.Name} is larger than {ImportCities.MaxFileBytes / 1024 / 1024} MiB.");
                    return StudyCli.Failure;
                }

                var content = await File.ReadAllBytesAsync(path.FullName, ct);
                var check = parse.GetValue(dryRun);
                var result = await services.GetRequiredService<ImportCities>().ExecuteAsync(content, parse.GetValue(edition), check, StudyUser.System, ct);
                if (!result.Succeeded)
                {
                    foreach (var problem in result.Problems)
                    {
                        await context.Error.WriteLineAsync($"error: {problem}");
                    }

                    await context.Error.WriteLineAsync("Nothing was stored.");
                    return StudyCli.Failure;
                }

                var summary = $"{result.Added} new, {result.Updated} changed, {result.Unchanged} unchanged, {result.Populations} population(s)";
                await context.Output.WriteLineAsync(check ? $"The file is valid; importing it would give: {summary}. Nothing was stored (dry run)." : $"Imported: {summary}.");
                return StudyCli.Success;
            },
            cancellationToken));

        return new Command("import", "Import data from files.") { cities };
    }
}
