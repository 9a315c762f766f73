using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.DataPackages;
using SmartCitiesStudy.Application.Features.Exports;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary>
/// <c>export responses --edition CODE --format csv|xlsx --out F [--other-texts]</c> and
/// <c>export package --edition CODE --out F.zip [--url U]</c>.
/// </summary>
internal static class ExportCommands
{
    public static Command Create(CliContext context)
    {
        var edition = new Option<string>("--edition") { Description = "Edition code, e.g. 2017.", Required = true };
        var format = new Option<string>("--format") { Description = "File format.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var otherTexts = new Option<bool>("--other-texts") { Description = "Add the CODE_other columns: what cities typed for \"other\" (not public; the open-data API leaves them out)." };
        var responses = new Command("responses", "Write the approved answers of an edition, one row per city (no personal data), as the open-data API does.") { edition, format, output, otherTexts };
        responses.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                var table = await services.GetRequiredService<ExportApprovedResponses>().ExecuteAsync(code, parse.GetValue(otherTexts), ct);
                if (table is null)
                {
                    await context.Error.WriteLineAsync($"error: edition '{code}' does not exist or has no questionnaire.");
                    return StudyCli.Failure;
                }

                var target = parse.GetRequiredValue(output);
                var rows = 0;
                var counted = table with { Rows = Count(table.Rows, () => rows++) };
                await using (var file = File.Create(target.FullName))
                {
                    if (parse.GetValue(format) == "xlsx")
                    {
                        await ResponseTableXlsx.WriteAsync(counted, file, $"Smart Cities Study {code}", ct);
                    }
                    else
                    {
                        await ResponseTableCsv.WriteAsync(counted, file, ct);
                    }
                }

                await context.Output.WriteLineAsync($"Wrote {rows} approved response(s) of edition {code} to {target.FullName}.");
                return StudyCli.Success;
            },
            cancellationToken));
        return new Command("export", "Export data.") { responses, Package(context) };
    }

    private static Command Package(CliContext context)
    {
        var edition = new Option<string>("--edition") { Description = "Edition code, e.g. 2017.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The ZIP file to write.", Required = true };
        var url = new Option<string?>("--url") { Description = "The edition's public page, cited as the data's address (e.g. https://study.example.org/editions/2017)." };
        var package = new Command("package", "Write a published edition as a citable Frictionless Data Package (ZIP), as the open-data API does.") { edition, output, url };
        package.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                Uri? page = null;
                if (parse.GetValue(url) is { } given && !Uri.TryCreate(given, UriKind.Absolute, out page))
                {
                    await context.Error.WriteLineAsync($"error: --url '{given}' is not an absolute address such as https://study.example.org/editions/{code}.");
                    return StudyCli.Failure;
                }

                var prepared = await services.GetRequiredService<BuildDataPackage>().PrepareAsync(code, page, ct);
                if (prepared is null)
                {
                    await context.Error.WriteLineAsync($"error: edition '{code}' does not exist or is not published.");
                    return StudyCli.Failure;
                }

                var target = parse.GetRequiredValue(output);
                DataPackageCounts counts;
                await using (var file = File.Create(target.FullName))
                {
                    counts = await DataPackageZip.WriteAsync(prepared, file, ct);
                }

                await context.Output.WriteLineAsync(
                    $"Wrote the data package of edition {code} to {target.FullName}: {counts.Responses} response(s), {counts.Indicators} indicator row(s), {counts.Questions} question(s), {counts.Cities} cities.");
                return StudyCli.Success;
            },
            cancellationToken));
        return package;
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Count(IAsyncEnumerable<IReadOnlyList<string?>> rows, Action counted)
    {
        await foreach (var row in rows)
        {
            counted();
            yield return row;
        }
    }
}
