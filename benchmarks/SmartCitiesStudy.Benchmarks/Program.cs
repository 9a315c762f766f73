using SmartCitiesStudy.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/SmartCitiesStudy.Benchmarks -- [form-render] [autosave] [pdf] [--saves N]
// Database for autosave: the same settings as the app (Database__Provider, ConnectionStrings__Default); default a
// throwaway SQLite file.
var which = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var all = which.Count == 0 || which.Contains("all");
var saves = args.SkipWhile(a => a != "--saves").Skip(1).Select(int.Parse).FirstOrDefault(400);

var table = new ResultTable();
if (all || which.Contains("form-render"))
{
    await FormRenderBenchmark.RunAsync(table);
}

if (all || which.Contains("autosave"))
{
    await AutosaveBenchmark.RunAsync(table, saves);
}

if (all || which.Contains("pdf"))
{
    await PdfBenchmark.RunAsync(table);
}

table.Print(Console.Out);
