using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Reports.Text;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary>
/// <c>report study --edition CODE [--lang en] --out F.pdf</c> and
/// <c>report factsheet --edition CODE --city SLUG [--lang en] --out F.pdf</c>: render a PDF from the approved
/// responses (not the stored copy), whatever the edition's status; <c>report text …</c> (see <see cref="TextCommands"/>).
/// </summary>
internal static class ReportCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Render the study PDF or a city factsheet.");
        command.Subcommands.Add(Study(context));
        command.Subcommands.Add(Factsheet(context));
        command.Subcommands.Add(TextCommands.Create(context));
        return command;
    }

    private static Command Study(CliContext context)
    {
        var (edition, lang, output) = CommonOptions();
        var command = new Command("study", "The study PDF of an edition: cover, methodology, cities, fields, good practices, annex.") { edition, lang, output };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            (services, ct) => WriteAsync(context, services, ReportRequest.Study(parse.GetRequiredValue(edition), parse.GetValue(lang)!), parse.GetRequiredValue(output), ct),
            cancellationToken));
        return command;
    }

    private static Command Factsheet(CliContext context)
    {
        var (edition, lang, output) = CommonOptions();
        var city = new Option<string>("--city") { Description = "The city's slug, e.g. bilbao.", Required = true };
        var command = new Command("factsheet", "One city's factsheet: its answers next to the study-wide figures, and its good practices.") { edition, city, lang, output };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            (services, ct) => WriteAsync(context, services, ReportRequest.Factsheet(parse.GetRequiredValue(edition), parse.GetRequiredValue(city), parse.GetValue(lang)!), parse.GetRequiredValue(output), ct),
            cancellationToken));
        return command;
    }

    private static (Option<string> Edition, Option<string> Lang, Option<FileInfo> Output) CommonOptions()
    {
        var edition = new Option<string>("--edition") { Description = "Edition code, e.g. 2017.", Required = true };
        var lang = new Option<string>("--lang") { Description = "Language: en, es or fr.", DefaultValueFactory = _ => ReportLanguage.Default };
        lang.AcceptOnlyFromAmong([.. ReportLanguage.All]);
        var output = new Option<FileInfo>("--out") { Description = "The PDF file to write.", Required = true };
        return (edition, lang, output);
    }

    private static async Task<int> WriteAsync(CliContext context, IServiceProvider services, ReportRequest request, FileInfo output, CancellationToken cancellationToken)
    {
        byte[]? pdf;
        try
        {
            pdf = await services.GetRequiredService<ReportService>().RenderAsync(request, PdfPrintOptions.Default, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return StudyCli.Failure;
        }

        if (pdf is null)
        {
            await context.Error.WriteLineAsync(request.CitySlug is null
                ? $"error: there is no edition '{request.EditionCode}' with a questionnaire."
                : $"error: city '{request.CitySlug}' has no approved response in edition '{request.EditionCode}'.");
            return StudyCli.Failure;
        }

        await File.WriteAllBytesAsync(output.FullName, pdf, cancellationToken);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {output.FullName} ({pdf.Length:N0} bytes)."));
        return StudyCli.Success;
    }
}
