using SmartCitiesStudy.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/SmartCitiesStudy.Benchmarks -- [form-render] [autosave] [indicators] [export] [package] [pdf]
//        [circuits] [--saves N] [--cities 20,1000,10000] [--export-responses 100000] [--package-cities 10000]
//        [--officers 200]
// circuits (not part of "all": it starts the web app and needs PostgreSQL for a fair figure) drives real Blazor circuits
// over SignalR: --officers at once, each making --saves answers (default 10).
// Database for autosave and indicators: the same settings as the app (Database__Provider, ConnectionStrings__Default);
// default a throwaway SQLite file. The pdf benchmark always uses its own throwaway SQLite file with the demo data.
var which = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var all = which.Count == 0 || which.Contains("all");
var savesOption = args.SkipWhile(a => a != "--saves").Skip(1).Select(int.Parse).FirstOrDefault();
var saves = savesOption > 0 ? savesOption : 400;

var table = new ResultTable();
if (all || which.Contains("form-render"))
{
    await FormRenderBenchmark.RunAsync(table);
}

if (all || which.Contains("autosave"))
{
    await AutosaveBenchmark.RunAsync(table, saves);
}

if (all || which.Contains("indicators"))
{
    var cities = args.SkipWhile(a => a != "--cities").Skip(1).Select(a => a.Split(',').Select(int.Parse).ToList()).FirstOrDefault([20, 1000, 10000]);
    await using var database = await BenchmarkDatabase.CreateAsync();
    await IndicatorsBenchmark.RunAsync(table, database.Services, cities);
}

if (all || which.Contains("export"))
{
    var responses = args.SkipWhile(a => a != "--export-responses").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
    await using var database = await BenchmarkDatabase.CreateAsync();
    await ExportBenchmark.RunAsync(table, database.Services, responses, questions: 50);
}

if (all || which.Contains("package"))
{
    var cities = args.SkipWhile(a => a != "--package-cities").Skip(1).Select(int.Parse).FirstOrDefault(10_000);
    await using var database = await BenchmarkDatabase.CreateAsync();
    await PackageBenchmark.RunAsync(table, database.Services, cities, questions: 50);
}

if (all || which.Contains("pdf"))
{
    await PdfBenchmark.RunAsync(table);
}

if (which.Contains("circuits"))
{
    var officers = args.SkipWhile(a => a != "--officers").Skip(1).Select(int.Parse).FirstOrDefault(200);
    await SmartCitiesStudy.Benchmarks.Circuits.CircuitLoadBenchmark.RunAsync(table, officers, savesOption > 0 ? savesOption : 10);
}

table.Print(Console.Out);
