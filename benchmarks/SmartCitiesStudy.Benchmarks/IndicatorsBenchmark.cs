using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// The indicators of a synthetic edition (N cities × 200 questions, all approved) computed by the application
/// (every counting rule: conditions, validity, breakdowns by region and band), against a yardstick: one hand-written
/// query that only counts answer values per question by region, by band and overall — the least a database must do
/// to give the figures. Median of five warm runs each; the ratio is application ÷ yardstick.
/// </summary>
internal static class IndicatorsBenchmark
{
    private const int Runs = 5;

    public static async Task RunAsync(ResultTable table, IServiceProvider provider, IReadOnlyList<int> cityCounts)
    {
        var compute = provider.GetRequiredService<ComputeIndicators>();
        table.Note("indicators: database", await SettingsAsync(provider));
        foreach (var cities in cityCounts)
        {
            var generate = Stopwatch.StartNew();
            var code = await SyntheticStudy.CreateAsync(provider, cities, questions: 200);
            table.Note($"indicators: generate {cities:N0} cities × 200 questions", $"{generate.Elapsed.TotalSeconds:0.0} s");

            var document = await compute.ExecuteAsync(code) ?? throw new InvalidOperationException("No document.");
            if (document.Respondents != cities)
            {
                throw new InvalidOperationException($"Expected {cities} respondents, got {document.Respondents}.");
            }

            var app = await MedianAsync(() => compute.ExecuteAsync(code));
            var sql = await MedianAsync(() => YardstickAsync(provider, code));
            table.Add($"indicators: {cities:N0} cities, application", app, cities <= 20 ? 20 : 1000);
            table.Add($"indicators: {cities:N0} cities, yardstick (GROUPING SETS)", sql, null);
            table.Note($"indicators: {cities:N0} cities, ratio", (app / sql).ToString("0.00", CultureInfo.InvariantCulture) + "× (goal ≤ 1.3×)");
        }
    }

    private static async Task<double> MedianAsync(Func<Task> action)
    {
        await action(); // warm
        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[Runs / 2];
    }

    // Which database and, for PostgreSQL, the settings that matter for the figures (the goal is for the defaults).
    private static async Task<string> SettingsAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return "SQLite";
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var values = new List<string>();
        foreach (var setting in new[] { "server_version", "fsync", "synchronous_commit", "shared_buffers", "work_mem", "max_parallel_workers_per_gather" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SHOW " + setting;
            values.Add($"{setting} {await command.ExecuteScalarAsync()}");
        }

        return "PostgreSQL: " + string.Join(", ", values);
    }

    // The floor: one query that counts every answer value by question and region, by question and band, and by
    // question overall (which is what shares, choices and means are made of), with no rule applied. PostgreSQL in
    // one pass with GROUPING SETS; SQLite has none, so there the three groupings are one GROUP BY on region and band.
    private static async Task<int> YardstickAsync(IServiceProvider provider, string code)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var grouping = db.Database.IsNpgsql()
            ? "GROUPING SETS ((question_code, value_json, region), (question_code, value_json, band), (question_code, value_json))"
            : "question_code, value_json, region, band";
        command.CommandText = $"""
            SELECT question_code, value_json, region, band, COUNT(*)
            FROM (
                SELECT a.question_code, a.value_json, c.region,
                       CASE WHEN p.population IS NULL THEN NULL WHEN p.population < 50000 THEN 1 WHEN p.population < 100000 THEN 2
                            WHEN p.population < 1000000 THEN 3 ELSE 4 END AS band
                FROM answers a
                JOIN responses r ON r.id = a.response_id
                JOIN editions e ON e.id = r.edition_id
                JOIN cities c ON c.id = r.city_id
                LEFT JOIN city_populations p ON p.city_id = r.city_id AND p.edition_id = r.edition_id
                WHERE e.code = @code AND r.status = 'Approved' AND a.path = a.question_code) AS counted
            GROUP BY {grouping}
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@code";
        parameter.Value = code;
        command.Parameters.Add(parameter);
        var rows = 0;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }
}
