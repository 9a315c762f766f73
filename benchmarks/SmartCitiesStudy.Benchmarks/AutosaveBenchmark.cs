using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// The autosave round trip on the server: SaveAnswer (authorisation, validation, version check, history, commit) for
/// one answer, as the form calls it. Sequential, then with several officers saving at once.
/// </summary>
internal static class AutosaveBenchmark
{
    public static async Task RunAsync(ResultTable table, int saves)
    {
        await using var database = await BenchmarkDatabase.CreateAsync();
        var provider = database.Services;
        var (officers, responseIds) = await PrepareAsync(provider, cities: 20);
        var save = provider.GetRequiredService<SaveAnswer>();

        var latencies = new List<double>(saves);
        var versions = new Dictionary<string, int>();
        for (var i = 0; i < saves; i++)
        {
            var path = "q" + (i % 200 / 5 * 5).ToString("000", System.Globalization.CultureInfo.InvariantCulture); // the yes/no questions
            var watch = Stopwatch.StartNew();
            var result = await save.ExecuteAsync(officers[0], responseIds[0], path, i % 2 == 0 ? AnswerValue.Yes : AnswerValue.No, versions.GetValueOrDefault(path));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            versions[path] = result.Version;
        }

        latencies.Sort();
        table.Note("autosave: database", database.Provider.ToString());
        table.Add($"autosave: one officer, {saves} saves, p50", ResultTable.Percentile(latencies, 50), 100);
        table.Add($"autosave: one officer, {saves} saves, p95", ResultTable.Percentile(latencies, 95), 100);

        // 20 cities, their officers saving at the same time (each city's own response).
        var concurrent = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, officers.Count), new ParallelOptions { MaxDegreeOfParallelism = officers.Count }, async (o, ct) =>
        {
            var mine = new Dictionary<string, int>();
            for (var i = 0; i < 20; i++)
            {
                var path = "q" + (i * 5).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                var watch = Stopwatch.StartNew();
                var result = await save.ExecuteAsync(officers[o], responseIds[o], path, AnswerValue.Yes, mine.GetValueOrDefault(path), ct);
                concurrent.Add(watch.Elapsed.TotalMilliseconds);
                mine[path] = result.Version;
            }
        });
        var sorted = concurrent.Order().ToList();
        table.Add($"autosave: {officers.Count} officers at once, p50", ResultTable.Percentile(sorted, 50), 100);
        table.Add($"autosave: {officers.Count} officers at once, p95", ResultTable.Percentile(sorted, 95), 100);
    }

    private static async Task<(List<StudyUser> Officers, List<int> Responses)> PrepareAsync(IServiceProvider provider, int cities)
    {
        var code = "b" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
            db.Editions.Add(new Edition(code, "Benchmark", "BENCH", 2030));
            await db.SaveChangesAsync();
        }

        var saved = await provider.GetRequiredService<SaveQuestionnaire>().ExecuteAsync(code, QuestionnaireJson.Write(SyntheticQuestionnaire.Create(code, 200)), StudyUser.System);
        if (!saved.Saved)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Problems));
        }

        await using var scope2 = provider.CreateAsyncScope();
        var context = scope2.ServiceProvider.GetRequiredService<StudyDbContext>();
        var edition = context.Editions.Single(e => e.Code == code);
        edition.Open(DateTimeOffset.UtcNow);
        var list = Enumerable.Range(0, cities).Select(i => new City($"Bench city {code} {i}", "Benchland", Region.Europe)).ToList();
        context.Cities.AddRange(list);
        await context.SaveChangesAsync();
        var responses = list.Select(c => new Domain.Responses.Response(edition.Id, c.Id, edition.QuestionnaireVersion, DateTimeOffset.UtcNow)).ToList();
        context.Responses.AddRange(responses);
        await context.SaveChangesAsync();
        var officers = list.Select((c, i) => new StudyUser($"officer-{i}", $"Officer {i}", c.Id, new HashSet<string> { StudyRoles.CityOfficer })).ToList();
        return (officers, responses.Select(r => r.Id).ToList());
    }
}
