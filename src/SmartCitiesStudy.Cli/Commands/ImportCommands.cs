using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary>
/// <c>import cities --file F.csv [--edition CODE] [--dry-run]</c> and
/// <c>import responses --edition CODE --file F.csv [--dry-run] [--replace] [--replace-published]</c>.
/// </summary>
internal static class ImportCommands
{
    public static Command Create(CliContext context) => new("import", "Import data from files.") { Cities(context), Responses(context) };

    private static Command Cities(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "UTF-8 CSV with the header name,country,region[,slug][,population].", Required = true };
        var edition = new Option<string?>("--edition") { Description = "Edition the populations are for, e.g. 2026." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change; store nothing." };
        var cities = new Command("cities", "Add or update cities from a CSV file, all or nothing; every problem is listed with its row and column.") { file, edition, dryRun };
        cities.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                if (await ReadAsync(context, parse.GetRequiredValue(file), ImportCities.MaxFileBytes, ct) is not { } content)
                {
                    return StudyCli.Failure;
                }

                var check = parse.GetValue(dryRun);
                var result = await services.GetRequiredService<ImportCities>().ExecuteAsync(content, parse.GetValue(edition), check, StudyUser.System, ct);
                if (!result.Succeeded)
                {
                    return await RefusedAsync(context, result.Problems);
                }

                var summary = $"{result.Added} new, {result.Updated} changed, {result.Unchanged} unchanged, {result.Populations} population(s)";
                await context.Output.WriteLineAsync(check ? $"The file is valid; importing it would give: {summary}. Nothing was stored (dry run)." : $"Imported: {summary}.");
                return StudyCli.Success;
            },
            cancellationToken));
        return cities;
    }

    private static Command Responses(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "UTF-8 CSV with the header city,country,region,population,status then question codes (docs/import-responses.md).", Required = true };
        var edition = new Option<string>("--edition") { Description = "Edition the responses are for, e.g. 2026 (draft, open or closed; not published).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would happen; store nothing." };
        var replace = new Option<bool>("--replace") { Description = "Replace the answers and status of responses that already exist (otherwise they are refused)." };
        var replacePublished = new Option<bool>("--replace-published") { Description = "For an edition shown as published (2012, 2017, 2019): let its approved responses replace the published figures with computed ones (audited)." };
        var responses = new Command("responses", "Import existing responses from a CSV file, all or nothing; every problem is listed with its row and column.") { edition, file, dryRun, replace, replacePublished };
        responses.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                if (await ReadAsync(context, parse.GetRequiredValue(file), ImportResponses.MaxFileBytes, ct) is not { } content)
                {
                    return StudyCli.Failure;
                }

                var check = parse.GetValue(dryRun);
                var result = await services.GetRequiredService<ImportResponses>().ExecuteAsync(content, parse.GetRequiredValue(edition), check, parse.GetValue(replace), parse.GetValue(replacePublished), StudyUser.System, ct);
                if (!result.Succeeded)
                {
                    return await RefusedAsync(context, result.Problems);
                }

                var summary = $"{result.NewCities} new cities, {result.Created} responses created, {result.Replaced} replaced, {result.Answers} answers, {result.Populations} population(s)";
                await context.Output.WriteLineAsync(check ? $"The file is valid; importing it would give: {summary}. Nothing was stored (dry run)." : $"Imported: {summary}.");
                return StudyCli.Success;
            },
            cancellationToken));
        return responses;
    }

    private static async Task<byte[]?> ReadAsync(CliContext context, FileInfo path, long maxBytes, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            await context.Error.WriteLineAsync($"error: {path.FullName} does not exist.");
            return null;
        }

        if (path.Length > maxBytes)
        {
            await context.Error.WriteLineAsync($"error: {path.Name} is larger than {maxBytes / 1024 / 1024} MiB.");
            return null;
        }

        return await File.ReadAllBytesAsync(path.FullName, cancellationToken);
    }

    private static async Task<int> RefusedAsync(CliContext context, IEnumerable<CsvProblem> problems)
    {
        foreach (var problem in problems)
        {
            await context.Error.WriteLineAsync($"error: {problem}");
        }

        await context.Error.WriteLineAsync("Nothing was stored.");
        return StudyCli.Failure;
    }
}
