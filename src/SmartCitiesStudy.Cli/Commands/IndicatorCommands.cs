using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Cli.Commands;

/// <summary><c>indicators --edition CODE --format json|csv|table</c>: an edition's figures over its approved responses.</summary>
internal static class IndicatorCommands
{
    public static Command Create(CliContext context)
    {
        var edition = new Option<string>("--edition") { Description = "Edition code, e.g. 2017.", Required = true };
        var format = new Option<string>("--format") { Description = "json (the open-data document), csv, or table (for people).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "table");

        var command = new Command("indicators", "Compute an edition's indicators over its approved responses: \"x of N\", never a ranking.") { edition, format };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            async (services, ct) =>
            {
                var code = parse.GetRequiredValue(edition);
                var document = await services.GetRequiredService<ComputeIndicators>().ExecuteAsync(code, ct);
                if (document is null)
                {
                    await context.Error.WriteLineAsync($"error: there is no edition '{code}' with a questionnaire.");
                    return StudyCli.Failure;
                }

                // Written as is (no WriteLine): the JSON is byte for byte what the API returns.
                await context.Output.WriteAsync(parse.GetValue(format) switch
                {
                    "csv" => IndicatorCsv.Write(document),
                    "table" => Table(document),
                    _ => IndicatorJson.Write(document),
                });
                return StudyCli.Success;
            },
            cancellationToken));
        return command;
    }

    private static string Table(IndicatorDocument document)
    {
        var rows = new List<(string Label, string Figure)>();
        foreach (var indicator in document.Indicators)
        {
            indicator.Switch(
                share =>
                {
                    rows.Add((share.Id, XOfN(share.Numerator, share.Denominator, share.Percent) + Missing(share.Missing)));
                    rows.AddRange(share.ByRegion.Concat(share.ByPopulationBand).Select(g => ("  " + g.Group, XOfN(g.Numerator, g.Denominator, g.Percent))));
                },
                choice =>
                {
                    rows.Add((choice.Id, choice.Denominator is { } answered ? $"{answered} answered" + Missing(choice.Missing) : "base not published"));
                    rows.AddRange(choice.Options.Select(o => ("  " + o.Code, XOfN(o.Numerator, choice.Denominator, o.Percent))));
                },
                mean => rows.Add((mean.Id, mean switch
                {
                    { N: 0 } => "no answers" + Missing(mean.Missing),
                    { N: null } => $"mean {Decimal(mean.Mean)} as published",
                    { LowerQuartile: { } q1, UpperQuartile: { } q3 } =>
                        $"mean {Decimal(mean.Mean)}, median {Decimal(mean.Median)}, quartiles {Decimal(q1)}–{Decimal(q3)} over {mean.N}" + Missing(mean.Missing),
                    _ => $"mean {Decimal(mean.Mean)}, median {Decimal(mean.Median)} over {mean.N}" + Missing(mean.Missing),
                })));
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Label.Length);
        var text = new System.Text.StringBuilder();
        if (document.Source == FiguresSource.Published)
        {
            text.Append(CultureInfo.InvariantCulture, $"Edition {document.Edition}: {document.Respondents} participating cities, figures as published\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Edition {document.Edition}: {document.Respondents} approved response(s)\n");
        }
        foreach (var (label, figure) in rows)
        {
            text.Append(label.PadRight(width)).Append("  ").Append(figure).Append('\n');
        }

        return text.ToString();
    }

    private static string XOfN(int? numerator, int? denominator, decimal? percent) => numerator is null || denominator is null
        ? string.Create(CultureInfo.InvariantCulture, $"{(percent is { } printed ? IndicatorJson.Format(printed) + "%" : "n/a")} as published")
        : string.Create(CultureInfo.InvariantCulture, $"{numerator} of {denominator} ({(percent is { } p ? IndicatorJson.Format(p) + "%" : "n/a")})");

    private static string Decimal(decimal? value) => value is { } v ? IndicatorJson.Format(v) : "n/a";

    private static string Missing(int? missing) =>
        missing is null or 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {missing} missing");
}
