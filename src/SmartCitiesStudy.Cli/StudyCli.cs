using System.CommandLine;
using SmartCitiesStudy.Cli.Commands;

namespace SmartCitiesStudy.Cli;

/// <summary>
/// The command line: <c>db migrate</c>, <c>db seed-demo</c>, … Exit code 0 on success, 1 when the work failed (the
/// reason is one line on the error stream), 2 for a command line that cannot be understood.
/// </summary>
public static class StudyCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? configurationOverrides = null)
    {
        var context = new CliContext(output, error, configurationOverrides);
        var root = new RootCommand("Smart Cities Study portal: database, imports, indicators and reports.")
        {
            DbCommands.Create(context),
            EditionCommands.Create(context),
            QuestionnaireCommands.Create(context),
            ExportCommands.Create(context),
            IndicatorCommands.Create(context),
            ImportCommands.Create(context),
            ReportCommands.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run with --help to see the commands.");
            return UsageError;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(configuration);
    }
}
