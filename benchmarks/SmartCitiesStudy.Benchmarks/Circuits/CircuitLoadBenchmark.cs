using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Benchmarks.Circuits;

/// <summary>
/// Officers filling in the 200-question section through real Blazor circuits against the web app in its own process:
/// the autosave round trip (event sent → form shows "saved") for one officer alone and for many at once with a
/// person's think time between answers, and the server's memory per open circuit.
/// </summary>
internal static class CircuitLoadBenchmark
{
    private const int Parallelism = 8;
    private const int AloneWarmUp = 3;
    private const int AloneSaves = 30;

    public static async Task RunAsync(ResultTable table, int officers, int saves)
    {
        await using var database = await BenchmarkDatabase.CreateAsync();
        var settings = database.Services.GetRequiredService<DatabaseSettings>();
        var study = await CircuitStudy.CreateAsync(database.Services, officers + 1);
        await using var app = await WebAppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = settings.Provider.ToString(),
            ["ConnectionStrings__Default"] = settings.ConnectionString,
        });
        var page = $"portal/editions/{study.EditionCode}/response";
        table.Note("circuits: database", $"{settings.Provider}, web app pid {app.ProcessId}");

        // One officer alone (the last account), a short pause between answers; the first few warm the server up.
        var alone = new List<double>();
        await using (var client = new BlazorCircuitClient(app.Address))
        {
            await client.SignInAsync(study.Emails[officers], CircuitStudy.Password);
            await client.OpenAsync(page);
            for (var k = 0; k < AloneWarmUp + AloneSaves; k++)
            {
                await Task.Delay(100);
                var time = await client.AnswerYesNoAsync(PathOf(k), ValueOf(k));
                if (k >= AloneWarmUp)
                {
                    alone.Add(time.TotalMilliseconds);
                }
            }
        }

        alone.Sort();
        table.Add($"circuits: 1 officer, {AloneSaves} saves, p50", ResultTable.Percentile(alone, 50), 100);
        table.Add($"circuits: 1 officer, {AloneSaves} saves, p95", ResultTable.Percentile(alone, 95), 100);
        await Task.Delay(2000);

        // Every officer signs in (password hashing dominates), then opens the form: memory before and after.
        var clients = Enumerable.Range(0, officers).Select(_ => new BlazorCircuitClient(app.Address)).ToList();
        try
        {
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, officers), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
                await clients[i].SignInAsync(study.Emails[i], CircuitStudy.Password));
            var signIn = watch.Elapsed;
            await Task.Delay(3000);
            var before = app.Memory();
            watch.Restart();
            var opening = new ConcurrentBag<double>();
            await Parallel.ForEachAsync(Enumerable.Range(0, officers), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
            {
                var one = Stopwatch.StartNew();
                await clients[i].OpenAsync(page);
                opening.Add(one.Elapsed.TotalMilliseconds);
            });
            var open = watch.Elapsed;
            await Task.Delay(5000);
            var after = app.Memory();
            var openSorted = opening.Order().ToList();
            table.Note($"circuits: {officers} sign-ins, {Parallelism} at a time", Seconds(signIn));
            table.Note($"circuits: {officers} forms opened, {Parallelism} at a time", $"{Seconds(open)}, p50 {Ms(ResultTable.Percentile(openSorted, 50))}");
            table.Note("circuits: web app memory, no circuit", $"{before.ResidentKiB / 1024} MiB");
            table.Note($"circuits: web app memory, {officers} circuits", $"{after.ResidentKiB / 1024} MiB");
            table.Note("circuits: resident memory per circuit", $"{(after.ResidentKiB - before.ResidentKiB) / officers} KiB");
            table.Note("circuits: anonymous memory per circuit", $"{(after.AnonymousKiB - before.AnonymousKiB) / officers} KiB");

            // Everybody answers at once, like people typing: a random pause of 0.5–2 s before each answer.
            var latencies = new ConcurrentBag<double>();
            var errors = new ConcurrentBag<string>();
            var cpuBefore = app.CpuTime();
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            await Parallel.ForEachAsync(Enumerable.Range(0, officers), new ParallelOptions { MaxDegreeOfParallelism = officers }, async (i, cancellation) =>
            {
                var random = new Random(i);
                for (var k = 0; k < saves; k++)
                {
                    await Task.Delay(random.Next(500, 2000), cancellation);
                    try
                    {
                        latencies.Add((await clients[i].AnswerYesNoAsync(PathOf(k), ValueOf(k))).TotalMilliseconds);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                    {
                        errors.Add(ex.Message);
                    }
                }
            });
            var run = watch.Elapsed;
            var cpu = app.CpuTime() - cpuBefore;
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
            var sorted = latencies.Order().ToList();
            table.Add($"circuits: {officers} officers × {saves} saves, p50", ResultTable.Percentile(sorted, 50), 100);
            table.Add($"circuits: {officers} officers × {saves} saves, p95", ResultTable.Percentile(sorted, 95), 100);
            table.Add($"circuits: {officers} officers × {saves} saves, p99", ResultTable.Percentile(sorted, 99), null);
            table.Add($"circuits: {officers} officers × {saves} saves, max", sorted.LastOrDefault(), null);
            table.Note("circuits: saves per second, server CPU", $"{(sorted.Count / run.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)}/s, {(cpu / run * 100).ToString("0", CultureInfo.InvariantCulture)}% of one core");
            table.Note("circuits: load generator CPU", $"{(clientCpu / run * 100).ToString("0", CultureInfo.InvariantCulture)}% of one core");
            table.Note("circuits: errors", errors.IsEmpty ? "0" : $"{errors.Count} (first: {errors.First()})");
            table.Note($"circuits: web app memory after saving", $"{app.Memory().ResidentKiB / 1024} MiB");

            var stored = await study.StoredChangesAsync(database.Services);
            var expected = AloneWarmUp + alone.Count + sorted.Count;
            table.Note("circuits: saves stored / confirmed", $"{stored} / {expected}{(stored == expected ? string.Empty : " MISMATCH")}");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    // The yes/no questions always shown (every fifth), in turn; a second round gives the other answer.
    private static string PathOf(int k) => "q" + (k % 40 * 5).ToString("000", CultureInfo.InvariantCulture);

    private static bool ValueOf(int k) => k / 40 % 2 == 0;

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
