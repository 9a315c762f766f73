using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Infrastructure;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Reports;
using SmartCitiesStudy.Infrastructure.Seeding;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// The 2017 study PDF on the demo data: the first PDF of a process (Chromium starts), a warm one (median of 10;
/// two Chromium passes for the contents' page numbers), and Chromium printing the same final HTML bare — a fresh page
/// with SetContent + PdfAsync, and <c>chromium --headless --print-to-pdf</c> — for the ratio.
/// </summary>
internal static class PdfBenchmark
{
    private const int Runs = 10;

    public static async Task RunAsync(ResultTable table)
    {
        var folder = Path.Combine(Path.GetTempPath(), "scs-bench-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder, "bench.db")}" })
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddStudyApplication();
        services.AddStudyInfrastructure(configuration, folder);
        await using (var provider = services.BuildServiceProvider())
        {
            await using (var scope = provider.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
            }

            var reports = provider.GetRequiredService<ReportService>();
            var request = ReportRequest.Study("2017", "en");
            // The first database work of the process (EF model, first queries) is not the PDF's: measured apart.
            var watch = Stopwatch.StartNew();
            _ = await provider.GetRequiredService<BuildStudyReport>().ExecuteAsync("2017", "en");
            table.Add("pdf: first data load of the process (EF warm-up)", watch.Elapsed.TotalMilliseconds, null);
            watch.Restart();
            var first = await reports.RenderAsync(request, PdfPrintOptions.Default) ?? throw new InvalidOperationException("No 2017 edition.");
            table.Add("pdf: cold first study PDF (Chromium starts)", watch.Elapsed.TotalMilliseconds, 4000);
            table.Note("pdf: 2017 study", $"{CountPages(first)} pages, {first.Length / 1024} KiB");

            var warm = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                watch.Restart();
                await reports.RenderAsync(request, PdfPrintOptions.Default);
                warm.Add(watch.Elapsed.TotalMilliseconds);
            }

            var warmMedian = Median(warm);
            table.Add($"pdf: warm study PDF, median of {Runs}", warmMedian, 1500);

            // The final HTML, as the second pass prints it.
            var model = await provider.GetRequiredService<BuildStudyReport>().ExecuteAsync("2017", "en") ?? throw new InvalidOperationException();
            var html = provider.GetRequiredService<IReportHtml>();
            var htmlTimes = new List<double>();
            string document = string.Empty;
            for (var i = 0; i < Runs; i++)
            {
                watch.Restart();
                document = await html.StudyAsync(model, new ReportHtmlOptions(SectionPages: new Dictionary<int, int>()));
                htmlTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            table.Add("pdf: Razor → HTML only, median", Median(htmlTimes), null);
            var htmlPath = Path.Combine(folder, "study.html");
            await File.WriteAllTextAsync(htmlPath, document);

            var bare = await BarePlaywrightAsync(provider.GetRequiredService<ChromiumOptions>(), document);
            table.Add($"pdf: bare Chromium, fresh page + PdfAsync, median of {Runs}", bare, null);
            table.Note("pdf: warm / bare", (warmMedian / bare).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "× (goal ≤ 2×)");
            var cli = await ChromiumCliAsync(provider.GetRequiredService<ChromiumOptions>().ExecutablePath, htmlPath, Path.Combine(folder, "cli.pdf"));
            if (cli is { } cliMs)
            {
                table.Add("pdf: chromium --headless --print-to-pdf (whole process)", cliMs, null);
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<double> BarePlaywrightAsync(ChromiumOptions options, string html)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ExecutablePath,
            Headless = true,
            Args = ChromiumOptions.LaunchArguments,
        });
        var times = new List<double>();
        for (var i = 0; i < Runs + 1; i++)
        {
            var watch = Stopwatch.StartNew();
            var page = await browser.NewPageAsync();
            await page.SetContentAsync(html);
            await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
            await page.Context.CloseAsync();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first one warms the browser up
            }
        }

        return Median(times);
    }

    private static async Task<double?> ChromiumCliAsync(string chromium, string htmlPath, string pdfPath)
    {
        var arguments = ChromiumOptions.LaunchArguments.Concat(["--headless", "--no-pdf-header-footer", $"--print-to-pdf={pdfPath}", new Uri(htmlPath).AbsoluteUri]);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(chromium, arguments) { RedirectStandardError = true, RedirectStandardOutput = true });
        if (process is null)
        {
            return null;
        }

        await process.WaitForExitAsync();
        return File.Exists(pdfPath) ? watch.Elapsed.TotalMilliseconds : null;
    }

    private static int CountPages(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
