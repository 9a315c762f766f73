using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary><c>questionnaire validate | export | import</c>.</summary>
internal static class QuestionnaireCommands
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "Questionnaire JSON file (docs/questionnaire-format.md).", Required = true };
        var edition = new Option<string>("--edition") { Description = "Edition code, e.g. 2017.", Required = true };

        var validate = new Command("validate", "Check a questionnaire file; every problem is listed with its JSON path. Needs no database.") { file };
        validate.SetAction(async (parse, _) =>
        {
            var json = await ReadAsync(context, parse.GetRequiredValue(file));
            if (json is null)
            {
                return StudyCli.Failure;
            }

            var (definition, report) = QuestionnaireJson.Parse(json);
            await WriteWarningsAsync(context, report.Warnings);
            if (definition is null)
            {
                await WriteErrorsAsync(context, report.Errors);
                return StudyCli.Failure;
            }

            var questions = definition.Questions.Count();
            await context.Output.WriteLineAsync(
                $"Valid: edition {definition.Edition}, {definition.Sections.Count} section(s), {questions} question(s), {report.Warnings.Count} warning(s).");
            return StudyCli.Success;
        });

        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xlsx");
        var version = new Option<int?>("--version") { Description = "A version number (default: the current one)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of the standard output." };
        var export = new Command("export", "Write an edition's questionnaire as JSON, or as an XLSForm workbook (--format xlsx --out F.xlsx).") { edition, format, version, output };
        export.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                var snapshot = await services.GetRequiredService<LoadQuestionnaire>().ExecuteAsync(code, parse.GetValue(version), ct);
                if (snapshot is null)
                {
                    await context.Error.WriteLineAsync($"error: edition '{code}' has no questionnaire{(parse.GetValue(version) is { } v ? $" version {v}" : string.Empty)}.");
                    return StudyCli.Failure;
                }

                if (parse.GetValue(format) == "xlsx")
                {
                    if (parse.GetValue(output) is not { } workbook)
                    {
                        await context.Error.WriteLineAsync("error: --format xlsx needs --out F.xlsx.");
                        return StudyCli.Failure;
                    }

                    await using (var stream = File.Create(workbook.FullName))
                    {
                        services.GetRequiredService<IQuestionnaireSpreadsheet>().Write(snapshot.Definition, stream, snapshot.VersionNumber);
                    }

                    await context.Output.WriteLineAsync($"Wrote edition {code} questionnaire version {snapshot.VersionNumber} to {workbook.FullName} (XLSForm).");
                    return StudyCli.Success;
                }

                var json = QuestionnaireJson.Write(snapshot.Definition);
                if (parse.GetValue(output) is { } target)
                {
                    await File.WriteAllTextAsync(target.FullName, json + "\n", ct);
                    await context.Output.WriteLineAsync($"Wrote edition {code} questionnaire version {snapshot.VersionNumber} to {target.FullName}.");
                }
                else
                {
                    await context.Output.WriteLineAsync(json);
                }

                return StudyCli.Success;
            },
            cancellationToken));

        var import = new Command("import", "Store a questionnaire (JSON, or an XLSForm .xlsx workbook) for an edition: in place while it is a draft, as a new version once it is open.") { edition, file };
        import.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var source = parse.GetRequiredValue(file);
                var code = parse.GetRequiredValue(edition);
                SaveQuestionnaireResult result;
                if (source.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    if (!await CheckAsync(context, source))
                    {
                        return StudyCli.Failure;
                    }

                    await using var stream = source.OpenRead();
                    result = await services.GetRequiredService<ImportQuestionnaireSpreadsheet>().ExecuteAsync(code, stream, StudyUser.System, ct);
                }
                else
                {
                    var json = await ReadAsync(context, source);
                    if (json is null)
                    {
                        return StudyCli.Failure;
                    }

                    result = await services.GetRequiredService<SaveQuestionnaire>().ExecuteAsync(code, json, StudyUser.System, ct);
                }

                await WriteWarningsAsync(context, result.Warnings);
                if (!result.Saved)
                {
                    await WriteErrorsAsync(context, result.Problems);
                    await context.Error.WriteLineAsync("Nothing was stored.");
                    return StudyCli.Failure;
                }

                await context.Output.WriteLineAsync(result switch
                {
                    { Unchanged: true } => $"Edition {code}: the questionnaire is unchanged (version {result.VersionNumber}).",
                    { NewVersion: true } => $"Edition {code}: stored as questionnaire version {result.VersionNumber}.",
                    _ => $"Edition {code}: questionnaire version {result.VersionNumber} updated (the edition is a draft).",
                });
                return StudyCli.Success;
            },
            cancellationToken));

        return new Command("questionnaire", "Questionnaire definitions: validate, export, import.") { validate, export, import };
    }

    private static async Task<bool> CheckAsync(CliContext context, FileInfo file)
    {
        if (!file.Exists)
        {
            await context.Error.WriteLineAsync($"error: {file.FullName} does not exist.");
            return false;
        }

        if (file.Length > MaxFileBytes)
        {
            await context.Error.WriteLineAsync($"error: {file.Name} is {file.Length / 1024 / 1024} MiB; questionnaire files are limited to {MaxFileBytes / 1024 / 1024} MiB.");
            return false;
        }

        return true;
    }

    private static async Task<string?> ReadAsync(CliContext context, FileInfo file)
    {
        if (!await CheckAsync(context, file))
        {
            return null;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(file.FullName);
            return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            await context.Error.WriteLineAsync($"error: {file.Name} is not UTF-8 text. Save it as UTF-8 and try again.");
            return null;
        }
    }

    private static async Task WriteErrorsAsync(CliContext context, IReadOnlyList<DefinitionProblem> problems)
    {
        foreach (var problem in problems)
        {
            await context.Error.WriteLineAsync($"error: {problem.Path}: {problem.Message}");
        }
    }

    private static async Task WriteWarningsAsync(CliContext context, IReadOnlyList<DefinitionProblem> warnings)
    {
        const int shown = 10;
        foreach (var warning in warnings.Take(shown))
        {
            await context.Error.WriteLineAsync($"warning: {warning.Path}: {warning.Message}");
        }

        if (warnings.Count > shown)
        {
            await context.Error.WriteLineAsync($"warning: … and {warnings.Count - shown} more.");
        }
    }
}
