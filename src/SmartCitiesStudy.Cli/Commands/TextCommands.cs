using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary>
/// <c>report text set --edition C --block NAME --lang en|es|fr --file F.md [--signatory-name N --signatory-title T]</c>,
/// <c>report text export --edition C --out texts.json</c> and <c>report text import --edition C --file texts.json</c>
/// (every block and language; all or nothing).
/// </summary>
internal static class TextCommands
{
    public static Command Create(CliContext context) =>
        new("text", "The study's editorial texts (foreword, chapters, field introductions, analysis, conclusions).")
        {
            Set(context),
            Export(context),
            Import(context),
        };

    private static Option<string> EditionOption() => new("--edition") { Description = "Edition code, e.g. 2017.", Required = true };

    private static Command Set(CliContext context)
    {
        var edition = EditionOption();
        var block = new Option<string>("--block") { Description = "foreword, uclg, concept, factors, approach, objectives, methodology, cities, field:CODE, subsection:CODE, barriers, facilitators, conclusions.", Required = true };
        var lang = new Option<string>("--lang") { Description = "Language: en, es or fr.", Required = true };
        lang.AcceptOnlyFromAmong([.. TextLanguages.All]);
        var file = new Option<FileInfo>("--file") { Description = "The Markdown file.", Required = true };
        var signatoryName = new Option<string?>("--signatory-name") { Description = "Who signs the foreword." };
        var signatoryTitle = new Option<string?>("--signatory-title") { Description = "The signatory's title." };
        var command = new Command("set", "Write one block in one language from a Markdown file.") { edition, block, lang, file, signatoryName, signatoryTitle };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var path = parse.GetRequiredValue(file);
                if (!path.Exists)
                {
                    await context.Error.WriteLineAsync($"error: file '{path.FullName}' does not exist.");
                    return StudyCli.Failure;
                }

                var input = new TextInput(parse.GetRequiredValue(block), parse.GetRequiredValue(lang), await File.ReadAllTextAsync(path.FullName, ct), parse.GetValue(signatoryName), parse.GetValue(signatoryTitle));
                var result = await services.GetRequiredService<SetEditionText>().ExecuteAsync(parse.GetRequiredValue(edition), input, expectedVersion: null, StudyUser.System, ct);
                if (!result.Saved)
                {
                    await context.Error.WriteLineAsync($"error: {result.Error}");
                    return StudyCli.Failure;
                }

                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Saved {input.Block} ({input.Language}) of edition {parse.GetRequiredValue(edition)}, version {result.Version}."));
                return StudyCli.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var edition = EditionOption();
        var output = new Option<FileInfo>("--out") { Description = "The JSON file to write.", Required = true };
        var command = new Command("export", "Write every block and language of an edition to a JSON file.") { edition, output };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                var texts = await services.GetRequiredService<LoadEditionTexts>().ExecuteAsync(code, ct);
                var path = parse.GetRequiredValue(output);
                await File.WriteAllTextAsync(path.FullName, TextsJson.Write(code, texts.Rows), ct);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {texts.Rows.Count} texts of edition {code} to {path.FullName}."));
                return StudyCli.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command Import(CliContext context)
    {
        var edition = EditionOption();
        var file = new Option<FileInfo>("--file") { Description = "A JSON file as `report text export` writes it.", Required = true };
        var command = new Command("import", "Write every block and language of a JSON file: all or nothing.") { edition, file };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var path = parse.GetRequiredValue(file);
                if (!path.Exists)
                {
                    await context.Error.WriteLineAsync($"error: file '{path.FullName}' does not exist.");
                    return StudyCli.Failure;
                }

                var code = parse.GetRequiredValue(edition);
                var (written, errors) = await services.GetRequiredService<ImportEditionTexts>().ExecuteAsync(code, await File.ReadAllTextAsync(path.FullName, ct), StudyUser.System, ct);
                if (errors.Count > 0)
                {
                    foreach (var error in errors)
                    {
                        await context.Error.WriteLineAsync($"error: {error}");
                    }

                    await context.Error.WriteLineAsync("Nothing was saved.");
                    return StudyCli.Failure;
                }

                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Imported {written} changed texts into edition {code}."));
                return StudyCli.Success;
            },
            cancellationToken));
        return command;
    }
}
